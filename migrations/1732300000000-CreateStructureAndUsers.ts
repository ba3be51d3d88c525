import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reference data of the confederation (sectors, federations, councils, unions) and users. */
export class CreateStructureAndUsers1732300000000 implements MigrationInterface {
  name = 'CreateStructureAndUsers1732300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sectors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT uq_sectors_code UNIQUE,
        name text NOT NULL,
        name_en text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        updated_by uuid
      )`);
    await q.query(`
      CREATE TABLE federations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT uq_federations_code UNIQUE,
        name text NOT NULL,
        name_en text,
        sector_code text NOT NULL CONSTRAINT fk_federations_sector REFERENCES sectors(code) ON UPDATE CASCADE,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        updated_by uuid
      )`);
    await q.query(`CREATE INDEX ix_federations_sector ON federations (sector_code)`);
    await q.query(`
      CREATE TABLE regional_councils (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT uq_regional_councils_code UNIQUE,
        name text NOT NULL,
        name_en text,
        municipalities text[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        updated_by uuid
      )`);
    await q.query(`CREATE INDEX ix_regional_councils_municipalities ON regional_councils USING gin (municipalities)`);
    await q.query(`
      CREATE TABLE unions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text CONSTRAINT uq_unions_code UNIQUE,
        name text NOT NULL,
        federation_id uuid CONSTRAINT fk_unions_federation REFERENCES federations(id),
        regional_council_id uuid NOT NULL CONSTRAINT fk_unions_regional_council REFERENCES regional_councils(id),
        employer_name text NOT NULL,
        municipality text,
        affiliated_on date,
        status text NOT NULL DEFAULT 'active' CONSTRAINT ck_unions_status CHECK (status IN ('active', 'dissolved', 'merged')),
        kind text NOT NULL DEFAULT 'enterprise' CONSTRAINT ck_unions_kind CHECK (kind IN ('enterprise', 'general', 'direct')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        updated_by uuid
      )`);
    await q.query(`CREATE INDEX ix_unions_federation ON unions (federation_id)`);
    await q.query(`CREATE INDEX ix_unions_regional_council ON unions (regional_council_id)`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL CONSTRAINT ck_users_role CHECK (role IN ('admin', 'leadership', 'regional', 'federation', 'organizer')),
        regional_council_id uuid CONSTRAINT fk_users_regional_council REFERENCES regional_councils(id),
        federation_id uuid CONSTRAINT fk_users_federation REFERENCES federations(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        updated_by uuid,
        CONSTRAINT ck_users_scope CHECK (
          (role IN ('regional', 'organizer') AND regional_council_id IS NOT NULL AND federation_id IS NULL)
          OR (role = 'federation' AND federation_id IS NOT NULL AND regional_council_id IS NULL)
          OR (role IN ('admin', 'leadership') AND regional_council_id IS NULL AND federation_id IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_users_email ON users (lower(email))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE unions`);
    await q.query(`DROP TABLE regional_councils`);
    await q.query(`DROP TABLE federations`);
    await q.query(`DROP TABLE sectors`);
  }
}
