import { HttpStatus } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { Scope, inScope, scopeOf } from '../../platform/common/auth/scope';
import { query, sql } from '../../platform/database/sql';
import { DomainError, ErrorCode, FieldProblem, forbidden } from '../../platform/common/errors/domain-error';
import { PlatformErrorCode } from '../../platform/error-codes';
import { MembershipErrorCode } from '../error-codes';

/** Who may write membership facts: admins for every union, federation users for their federation's. */
export function writeScope(caller: CurrentUser): Scope {
  if (caller.role === 'admin' || caller.role === 'federation') return scopeOf(caller);
  throw forbidden('Only admins and federation users record membership changes');
}

/** The federation and council the written unions share (null where they differ): an audit event's scope. */
export interface UnionsScope {
  federationId: string | null;
  regionalCouncilId: string | null;
}

interface UnionAccess {
  id: string;
  known: boolean;
  writable: boolean;
  federation_id: string | null;
  regional_council_id: string | null;
}

const shared = (values: (string | null)[]): string | null => (new Set(values).size === 1 ? values[0] : null);

/**
 * Checks that every union exists and is writable by the caller, in ONE query. A union
 * that does not exist is a bad reference (400 naming the field); one outside the
 * caller's federation answers 404, as a record outside the scope does.
 * `fieldOf(i)` names the field of the i-th id, e.g. `items[17].unionId`.
 * Answers the scope the unions share, which the write's audit event records.
 */
export async function assertWritableUnions(
  manager: EntityManager,
  caller: CurrentUser,
  unionIds: readonly string[],
  fieldOf: (index: number) => string,
): Promise<UnionsScope> {
  const distinct = [...new Set(unionIds)];
  const rows = await query<UnionAccess[]>(
    manager,
    sql`SELECT x.id, u.id IS NOT NULL AS known, coalesce(${inScope.union(writeScope(caller), 'u')}, FALSE) AS writable,
               u.federation_id, u.regional_council_id
        FROM unnest(${distinct}::uuid[]) AS x(id) LEFT JOIN unions u ON u.id = x.id`,
  );
  const unknown = new Set(rows.filter((r) => !r.known).map((r) => r.id));
  const outside = new Set(rows.filter((r) => r.known && !r.writable).map((r) => r.id));
  const problems = (ids: Set<string>, code: ErrorCode, message: string): FieldProblem[] =>
    unionIds.flatMap((id, i) => (ids.has(id) ? [{ field: fieldOf(i), code, message }] : [])).slice(0, 200);
  if (unknown.size) {
    const details = problems(unknown, MembershipErrorCode.UNKNOWN_UNION, 'refers to a union that does not exist');
    throw new DomainError(MembershipErrorCode.UNKNOWN_UNION, HttpStatus.BAD_REQUEST, `${details[0].field} refers to a union that does not exist`, details);
  }
  if (outside.size) {
    const details = problems(outside, PlatformErrorCode.OUT_OF_SCOPE, 'is not a union you may record changes for');
    throw new DomainError(PlatformErrorCode.NOT_FOUND, HttpStatus.NOT_FOUND, 'Union not found in your scope', details);
  }
  return { federationId: shared(rows.map((r) => r.federation_id)), regionalCouncilId: shared(rows.map((r) => r.regional_council_id)) };
}
