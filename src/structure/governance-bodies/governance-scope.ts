import type { Scope } from '../../platform/common/auth/scope';
import { Sql, sql } from '../../platform/database/sql';

/**
 * Which governance bodies a scope reaches, as for unions: all for admin and leadership; a
 * federation's own bodies and those of its unions for its officers; a council's own and its
 * unions' for its staff. The confederation's bodies are reached by the whole scope only.
 * `alias` names governance_bodies in the statement.
 */
export function bodyInScope(scope: Scope, alias: string): Sql {
  const b = sql.ident(alias);
  switch (scope.kind) {
    case 'all':
      return sql`TRUE`;
    case 'federation':
      return sql`(${b}.federation_id = ${scope.federationId}::uuid OR EXISTS (SELECT 1 FROM unions su WHERE su.id = ${b}.union_id AND su.federation_id = ${scope.federationId}::uuid))`;
    case 'council':
      return sql`(${b}.regional_council_id = ${scope.regionalCouncilId}::uuid OR EXISTS (SELECT 1 FROM unions su WHERE su.id = ${b}.union_id AND su.regional_council_id = ${scope.regionalCouncilId}::uuid))`;
  }
}
