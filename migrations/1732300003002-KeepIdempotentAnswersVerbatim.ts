import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A replayed answer must be the first answer, byte for byte: json keeps the text as
 * written (jsonb would reorder its keys). Nothing queries inside the stored answers.
 */
export class KeepIdempotentAnswersVerbatim1732300003002 implements MigrationInterface {
  name = 'KeepIdempotentAnswersVerbatim1732300003002';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys ALTER COLUMN response TYPE json USING response::json`);
    // for expiring old keys
    await q.query(`CREATE INDEX ix_idempotency_keys_created_at ON idempotency_keys (created_at)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_idempotency_keys_created_at`);
    await q.query(`ALTER TABLE idempotency_keys ALTER COLUMN response TYPE jsonb USING response::jsonb`);
  }
}
