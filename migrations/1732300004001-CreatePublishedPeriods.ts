import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Month close: the closed months and a copy of each closed month's rollups at every
 * level, with the member totals at month end. Late ledger changes keep flowing into
 * the live rollups; these tables keep what was published.
 */
export class CreatePublishedPeriods1732300004001 implements MigrationInterface {
  name = 'CreatePublishedPeriods1732300004001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE closed_periods (
        month date PRIMARY KEY CONSTRAINT ck_closed_periods_month CHECK (extract(day FROM month) = 1),
        closed_at timestamptz NOT NULL DEFAULT now(),
        closed_by uuid NOT NULL,
        closed_by_name text NOT NULL,
        -- the newest ledger change the published figures include
        as_of timestamptz
      )`);
    await q.query(`
      CREATE TABLE published_group_month_rollups (
        level text NOT NULL,
        group_key text NOT NULL,
        month date NOT NULL CONSTRAINT fk_published_group_month_rollups_month REFERENCES closed_periods(month) ON DELETE CASCADE,
        employment_type text NOT NULL,
        gender text NOT NULL,
        increase integer NOT NULL,
        decrease integer NOT NULL,
        adjustment integer NOT NULL,
        net integer NOT NULL,
        members integer NOT NULL,
        PRIMARY KEY (level, group_key, month, employment_type, gender)
      )`);
    await q.query(`CREATE INDEX ix_published_group_month_rollups_month ON published_group_month_rollups (month)`);
    await q.query(`
      CREATE TABLE published_group_month_cause_rollups (
        level text NOT NULL,
        group_key text NOT NULL,
        month date NOT NULL CONSTRAINT fk_published_group_month_cause_rollups_month REFERENCES closed_periods(month) ON DELETE CASCADE,
        cause text NOT NULL,
        members integer NOT NULL,
        PRIMARY KEY (level, group_key, month, cause)
      )`);
    await q.query(`CREATE INDEX ix_published_group_month_cause_rollups_month ON published_group_month_cause_rollups (month)`);
    // the union level, with the union's federation and council as they were at the close
    await q.query(`
      CREATE TABLE published_union_month_rollups (
        union_id uuid NOT NULL,
        month date NOT NULL CONSTRAINT fk_published_union_month_rollups_month REFERENCES closed_periods(month) ON DELETE CASCADE,
        federation_id uuid,
        regional_council_id uuid NOT NULL,
        employment_type text NOT NULL,
        gender text NOT NULL,
        increase integer NOT NULL,
        decrease integer NOT NULL,
        adjustment integer NOT NULL,
        net integer NOT NULL,
        members integer NOT NULL,
        PRIMARY KEY (union_id, month, employment_type, gender)
      )`);
    await q.query(`CREATE INDEX ix_published_union_month_rollups_month ON published_union_month_rollups (month)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE published_union_month_rollups`);
    await q.query(`DROP TABLE published_group_month_cause_rollups`);
    await q.query(`DROP TABLE published_group_month_rollups`);
    await q.query(`DROP TABLE closed_periods`);
  }
}
