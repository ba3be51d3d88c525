import { Sql, sql } from '../../database/sql';
import { CurrentUser } from './roles';

/**
 * What records a caller may see, decided once from the user and applied in SQL
 * by every query that lists or reads records.
 *  - all: admin and leadership
 *  - council: regional staff and organizers (organizers also by assignment, per feature)
 *  - federation: federation users
 */
export type Scope = { kind: 'all' } | { kind: 'council'; regionalCouncilId: string } | { kind: 'federation'; federationId: string };

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

/** The columns of a kind of row that place it in a council and a federation. */
interface ScopeColumns {
  council: string;
  federation: string;
  /** Rows with neither column set belong to everyone (chapter-wide goals). */
  sharedWhenUnset?: boolean;
}

function condition(scope: Scope, alias: string, columns: ScopeColumns): Sql {
  const column = (name: string) => sql`${sql.ident(alias)}.${sql.ident(name)}`;
  const shared = columns.sharedWhenUnset ? sql`(${column(columns.council)} IS NULL AND ${column(columns.federation)} IS NULL) OR ` : sql``;
  switch (scope.kind) {
    case 'all':
      return sql`TRUE`;
    case 'council':
      return sql`(${shared}${column(columns.council)} = ${scope.regionalCouncilId}::uuid)`;
    case 'federation':
      return sql`(${shared}${column(columns.federation)} = ${scope.federationId}::uuid)`;
  }
}

/**
 * The one place a scope becomes SQL: a condition per kind of row, to splice into a
 * `sql` statement. `alias` names the table in that statement.
 */
export const inScope = {
  /** Unions, or any row joined through a union (regional_council_id, federation_id). */
  union: (scope: Scope, alias: string): Sql => condition(scope, alias, { council: 'regional_council_id', federation: 'federation_id' }),
  /**
   * Prospects: a council's staff and organizers see its prospects; a federation sees
   * those it is the target federation of (三位一体活動).
   */
  prospect: (scope: Scope, alias: string): Sql => condition(scope, alias, { council: 'regional_council_id', federation: 'target_federation_id' }),
  /**
   * Rows placed by a council alone (まちかど労働相談): a council's own, everything for all;
   * a federation has no such rows.
   */
  council: (scope: Scope, alias: string): Sql =>
    scope.kind === 'federation' ? sql`FALSE` : condition(scope, alias, { council: 'regional_council_id', federation: 'federation_id' }),
  /** Goals: chapter-wide goals for everyone, and those of the caller's council or federation. */
  goal: (scope: Scope, alias: string): Sql => condition(scope, alias, { council: 'regional_council_id', federation: 'federation_id', sharedWhenUnset: true }),
};
