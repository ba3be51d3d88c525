import { MigrationInterface, QueryRunner } from 'typeorm';

const DECREASE = `'retirement','resignation','promotion_to_management','restructuring','contract_end','transfer_out','dissolution','withdrawal','death','other_decrease'`;

/** A regional council's review of a period's losses (減少要因の把握) and its countermeasures. */
export class CreateLossReviews1732300004002 implements MigrationInterface {
  name = 'CreateLossReviews1732300004002';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE loss_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        regional_council_id uuid NOT NULL CONSTRAINT fk_loss_reviews_regional_council REFERENCES regional_councils(id),
        -- first days of the first and last month reviewed
        period_from date NOT NULL CONSTRAINT ck_loss_reviews_period_from CHECK (extract(day FROM period_from) = 1),
        period_to date NOT NULL CONSTRAINT ck_loss_reviews_period_to CHECK (extract(day FROM period_to) = 1),
        causes text[] NOT NULL DEFAULT '{}' CONSTRAINT ck_loss_reviews_causes CHECK (causes <@ ARRAY[${DECREASE}]::text[]),
        findings text NOT NULL,
        countermeasures text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        updated_by uuid,
        CONSTRAINT ck_loss_reviews_period CHECK (period_from <= period_to)
      )`);
    await q.query(`CREATE INDEX ix_loss_reviews_regional_council ON loss_reviews (regional_council_id, period_from)`);
    await q.query(`CREATE INDEX ix_loss_reviews_causes ON loss_reviews USING gin (causes)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE loss_reviews`);
  }
}
