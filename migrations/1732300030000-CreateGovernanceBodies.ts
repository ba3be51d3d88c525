import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Governance bodies (執行委員会, 三役, 大会代議員, 中央委員会, 女性委員会, …) of the
 * confederation, a federation, a regional council or a union, and their composition per
 * fiscal year as counts only (never names): seats = women + men + unspecified, one
 * composition per body and year. Both tables bump the report cache's data version, so the
 * gender participation report never answers from before a composition was recorded.
 */
export class CreateGovernanceBodies1732300030000 implements MigrationInterface {
  name = 'CreateGovernanceBodies1732300030000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE governance_bodies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_kind text NOT NULL
          CONSTRAINT ck_governance_bodies_organization_kind CHECK (organization_kind IN ('confederation', 'federation', 'regional_council', 'union')),
        federation_id uuid CONSTRAINT fk_governance_bodies_federation REFERENCES federations(id),
        regional_council_id uuid CONSTRAINT fk_governance_bodies_regional_council REFERENCES regional_councils(id),
        union_id uuid CONSTRAINT fk_governance_bodies_union REFERENCES unions(id) ON DELETE CASCADE,
        kind text NOT NULL
          CONSTRAINT ck_governance_bodies_kind CHECK (kind IN ('executive_committee', 'top_officers', 'convention_delegates', 'central_committee', 'women_committee', 'other')),
        name text NOT NULL CONSTRAINT ck_governance_bodies_name CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        updated_by uuid,
        -- the owner is named by exactly the column of its kind
        CONSTRAINT ck_governance_bodies_owner CHECK (
          (organization_kind = 'confederation' AND federation_id IS NULL AND regional_council_id IS NULL AND union_id IS NULL) OR
          (organization_kind = 'federation' AND federation_id IS NOT NULL AND regional_council_id IS NULL AND union_id IS NULL) OR
          (organization_kind = 'regional_council' AND federation_id IS NULL AND regional_council_id IS NOT NULL AND union_id IS NULL) OR
          (organization_kind = 'union' AND federation_id IS NULL AND regional_council_id IS NULL AND union_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ix_governance_bodies_federation ON governance_bodies (federation_id) WHERE federation_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix_governance_bodies_regional_council ON governance_bodies (regional_council_id) WHERE regional_council_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix_governance_bodies_union ON governance_bodies (union_id) WHERE union_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE governance_compositions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        body_id uuid NOT NULL CONSTRAINT fk_governance_compositions_body REFERENCES governance_bodies(id) ON DELETE CASCADE,
        fiscal_year integer NOT NULL CONSTRAINT ck_governance_compositions_fiscal_year CHECK (fiscal_year BETWEEN 1990 AND 2100),
        seats integer NOT NULL CONSTRAINT ck_governance_compositions_seats CHECK (seats BETWEEN 0 AND 100000),
        women integer NOT NULL CONSTRAINT ck_governance_compositions_women CHECK (women >= 0),
        men integer NOT NULL CONSTRAINT ck_governance_compositions_men CHECK (men >= 0),
        unspecified integer NOT NULL CONSTRAINT ck_governance_compositions_unspecified CHECK (unspecified >= 0),
        women_quota boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        updated_by uuid,
        CONSTRAINT ck_governance_compositions_sum CHECK (women + men + unspecified = seats),
        CONSTRAINT uq_governance_compositions_body_year UNIQUE (body_id, fiscal_year)
      )`);
    await q.query(`CREATE INDEX ix_governance_compositions_year ON governance_compositions (fiscal_year)`);
    for (const t of ['governance_bodies', 'governance_compositions']) {
      await q.query(`CREATE TRIGGER ${t}_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${t}
                       FOR EACH STATEMENT EXECUTE FUNCTION public.bump_data_version()`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE governance_compositions`);
    await q.query(`DROP TABLE governance_bodies`);
  }
}
