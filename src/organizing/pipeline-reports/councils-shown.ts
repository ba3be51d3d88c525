import { Scope } from '../../platform/common/auth/scope';
import { Sql, sql } from '../../platform/database/sql';

/**
 * Which regional councils (alias rc) a report has a line for: the one asked for, if any, and
 * for council staff and organizers only their own. A federation's prospects may lie in any
 * council, so its scope shows them all (the prospects themselves are scoped by inScope.prospect).
 */
export function councilsShown(scope: Scope, regionalCouncilId: string | null): Sql {
  return sql.and([
    regionalCouncilId ? sql`rc.id = ${regionalCouncilId}` : sql`TRUE`,
    scope.kind === 'council' ? sql`rc.id = ${scope.regionalCouncilId}::uuid` : sql`TRUE`,
  ]);
}
