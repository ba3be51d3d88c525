import { MigrationInterface, QueryRunner } from 'typeorm';

const INDUSTRIES = "'A','B','C','D','E','F','G','H','I','J','K','L','M','N','O','P','Q','R','S','T'";
const RELATION_KINDS = "'parent_subsidiary','consolidated_subsidiary','unconsolidated_subsidiary','equity_affiliate','other_related'";

/**
 * Companies (public facts about employers, never about workers) and the relations between
 * them as the 有価証券報告書 lists them (関係会社の状況). Unions and prospects may name their
 * company. One current controlling parent per company and no cycle are kept by the service
 * under a transaction-level advisory lock (docs/company-groups.md), so two racing writes
 * are decided one after the other.
 */
export class CreateCompanies1732300020000 implements MigrationInterface {
  name = 'CreateCompanies1732300020000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE companies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        corporate_number text CONSTRAINT uq_companies_corporate_number UNIQUE
          CONSTRAINT ck_companies_corporate_number CHECK (corporate_number ~ '^[0-9]{13}$'),
        edinet_code text CONSTRAINT uq_companies_edinet_code UNIQUE
          CONSTRAINT ck_companies_edinet_code CHECK (edinet_code ~ '^E[0-9]{5}$'),
        name text NOT NULL CONSTRAINT ck_companies_name CHECK (length(name) > 0),
        name_kana text,
        -- the name as matched: NFKC, 株式会社/(株)/㈱ folded, spaces removed (company-name.ts)
        name_normalized text NOT NULL,
        prefecture text,
        municipality text,
        industry_code text CONSTRAINT ck_companies_industry_code CHECK (industry_code IN (${INDUSTRIES})),
        employees_count integer CONSTRAINT ck_companies_employees_count CHECK (employees_count >= 0),
        employees_as_of date,
        employees_source text,
        listed boolean,
        -- what is known of a union outside the chapter: none (未組織), other_union (他労組), unknown (不明)
        union_presence text NOT NULL DEFAULT 'unknown'
          CONSTRAINT ck_companies_union_presence CHECK (union_presence IN ('none','other_union','unknown')),
        other_union_name text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        updated_by uuid,
        CONSTRAINT ck_companies_employees CHECK ((employees_count IS NULL) = (employees_as_of IS NULL))
      )`);
    await q.query(`CREATE INDEX ix_companies_name_normalized ON companies (name_normalized)`);
    await q.query(`CREATE INDEX ix_companies_name_normalized_trgm ON companies USING gin (name_normalized gin_trgm_ops)`);
    await q.query(`CREATE INDEX ix_companies_name_kana_trgm ON companies USING gin (name_kana gin_trgm_ops)`);
    await q.query(`CREATE INDEX ix_companies_prefecture ON companies (prefecture)`);
    await q.query(`
      CREATE TABLE company_relations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_id uuid NOT NULL CONSTRAINT fk_company_relations_parent REFERENCES companies(id),
        child_id uuid NOT NULL CONSTRAINT fk_company_relations_child REFERENCES companies(id),
        kind text NOT NULL CONSTRAINT ck_company_relations_kind CHECK (kind IN (${RELATION_KINDS})),
        voting_share numeric(5,2) CONSTRAINT ck_company_relations_voting_share CHECK (voting_share BETWEEN 0 AND 100),
        start_on date,
        end_on date,
        source text,
        confidence text NOT NULL DEFAULT 'medium' CONSTRAINT ck_company_relations_confidence CHECK (confidence IN ('high','medium','low')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        updated_by uuid,
        CONSTRAINT ck_company_relations_not_self CHECK (parent_id <> child_id),
        CONSTRAINT ck_company_relations_period CHECK (end_on IS NULL OR start_on IS NULL OR end_on >= start_on)
      )`);
    await q.query(`CREATE INDEX ix_company_relations_parent ON company_relations (parent_id)`);
    await q.query(`CREATE INDEX ix_company_relations_child ON company_relations (child_id)`);
    await q.query(`ALTER TABLE unions ADD COLUMN company_id uuid CONSTRAINT fk_unions_company REFERENCES companies(id)`);
    await q.query(`CREATE INDEX ix_unions_company ON unions (company_id) WHERE company_id IS NOT NULL`);
    await q.query(`ALTER TABLE prospects ADD COLUMN company_id uuid CONSTRAINT fk_prospects_company REFERENCES companies(id)`);
    await q.query(`CREATE INDEX ix_prospects_company ON prospects (company_id) WHERE company_id IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE prospects DROP COLUMN company_id`);
    await q.query(`ALTER TABLE unions DROP COLUMN company_id`);
    await q.query(`DROP TABLE company_relations`);
    await q.query(`DROP TABLE companies`);
  }
}
