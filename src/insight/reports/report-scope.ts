import type { CurrentUser } from '../../platform/common/auth/roles';
import { scopeOf } from '../../platform/common/auth/scope';
import { forbidden } from '../../platform/common/errors/domain-error';

export interface ReportFilters {
  federationId?: string;
  regionalCouncilId?: string;
}

/**
 * The caller's scope as a forced filter: admin and leadership read everything; regional
 * staff and organizers read their council, federation users their federation. Asking
 * for another council or federation is 403, not a silently different answer.
 */
export function reportFilters(caller: CurrentUser, requested: ReportFilters): ReportFilters {
  const filters = { federationId: requested.federationId, regionalCouncilId: requested.regionalCouncilId };
  const scope = scopeOf(caller);
  switch (scope.kind) {
    case 'all':
      return filters;
    case 'council':
      if (filters.regionalCouncilId && filters.regionalCouncilId !== scope.regionalCouncilId) {
        throw forbidden('Reports are limited to your regional council');
      }
      return { ...filters, regionalCouncilId: scope.regionalCouncilId };
    case 'federation':
      if (filters.federationId && filters.federationId !== scope.federationId) throw forbidden('Reports are limited to your federation');
      return { ...filters, federationId: scope.federationId };
  }
}
