import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const INVARIANT_LIST_LIMIT = 200;
const LIST_LIMIT = INVARIANT_LIST_LIMIT;

export class RebuildAcceptedDto {
  /** Follow it with GET /admin/jobs/:id. */
  jobId!: string;
}

/** A job of the aggregation queue, as the admin screen follows it. */
export class JobDto {
  id!: string;
  /** rebuild, drain, sweep, expire-idempotency-keys */
  name!: string;
  @ApiProperty({ description: 'waiting, delayed, active, completed, failed, …' })
  state!: string;
  @ApiProperty({ description: 'A rebuild reports 0–100 (percent).', oneOf: [{ type: 'number' }, { type: 'object' }] })
  progress!: unknown;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  result?: unknown;
  failedReason?: string;
  createdAt!: string;
  startedAt?: string;
  finishedAt?: string;
}

export class UnionMismatchDto {
  unionId!: string;
  @ApiProperty({ example: '2026-04' })
  month!: string;
  employmentType!: string;
  gender!: string;
  cause!: string;
  /** Sum of the ledger rows already applied (not in the outbox). */
  ledger!: number;
  /** union_month_rollups.members */
  rollup!: number;
}

export class DerivedMismatchDto {
  /** total, federation, regional_council, sector or federation_council. */
  level!: string;
  groupKey!: string;
  @ApiProperty({ example: '2026-04' })
  month!: string;
  employmentType!: string | null;
  gender!: string | null;
  cause!: string | null;
  /** increase, decrease, adjustment, net (group_month_rollups) or members (group_month_cause_rollups). */
  measure!: string;
  /** What the union level adds up to under today's structure. */
  expected!: number;
  rollup!: number;
}

export class InvariantsDto {
  /** true when every rollup level equals the ledger. */
  ok!: boolean;
  checkedAt!: string;
  /** Ledger rows written but not yet applied (not part of the comparison). */
  pendingInOutbox!: number;
  mismatchCount!: number;
  @ApiProperty({ type: [UnionMismatchDto], description: `union level against the ledger (at most ${LIST_LIMIT})` })
  mismatches!: UnionMismatchDto[];
  derivedMismatchCount!: number;
  @ApiProperty({ type: [DerivedMismatchDto], description: `derived levels against the union level (at most ${LIST_LIMIT})` })
  derivedMismatches!: DerivedMismatchDto[];
}

