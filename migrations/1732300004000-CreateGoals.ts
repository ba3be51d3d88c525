import { MigrationInterface, QueryRunner } from 'typeorm';

/** Membership goals (「40万連合神奈川」 and its allocations) with their milestones. */
export class CreateGoals1732300004000 implements MigrationInterface {
  name = 'CreateGoals1732300004000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE goals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        target_members integer NOT NULL CONSTRAINT ck_goals_target_members CHECK (target_members > 0),
        target_on date NOT NULL,
        baseline_on date NOT NULL,
        -- the scope: both empty = the whole chapter; both set = one federation in one council
        federation_id uuid CONSTRAINT fk_goals_federation REFERENCES federations(id),
        regional_council_id uuid CONSTRAINT fk_goals_regional_council REFERENCES regional_councils(id),
        parent_goal_id uuid CONSTRAINT fk_goals_parent REFERENCES goals(id),
        -- [{name, dueOn, targetMembers}], replaced as a whole with the goal's version
        milestones jsonb NOT NULL DEFAULT '[]' CONSTRAINT ck_goals_milestones CHECK (jsonb_typeof(milestones) = 'array'),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        updated_by uuid,
        CONSTRAINT ck_goals_dates CHECK (baseline_on <= target_on),
        CONSTRAINT ck_goals_not_own_parent CHECK (parent_goal_id <> id)
      )`);
    await q.query(`CREATE INDEX ix_goals_parent ON goals (parent_goal_id)`);
    await q.query(`CREATE INDEX ix_goals_federation ON goals (federation_id) WHERE federation_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix_goals_regional_council ON goals (regional_council_id) WHERE regional_council_id IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE goals`);
  }
}
