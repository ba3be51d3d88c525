import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One ledger entry moves at most 100,000 members (the API refuses more, naming `delta`).
 * The database says so too, so no writer can put a batch of the aggregation beyond
 * 32-bit sums and stall the worker on an overflow.
 */
export class LimitEntrySize1732300006002 implements MigrationInterface {
  name = 'LimitEntrySize1732300006002';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE membership_changes ADD CONSTRAINT ck_membership_changes_delta_size CHECK (abs(delta) <= 100000)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE membership_changes DROP CONSTRAINT ck_membership_changes_delta_size`);
  }
}
