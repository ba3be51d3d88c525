import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The annual member count survey (組合員数調査): one row per submission, with the
 * counts as submitted (normalized) and a hash of its content, so a re-submission of
 * the same survey is recognized. Its survey_adjustment ledger rows point to it.
 */
export class CreateMembershipSurveys1732300003000 implements MigrationInterface {
  name = 'CreateMembershipSurveys1732300003000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE membership_surveys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        union_id uuid NOT NULL CONSTRAINT fk_membership_surveys_union REFERENCES unions(id),
        surveyed_on date NOT NULL,
        -- [{employmentType, gender, members}] sorted, pairs with 0 members left out
        counts jsonb NOT NULL,
        total_members integer NOT NULL CONSTRAINT ck_membership_surveys_total CHECK (total_members >= 0),
        content_hash text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid
      )`);
    await q.query(`CREATE INDEX ix_membership_surveys_union_surveyed ON membership_surveys (union_id, surveyed_on, recorded_at DESC)`);
    await q.query(`
      ALTER TABLE membership_changes
        ADD CONSTRAINT fk_membership_changes_survey FOREIGN KEY (survey_id) REFERENCES membership_surveys(id),
        -- a survey adjustment always belongs to a survey, and only survey adjustments do
        ADD CONSTRAINT ck_membership_changes_survey CHECK ((cause = 'survey_adjustment') = (survey_id IS NOT NULL))`);
    await q.query(`CREATE INDEX ix_membership_changes_survey ON membership_changes (survey_id) WHERE survey_id IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_membership_changes_survey`);
    await q.query(`ALTER TABLE membership_changes DROP CONSTRAINT ck_membership_changes_survey, DROP CONSTRAINT fk_membership_changes_survey`);
    await q.query(`DROP TABLE membership_surveys`);
  }
}
