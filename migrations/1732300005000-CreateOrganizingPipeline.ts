import { MigrationInterface, QueryRunner } from 'typeorm';

const STAGES = `'identified','contacted','engaged','committee','founded','affiliated','on_hold','lost'`;
const SOURCES = `'consultation','referral','federation','corporate_group','outreach','other'`;
const VISIT_KINDS = `'visit','phone','meeting','leaflet','online','consultation'`;
const OUTCOMES = `'turned_away','card_exchanged','meeting_held','revisit_promised','materials_left','consultation_taken','other'`;
const CHANNELS = `'street','phone','web','walk_in'`;
const TOPICS = `'dismissal','non_renewal','harassment','wages','hours','social_insurance','other'`;

/**
 * The organizing pipeline: prospects (unorganized workplaces), every stage move,
 * visits and street-corner consultations. Name search is a partial match (ILIKE)
 * backed by trigram indexes, since Japanese has no word boundaries.
 */
export class CreateOrganizingPipeline1732300005000 implements MigrationInterface {
  name = 'CreateOrganizingPipeline1732300005000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE prospects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employer_name text NOT NULL CONSTRAINT ck_prospects_employer_name CHECK (length(employer_name) > 0),
        employer_name_kana text,
        establishment_name text,
        municipality text,
        regional_council_id uuid NOT NULL CONSTRAINT fk_prospects_regional_council REFERENCES regional_councils(id),
        sector_code text CONSTRAINT fk_prospects_sector REFERENCES sectors(code) ON UPDATE CASCADE,
        target_federation_id uuid CONSTRAINT fk_prospects_target_federation REFERENCES federations(id),
        estimated_workers integer NOT NULL CONSTRAINT ck_prospects_estimated_workers CHECK (estimated_workers >= 0),
        workforce_regular integer,
        workforce_part_time integer,
        workforce_fixed_term integer,
        workforce_dispatch integer,
        source text NOT NULL CONSTRAINT ck_prospects_source CHECK (source IN (${SOURCES})),
        stage text NOT NULL DEFAULT 'identified' CONSTRAINT ck_prospects_stage CHECK (stage IN (${STAGES})),
        stage_changed_at timestamptz NOT NULL DEFAULT now(),
        -- the stage a prospect on hold was paused at; it may return to that stage or an earlier one
        held_from_stage text CONSTRAINT ck_prospects_held_from_stage
          CHECK (held_from_stage IN ('identified','contacted','engaged','committee','founded')),
        assigned_organizer_ids uuid[] NOT NULL DEFAULT '{}',
        next_action_on date,
        union_id uuid CONSTRAINT uq_prospects_union UNIQUE CONSTRAINT fk_prospects_union REFERENCES unions(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        updated_by uuid,
        CONSTRAINT ck_prospects_workforce CHECK (
          (workforce_regular IS NULL AND workforce_part_time IS NULL AND workforce_fixed_term IS NULL AND workforce_dispatch IS NULL)
          OR (workforce_regular >= 0 AND workforce_part_time >= 0 AND workforce_fixed_term >= 0 AND workforce_dispatch >= 0)),
        CONSTRAINT ck_prospects_on_hold CHECK ((stage = 'on_hold') = (held_from_stage IS NOT NULL)),
        CONSTRAINT ck_prospects_affiliated CHECK (stage <> 'affiliated' OR union_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX ix_prospects_council_stage ON prospects (regional_council_id, stage)`);
    await q.query(`CREATE INDEX ix_prospects_target_federation ON prospects (target_federation_id)`);
    await q.query(`CREATE INDEX ix_prospects_next_action ON prospects (next_action_on) WHERE next_action_on IS NOT NULL`);
    await q.query(`CREATE INDEX ix_prospects_updated_at ON prospects (updated_at)`);
    await q.query(`CREATE INDEX ix_prospects_assigned ON prospects USING gin (assigned_organizer_ids)`);
    await q.query(`CREATE INDEX ix_prospects_employer_name_trgm ON prospects USING gin (employer_name gin_trgm_ops)`);
    await q.query(`CREATE INDEX ix_prospects_employer_name_kana_trgm ON prospects USING gin (employer_name_kana gin_trgm_ops)`);
    await q.query(`CREATE INDEX ix_prospects_establishment_name_trgm ON prospects USING gin (establishment_name gin_trgm_ops)`);

    // every stage a prospect entered: its creation (from_stage NULL), moves, reopenings, the affiliation
    await q.query(`
      CREATE TABLE prospect_stage_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        prospect_id uuid NOT NULL CONSTRAINT fk_prospect_stage_changes_prospect REFERENCES prospects(id) ON DELETE CASCADE,
        kind text NOT NULL CONSTRAINT ck_prospect_stage_changes_kind CHECK (kind IN ('created', 'moved', 'reopened', 'affiliated')),
        from_stage text CONSTRAINT ck_prospect_stage_changes_from CHECK (from_stage IN (${STAGES})),
        to_stage text NOT NULL CONSTRAINT ck_prospect_stage_changes_to CHECK (to_stage IN (${STAGES})),
        note text,
        changed_by uuid CONSTRAINT fk_prospect_stage_changes_user REFERENCES users(id),
        changed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_prospect_stage_changes_from_kind CHECK ((kind = 'created') = (from_stage IS NULL))
      )`);
    await q.query(`CREATE INDEX ix_prospect_stage_changes_prospect ON prospect_stage_changes (prospect_id, changed_at, seq)`);
    await q.query(`CREATE INDEX ix_prospect_stage_changes_changed_at ON prospect_stage_changes (changed_at)`);

    await q.query(`
      CREATE TABLE visits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        prospect_id uuid NOT NULL CONSTRAINT fk_visits_prospect REFERENCES prospects(id) ON DELETE CASCADE,
        organizer_id uuid NOT NULL CONSTRAINT fk_visits_organizer REFERENCES users(id),
        occurred_on date NOT NULL,
        kind text NOT NULL CONSTRAINT ck_visits_kind CHECK (kind IN (${VISIT_KINDS})),
        outcome text CONSTRAINT ck_visits_outcome CHECK (outcome IN (${OUTCOMES})),
        contacts_reached integer CONSTRAINT ck_visits_contacts_reached CHECK (contacts_reached >= 0),
        support_level smallint CONSTRAINT ck_visits_support_level CHECK (support_level BETWEEN 1 AND 5),
        summary text NOT NULL,
        next_action_on date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        updated_by uuid
      )`);
    await q.query(`CREATE INDEX ix_visits_prospect ON visits (prospect_id, occurred_on)`);
    await q.query(`CREATE INDEX ix_visits_organizer ON visits (organizer_id, occurred_on)`);
    await q.query(`CREATE INDEX ix_visits_occurred_on ON visits (occurred_on)`);

    // まちかど労働相談: no worker names or contact details are stored here
    await q.query(`
      CREATE TABLE consultations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        received_on date NOT NULL,
        regional_council_id uuid NOT NULL CONSTRAINT fk_consultations_regional_council REFERENCES regional_councils(id),
        channel text NOT NULL CONSTRAINT ck_consultations_channel CHECK (channel IN (${CHANNELS})),
        topics text[] NOT NULL CONSTRAINT ck_consultations_topics
          CHECK (cardinality(topics) > 0 AND topics <@ ARRAY[${TOPICS}]::text[]),
        employer_name text,
        workers_concerned integer CONSTRAINT ck_consultations_workers_concerned CHECK (workers_concerned > 0),
        summary text NOT NULL,
        prospect_id uuid CONSTRAINT fk_consultations_prospect REFERENCES prospects(id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        updated_by uuid
      )`);
    await q.query(`CREATE INDEX ix_consultations_council_received ON consultations (regional_council_id, received_on)`);
    await q.query(`CREATE INDEX ix_consultations_prospect ON consultations (prospect_id) WHERE prospect_id IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE consultations`);
    await q.query(`DROP TABLE visits`);
    await q.query(`DROP TABLE prospect_stage_changes`);
    await q.query(`DROP TABLE prospects`);
    // pg_trgm stays: other tables may use it
  }
}
