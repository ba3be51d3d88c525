import { MigrationInterface, QueryRunner } from 'typeorm';

const INCREASE = `'new_hire','new_organizing','non_regular_enrollment','transfer_in','merger_in','other_increase'`;
const DECREASE = `'retirement','resignation','promotion_to_management','restructuring','contract_end','transfer_out','dissolution','withdrawal','death','other_decrease'`;

/**
 * The membership ledger (append-only), the aggregation outbox, idempotency keys
 * and the rollup tables with the SQL that keeps them equal to the ledger.
 * The invariants it keeps: docs/architecture.md#invariants.
 */
export class CreateMembershipLedger1732300001000 implements MigrationInterface {
  name = 'CreateMembershipLedger1732300001000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION cause_kind(cause text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE
          WHEN cause IN (${INCREASE}) THEN 'increase'
          WHEN cause IN (${DECREASE}) THEN 'decrease'
          WHEN cause = 'survey_adjustment' THEN 'adjustment'
        END
      $$`);
    await q.query(`
      CREATE TABLE membership_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT uq_membership_changes_seq UNIQUE,
        union_id uuid NOT NULL CONSTRAINT fk_membership_changes_union REFERENCES unions(id),
        effective_on date NOT NULL,
        month date NOT NULL GENERATED ALWAYS AS (date_trunc('month', effective_on::timestamp)::date) STORED,
        delta integer NOT NULL CONSTRAINT ck_membership_changes_delta CHECK (delta <> 0),
        cause text NOT NULL CONSTRAINT ck_membership_changes_cause CHECK (cause_kind(cause) IS NOT NULL),
        employment_type text NOT NULL CONSTRAINT ck_membership_changes_employment_type
          CHECK (employment_type IN ('regular', 'part_time', 'fixed_term', 'dispatch', 'other')),
        gender text NOT NULL DEFAULT 'unspecified' CONSTRAINT ck_membership_changes_gender
          CHECK (gender IN ('female', 'male', 'unspecified')),
        note text,
        reversal_of uuid CONSTRAINT uq_membership_changes_reversal_of UNIQUE
          CONSTRAINT fk_membership_changes_reversal_of REFERENCES membership_changes(id),
        source text NOT NULL DEFAULT 'api' CONSTRAINT ck_membership_changes_source
          CHECK (source IN ('api', 'bulk', 'survey', 'affiliation', 'reversal', 'demo', 'import')),
        survey_id uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid,
        -- an increase cause has a positive delta, a decrease cause a negative one;
        -- a reversal carries the opposite sign of the entry it reverses
        CONSTRAINT ck_membership_changes_sign CHECK (
          cause = 'survey_adjustment'
          OR ((cause_kind(cause) = 'increase') = (delta > 0)) = (reversal_of IS NULL))
      )`);
    await q.query(`CREATE INDEX ix_membership_changes_union_effective ON membership_changes (union_id, effective_on)`);
    await q.query(`CREATE INDEX ix_membership_changes_effective ON membership_changes (effective_on)`);
    await q.query(`
      CREATE FUNCTION membership_changes_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'membership_changes is append-only: % refused; write a reversing entry instead', TG_OP
          USING ERRCODE = 'P0001';
      END $$`);
    await q.query(`
      CREATE TRIGGER membership_changes_append_only BEFORE UPDATE OR DELETE ON membership_changes
        FOR EACH ROW EXECUTE FUNCTION membership_changes_refuse_change()`);
    await q.query(`
      CREATE TRIGGER membership_changes_no_truncate BEFORE TRUNCATE ON membership_changes
        FOR EACH STATEMENT EXECUTE FUNCTION membership_changes_refuse_change()`);

    // Ledger rows not yet in the rollups. Written in the same transaction as the ledger rows.
    await q.query(`CREATE TABLE aggregation_outbox (change_id uuid PRIMARY KEY)`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status_code integer,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);

    // Detailed level: union x month x employment type x gender x cause (signed sum of deltas).
    await q.query(`
      CREATE TABLE union_month_rollups (
        union_id uuid NOT NULL,
        month date NOT NULL,
        employment_type text NOT NULL,
        gender text NOT NULL,
        cause text NOT NULL,
        members integer NOT NULL,
        changes integer NOT NULL,
        PRIMARY KEY (union_id, month, employment_type, gender, cause)
      )`);
    // Derived levels read by reports. group_key: 'all' (total), a federation or council id,
    // a sector code, '<federationId>:<councilId>' (federation_council); 'none' for a union
    // without a federation.
    await q.query(`
      CREATE TABLE group_month_rollups (
        level text NOT NULL CONSTRAINT ck_group_month_rollups_level
          CHECK (level IN ('total', 'federation', 'regional_council', 'sector', 'federation_council')),
        group_key text NOT NULL,
        month date NOT NULL,
        employment_type text NOT NULL,
        gender text NOT NULL,
        increase integer NOT NULL,
        decrease integer NOT NULL,
        adjustment integer NOT NULL,
        net integer NOT NULL,
        PRIMARY KEY (level, group_key, month, employment_type, gender)
      )`);
    await q.query(`
      CREATE TABLE group_month_cause_rollups (
        level text NOT NULL,
        group_key text NOT NULL,
        month date NOT NULL,
        cause text NOT NULL,
        members integer NOT NULL,
        PRIMARY KEY (level, group_key, month, cause)
      )`);
    await q.query(`
      CREATE TABLE aggregation_state (
        id integer PRIMARY KEY CONSTRAINT ck_aggregation_state_single CHECK (id = 1),
        as_of timestamptz,
        rebuilt_at timestamptz
      )`);
    await q.query(`INSERT INTO aggregation_state (id) VALUES (1)`);

    // The levels a union's figures count toward, for set-based upserts.
    await q.query(`
      CREATE FUNCTION union_groups(p_federation uuid, p_council uuid, p_sector text)
      RETURNS TABLE (level text, group_key text) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        VALUES ('total', 'all'),
               ('federation', coalesce(p_federation::text, 'none')),
               ('regional_council', p_council::text),
               ('sector', coalesce(p_sector, 'none')),
               ('federation_council', coalesce(p_federation::text, 'none') || ':' || p_council::text)
      $$`);

    // Adds p_sign x the given union-level deltas (a temp table "rollup_delta") to every derived level.
    await q.query(`
      CREATE FUNCTION aggregation_add_to_groups() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO group_month_rollups AS g (level, group_key, month, employment_type, gender, increase, decrease, adjustment, net)
        SELECT l.level, l.group_key, d.month, d.employment_type, d.gender,
               sum(CASE WHEN cause_kind(d.cause) = 'increase' THEN d.members ELSE 0 END),
               sum(CASE WHEN cause_kind(d.cause) = 'decrease' THEN -d.members ELSE 0 END),
               sum(CASE WHEN cause_kind(d.cause) = 'adjustment' THEN d.members ELSE 0 END),
               sum(d.members)
        FROM rollup_delta d
        JOIN unions u ON u.id = d.union_id
        LEFT JOIN federations f ON f.id = u.federation_id
        CROSS JOIN LATERAL union_groups(u.federation_id, u.regional_council_id, f.sector_code) l
        GROUP BY 1, 2, 3, 4, 5
        ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (level, group_key, month, employment_type, gender) DO UPDATE SET
          increase = g.increase + EXCLUDED.increase, decrease = g.decrease + EXCLUDED.decrease,
          adjustment = g.adjustment + EXCLUDED.adjustment, net = g.net + EXCLUDED.net;

        INSERT INTO group_month_cause_rollups AS g (level, group_key, month, cause, members)
        SELECT l.level, l.group_key, d.month, d.cause, sum(d.members)
        FROM rollup_delta d
        JOIN unions u ON u.id = d.union_id
        LEFT JOIN federations f ON f.id = u.federation_id
        CROSS JOIN LATERAL union_groups(u.federation_id, u.regional_council_id, f.sector_code) l
        GROUP BY 1, 2, 3, 4
        ORDER BY 1, 2, 3, 4
        ON CONFLICT (level, group_key, month, cause) DO UPDATE SET members = g.members + EXCLUDED.members;
      END $$`);

    /*
     * Claims up to p_limit outbox rows (SKIP LOCKED, so workers take disjoint batches), adds
     * their sums to every rollup level and deletes them from the outbox, all in the caller's
     * transaction: a crash before commit leaves the batch in the outbox, after commit it is
     * applied and gone. Returns the number of ledger rows applied.
     */
    await q.query(`
      CREATE FUNCTION aggregation_apply_batch(p_limit integer) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
        newest timestamptz;
      BEGIN
        -- waits while a rebuild or a union move holds the outbox
        LOCK TABLE aggregation_outbox IN ROW EXCLUSIVE MODE;
        WITH picked AS (
          SELECT change_id FROM aggregation_outbox ORDER BY change_id LIMIT p_limit FOR UPDATE SKIP LOCKED
        ), claimed AS (
          DELETE FROM aggregation_outbox o USING picked WHERE o.change_id = picked.change_id RETURNING o.change_id
        )
        SELECT array_agg(change_id) INTO ids FROM claimed;
        IF ids IS NULL THEN
          RETURN 0;
        END IF;

        CREATE TEMP TABLE IF NOT EXISTS rollup_delta (
          union_id uuid, month date, employment_type text, gender text, cause text, members integer, changes integer
        ) ON COMMIT DELETE ROWS;
        DELETE FROM rollup_delta;
        INSERT INTO rollup_delta
        SELECT c.union_id, c.month, c.employment_type, c.gender, c.cause, sum(c.delta), count(*)
        FROM membership_changes c WHERE c.id = ANY (ids)
        GROUP BY 1, 2, 3, 4, 5;

        INSERT INTO union_month_rollups AS r (union_id, month, employment_type, gender, cause, members, changes)
        SELECT * FROM rollup_delta ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (union_id, month, employment_type, gender, cause) DO UPDATE SET
          members = r.members + EXCLUDED.members, changes = r.changes + EXCLUDED.changes;

        PERFORM aggregation_add_to_groups();

        SELECT max(recorded_at) INTO newest FROM membership_changes WHERE id = ANY (ids);
        UPDATE aggregation_state SET as_of = greatest(as_of, newest) WHERE id = 1;
        RETURN cardinality(ids);
      END $$`);

    /*
     * Recomputes every rollup from the ledger. Holds the outbox exclusively, so no batch is
     * applied and no ledger row is written meanwhile; everything committed is included.
     */
    await q.query(`
      CREATE FUNCTION aggregation_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        n bigint;
      BEGIN
        LOCK TABLE aggregation_outbox IN ACCESS EXCLUSIVE MODE;
        TRUNCATE aggregation_outbox, union_month_rollups, group_month_rollups, group_month_cause_rollups;
        INSERT INTO union_month_rollups (union_id, month, employment_type, gender, cause, members, changes)
        SELECT union_id, month, employment_type, gender, cause, sum(delta), count(*)
        FROM membership_changes GROUP BY 1, 2, 3, 4, 5;
        GET DIAGNOSTICS n = ROW_COUNT;

        INSERT INTO group_month_rollups (level, group_key, month, employment_type, gender, increase, decrease, adjustment, net)
        SELECT l.level, l.group_key, d.month, d.employment_type, d.gender,
               sum(CASE WHEN cause_kind(d.cause) = 'increase' THEN d.members ELSE 0 END),
               sum(CASE WHEN cause_kind(d.cause) = 'decrease' THEN -d.members ELSE 0 END),
               sum(CASE WHEN cause_kind(d.cause) = 'adjustment' THEN d.members ELSE 0 END),
               sum(d.members)
        FROM union_month_rollups d
        JOIN unions u ON u.id = d.union_id
        LEFT JOIN federations f ON f.id = u.federation_id
        CROSS JOIN LATERAL union_groups(u.federation_id, u.regional_council_id, f.sector_code) l
        GROUP BY 1, 2, 3, 4, 5;

        INSERT INTO group_month_cause_rollups (level, group_key, month, cause, members)
        SELECT l.level, l.group_key, d.month, d.cause, sum(d.members)
        FROM union_month_rollups d
        JOIN unions u ON u.id = d.union_id
        LEFT JOIN federations f ON f.id = u.federation_id
        CROSS JOIN LATERAL union_groups(u.federation_id, u.regional_council_id, f.sector_code) l
        GROUP BY 1, 2, 3, 4;

        UPDATE aggregation_state SET as_of = (SELECT max(recorded_at) FROM membership_changes), rebuilt_at = now() WHERE id = 1;
        RETURN n;
      END $$`);

    /*
     * Adds p_sign x a union's union-level figures to the derived levels of its current
     * federation/council. A structure change calls it with -1 before and +1 after updating
     * the union, inside one transaction that first locks the outbox (SHARE ROW EXCLUSIVE).
     */
    await q.query(`
      CREATE FUNCTION aggregation_shift_union(p_union uuid, p_sign integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        CREATE TEMP TABLE IF NOT EXISTS rollup_delta (
          union_id uuid, month date, employment_type text, gender text, cause text, members integer, changes integer
        ) ON COMMIT DELETE ROWS;
        DELETE FROM rollup_delta;
        INSERT INTO rollup_delta
        SELECT union_id, month, employment_type, gender, cause, p_sign * members, p_sign * changes
        FROM union_month_rollups WHERE union_id = p_union;
        PERFORM aggregation_add_to_groups();
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION aggregation_shift_union(uuid, integer)`);
    await q.query(`DROP FUNCTION aggregation_rebuild()`);
    await q.query(`DROP FUNCTION aggregation_apply_batch(integer)`);
    await q.query(`DROP FUNCTION aggregation_add_to_groups()`);
    await q.query(`DROP FUNCTION union_groups(uuid, uuid, text)`);
    await q.query(`DROP TABLE aggregation_state`);
    await q.query(`DROP TABLE group_month_cause_rollups`);
    await q.query(`DROP TABLE group_month_rollups`);
    await q.query(`DROP TABLE union_month_rollups`);
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE aggregation_outbox`);
    await q.query(`DROP TABLE membership_changes`);
    await q.query(`DROP FUNCTION membership_changes_refuse_change()`);
    await q.query(`DROP FUNCTION cause_kind(text)`);
  }
}
