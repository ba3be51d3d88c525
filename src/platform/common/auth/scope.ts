import { CurrentUser } from './roles';

/**
 * What records a caller may see, decided once from the user and applied in SQL
 * by every query that lists or reads records.
 *  - all: admin and leadership
 *  - council: regional staff and organizers (organizers also by assignment, per feature)
 *  - federation: federation users
 */
export type Scope =
  | { kind: 'all' }
  | { kind: 'council'; regionalCouncilId: string }
  | { kind: 'federation'; federationId: string };

export function scopeOf(user: CurrentUser): Scope {
  switch (user.role) {
    case 'admin':
    case 'leadership':
      return { kind: 'all' };
    case 'regional':
    case 'organizer':
      return { kind: 'council', regionalCouncilId: user.regionalCouncilId as string };
    case 'federation':
      return { kind: 'federation', federationId: user.federationId as string };
  }
}

/**
 * A SQL condition restricting rows that carry a council and a federation column to the
 * scope, with its parameters. `alias` is the query alias of a table with
 * regional_council_id and federation_id columns (unions, or a join through unions).
 */
export function scopeCondition(scope: Scope, alias: string): { sql: string; params: Record<string, string> } {
  switch (scope.kind) {
    case 'all':
      return { sql: 'TRUE', params: {} };
    case 'council':
      return { sql: `${alias}.regional_council_id = :scopeCouncilId`, params: { scopeCouncilId: scope.regionalCouncilId } };
    case 'federation':
      return { sql: `${alias}.federation_id = :scopeFederationId`, params: { scopeFederationId: scope.federationId } };
  }
}

/**
 * The scope as a SQL condition with positional parameters (appended to `params`), for
 * raw SQL (the membership features). `alias` is a table with regional_council_id
 * and federation_id columns (unions).
 */
export function scopeSql(scope: Scope, alias: string, params: unknown[]): string {
  switch (scope.kind) {
    case 'all':
      return 'TRUE';
    case 'council':
      params.push(scope.regionalCouncilId);
      return `${alias}.regional_council_id = $${params.length}::uuid`;
    case 'federation':
      params.push(scope.federationId);
      return `${alias}.federation_id = $${params.length}::uuid`;
  }
}
