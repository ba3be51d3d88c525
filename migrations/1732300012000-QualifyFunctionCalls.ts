import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A restore runs with an empty search_path (pg_dump's header sets it so), and a function that
 * a CHECK constraint, a trigger or a column default calls is then run from inside the restore.
 * The ledger's CHECK constraints call cause_kind(), which called cause_kinds() by its bare name:
 * `pg_restore` of any database with ledger rows failed while loading membership_changes
 * ("function cause_kinds() does not exist ... during inlining").
 *
 * Every such function, checked in the catalog (pg_constraint, pg_trigger, pg_attrdef and index
 * expressions depending on a function):
 * - cause_kind() (ledger CHECKs): now calls public.cause_kinds(). Qualified rather than given
 *   `SET search_path`, which would stop PostgreSQL from inlining it into every plan.
 * - bump_data_version() (statement triggers on the rollups, published figures, goals and
 *   structure): PL/pgSQL, never inlined, so it gets `SET search_path = public` and keeps its body.
 * - cause_kinds(), membership_changes_refuse_change(), uuid_v7() (ledger default) name nothing
 *   outside pg_catalog, which is searched even when search_path is empty: unchanged.
 */
const CAUSE_KIND = `
  SELECT public.cause_kinds() ->> cause
`;

const BUMP_DATA_VERSION = `
      BEGIN
        UPDATE aggregation_state SET data_version = data_version + 1 WHERE id = 1;
        RETURN NULL;
      END `;

/** cause_kind() before this migration, as the database printed it (for down()). */
const PREVIOUS_CAUSE_KIND = `
  SELECT cause_kinds() ->> cause
`;

export class QualifyFunctionCalls1732300012000 implements MigrationInterface {
  name = 'QualifyFunctionCalls1732300012000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION cause_kind(cause text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$${CAUSE_KIND}$$`);
    await q.query(`CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$${BUMP_DATA_VERSION}$$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$${BUMP_DATA_VERSION}$$`);
    await q.query(`CREATE OR REPLACE FUNCTION cause_kind(cause text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$${PREVIOUS_CAUSE_KIND}$$`);
  }
}
