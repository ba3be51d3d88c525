import type { CurrentUser } from '../../platform/common/auth/roles';
import { scopeOf } from '../../platform/common/auth/scope';

/**
 * Who sees and changes which prospects (README "Roles"):
 *  - admin and leadership read all; regional staff and organizers read their council's;
 *  - federation users read, never change, the prospects whose target federation is theirs
 *    (the federation organizes beside the council: 三位一体活動);
 *  - council staff (regional of that council, admin) manage them: edit, reopen, affiliate;
 *  - an organizer moves the stage only of prospects assigned to them.
 * Reads apply the condition in SQL, so a prospect outside the scope answers 404.
 */
export function prospectScopeCondition(caller: CurrentUser, alias = 'p'): { sql: string; params: Record<string, string> } {
  const scope = scopeOf(caller);
  switch (scope.kind) {
    case 'all':
      return { sql: 'TRUE', params: {} };
    case 'council':
      return { sql: `${alias}.regional_council_id = :scopeCouncilId`, params: { scopeCouncilId: scope.regionalCouncilId } };
    case 'federation':
      return { sql: `${alias}.target_federation_id = :scopeFederationId`, params: { scopeFederationId: scope.federationId } };
  }
}

/** The same condition with positional parameters for raw SQL, starting at $<first>. */
export function prospectScopeSql(caller: CurrentUser, alias: string, first: number): { sql: string; params: string[] } {
  const { sql, params } = prospectScopeCondition(caller, alias);
  const values = Object.values(params);
  return { sql: values.length ? sql.replace(/:\w+/, `$${first}`) : sql, params: values };
}

interface ProspectOwnership {
  regionalCouncilId: string;
  assignedOrganizerIds: string[];
}

/** Council staff of the prospect's council, or an admin. */
export function canManage(caller: CurrentUser, prospect: Pick<ProspectOwnership, 'regionalCouncilId'>): boolean {
  return caller.role === 'admin' || (caller.role === 'regional' && caller.regionalCouncilId === prospect.regionalCouncilId);
}

/** Council staff, or an organizer of the council the prospect is assigned to. */
export function canMoveStage(caller: CurrentUser, prospect: ProspectOwnership): boolean {
  if (canManage(caller, prospect)) return true;
  return (
    caller.role === 'organizer' &&
    caller.regionalCouncilId === prospect.regionalCouncilId &&
    prospect.assignedOrganizerIds.includes(caller.id)
  );
}
