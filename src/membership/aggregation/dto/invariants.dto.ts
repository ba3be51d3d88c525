import { ApiProperty } from '@nestjs/swagger';

/** At most this many mismatches of each level are listed. */
export const LIST_LIMIT = 200;

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
