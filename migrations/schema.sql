-- The schema in force: what the migrations in this folder add up to, dumped from a freshly
-- migrated database (pg_dump --schema-only, without the session settings and version lines).
-- Written by `npm run schema:dump`; never edited by hand. Change the schema with a migration,
-- then run the dump; test/platform/schema-drift.e2e-spec.ts fails while this file is out of date.

--
-- PostgreSQL database dump
--

--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
-- Name: uuid-ossp; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;


--
-- Name: EXTENSION "uuid-ossp"; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION "uuid-ossp" IS 'generate universally unique identifiers (UUIDs)';


--
-- Name: aggregation_add_to_groups(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.aggregation_add_to_groups() RETURNS void
    LANGUAGE plpgsql
    AS $$
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
      END $$;


--
-- Name: aggregation_apply_batch(integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.aggregation_apply_batch(p_limit integer) RETURNS integer
    LANGUAGE plpgsql
    AS $$
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
      END $$;


--
-- Name: aggregation_rebuild(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.aggregation_rebuild() RETURNS bigint
    LANGUAGE plpgsql
    AS $$
      DECLARE
        n bigint;
      BEGIN
        PERFORM aggregation_rebuild_begin();
        n := aggregation_rebuild_union_level_next();
        PERFORM aggregation_rebuild_group_levels_next();
        PERFORM aggregation_rebuild_swap();
        RETURN n;
      END $$;


--
-- Name: aggregation_rebuild_begin(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.aggregation_rebuild_begin() RETURNS bigint
    LANGUAGE plpgsql
    AS $$
      DECLARE
        n bigint;
      BEGIN
        LOCK TABLE aggregation_outbox IN ACCESS EXCLUSIVE MODE;
        -- the outbox rows are about to be counted from the ledger itself
        TRUNCATE aggregation_outbox;
        SELECT reltuples::bigint INTO n FROM pg_class WHERE oid = 'membership_changes'::regclass;
        RETURN greatest(n, 0);
      END $$;


--
-- Name: aggregation_rebuild_group_levels_next(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.aggregation_rebuild_group_levels_next() RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
  -- the federation x council grain takes about 300 MB of hash table at national scale
  SET LOCAL work_mem = '512MB';
  SET LOCAL maintenance_work_mem = '256MB';
  SET LOCAL jit = off;
  SET LOCAL client_min_messages = warning;
  DROP TABLE IF EXISTS group_month_rollups_next;
  CREATE TABLE group_month_rollups_next (LIKE group_month_rollups INCLUDING ALL EXCLUDING INDEXES);
  -- one pass over the ledger for the federation x council grain, then the coarser
  -- levels from that much smaller result, still keyed by uuid
  WITH pairs AS MATERIALIZED (
    -- each union's federation x council pair as a small number: grouping by one int
    -- instead of two uuids keeps the hash tables small
    SELECT id AS union_id, federation_id, regional_council_id,
           dense_rank() OVER (ORDER BY federation_id, regional_council_id)::int AS pair
    FROM unions
  ), kinds AS (
    -- the sum each cause feeds, from the one list of causes, as a tiny join table:
    -- cheaper per row than evaluating cause_kind() per sum
    SELECT key AS cause, (value = 'increase')::int AS increase, (value = 'decrease')::int AS decrease,
           (value = 'adjustment')::int AS adjustment
    FROM jsonb_each_text(cause_kinds())
  ), grain AS MATERIALIZED (
    SELECT p.pair, c.month, c.employment_type, c.gender,
           sum(c.delta * k.increase) AS increase, sum(-c.delta * k.decrease) AS decrease,
           sum(c.delta * k.adjustment) AS adjustment, sum(c.delta) AS net
    FROM membership_changes c JOIN pairs p ON p.union_id = c.union_id JOIN kinds k ON k.cause = c.cause
    GROUP BY 1, 2, 3, 4
  ), fc AS MATERIALIZED (
    SELECT p.federation_id, p.regional_council_id, g.*
    FROM grain g JOIN (SELECT DISTINCT pair, federation_id, regional_council_id FROM pairs) p ON p.pair = g.pair
  )
  INSERT INTO group_month_rollups_next (level, group_key, month, employment_type, gender, increase, decrease, adjustment, net)
  SELECT 'federation_council', coalesce(fc.federation_id::text, 'none') || ':' || fc.regional_council_id::text,
         fc.month, fc.employment_type, fc.gender, fc.increase, fc.decrease, fc.adjustment, fc.net
  FROM fc
  UNION ALL
  SELECT CASE GROUPING(fc.federation_id, fc.regional_council_id, f.sector_code)
           WHEN 3 THEN 'federation' WHEN 5 THEN 'regional_council' WHEN 6 THEN 'sector' ELSE 'total' END,
         CASE GROUPING(fc.federation_id, fc.regional_council_id, f.sector_code)
           WHEN 3 THEN coalesce(fc.federation_id::text, 'none') WHEN 5 THEN fc.regional_council_id::text
           WHEN 6 THEN coalesce(f.sector_code, 'none') ELSE 'all' END,
         fc.month, fc.employment_type, fc.gender, sum(fc.increase), sum(fc.decrease), sum(fc.adjustment), sum(fc.net)
  FROM fc LEFT JOIN federations f ON f.id = fc.federation_id
  GROUP BY fc.month, fc.employment_type, fc.gender, GROUPING SETS ((fc.federation_id), (fc.regional_council_id), (f.sector_code), ());
  ALTER TABLE group_month_rollups_next ADD CONSTRAINT group_month_rollups_next_pkey
    PRIMARY KEY (level, group_key, month, employment_type, gender);
  ANALYZE group_month_rollups_next;
END
$$;


--
-- Name: aggregation_rebuild_swap(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.aggregation_rebuild_swap() RETURNS void
    LANGUAGE plpgsql
    AS $$
      DECLARE
        t text;
      BEGIN
        LOCK TABLE aggregation_outbox IN ACCESS EXCLUSIVE MODE;
        -- all three at once: a report waits once, for a few milliseconds, and never sees a mix
        LOCK TABLE union_month_rollups, group_month_rollups, group_month_cause_rollups IN ACCESS EXCLUSIVE MODE;
        FOREACH t IN ARRAY ARRAY['union_month_rollups', 'group_month_rollups', 'group_month_cause_rollups'] LOOP
          IF to_regclass(t || '_next') IS NULL THEN
            RAISE EXCEPTION 'rebuild: % is missing; run every step before the swap', t || '_next';
          END IF;
          EXECUTE format('DROP TABLE %I', t);
          EXECUTE format('ALTER TABLE %I RENAME TO %I', t || '_next', t);
          EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', t, t || '_next_pkey', t || '_pkey');
          EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                            FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()', t || '_bump_data_version', t);
        END LOOP;
        UPDATE aggregation_state
        SET as_of = coalesce((SELECT max(recorded_at) FROM membership_changes), as_of), rebuilt_at = now(),
            data_version = data_version + 1
        WHERE id = 1;
      END $$;


--
-- Name: aggregation_rebuild_union_level_next(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.aggregation_rebuild_union_level_next() RETURNS bigint
    LANGUAGE plpgsql
    AS $$
      DECLARE
        n bigint;
      BEGIN
        LOCK TABLE aggregation_outbox IN ACCESS EXCLUSIVE MODE;
        SET LOCAL work_mem = '256MB';
        SET LOCAL maintenance_work_mem = '1GB';
        SET LOCAL jit = off;
        SET LOCAL client_min_messages = warning;
        DROP TABLE IF EXISTS union_month_rollups_next, group_month_cause_rollups_next;
        CREATE TABLE union_month_rollups_next (LIKE union_month_rollups INCLUDING ALL EXCLUDING INDEXES);
        INSERT INTO union_month_rollups_next (union_id, month, employment_type, gender, cause, members, changes)
        SELECT union_id, month, employment_type, gender, cause, sum(delta), count(*)
        FROM membership_changes GROUP BY 1, 2, 3, 4, 5;
        GET DIAGNOSTICS n = ROW_COUNT;

        -- the cause levels from the union level just built (the other half of the work is B's)
        CREATE TABLE group_month_cause_rollups_next (LIKE group_month_cause_rollups INCLUDING ALL EXCLUDING INDEXES);
        WITH pairs AS MATERIALIZED (
  SELECT id AS union_id, federation_id, regional_council_id,
         dense_rank() OVER (ORDER BY federation_id, regional_council_id)::int AS pair
  FROM unions
), grain AS MATERIALIZED (
          SELECT p.pair, r.month, r.cause, sum(r.members) AS members
          FROM union_month_rollups_next r JOIN pairs p ON p.union_id = r.union_id
          GROUP BY 1, 2, 3
        ), fc AS MATERIALIZED (
  SELECT p.federation_id, p.regional_council_id, g.*
  FROM grain g JOIN (SELECT DISTINCT pair, federation_id, regional_council_id FROM pairs) p ON p.pair = g.pair
)
        INSERT INTO group_month_cause_rollups_next (level, group_key, month, cause, members)
        
    SELECT 'federation_council', coalesce(fc.federation_id::text, 'none') || ':' || fc.regional_council_id::text, fc.month, fc.cause, fc.members FROM fc
    UNION ALL
    SELECT CASE GROUPING(fc.federation_id, fc.regional_council_id, f.sector_code) WHEN 3 THEN 'federation' WHEN 5 THEN 'regional_council' WHEN 6 THEN 'sector' ELSE 'total' END,
           CASE GROUPING(fc.federation_id, fc.regional_council_id, f.sector_code) WHEN 3 THEN coalesce(fc.federation_id::text, 'none') WHEN 5 THEN fc.regional_council_id::text
                        WHEN 6 THEN coalesce(f.sector_code, 'none') ELSE 'all' END,
           fc.month, fc.cause, sum(fc.members)
    FROM fc LEFT JOIN federations f ON f.id = fc.federation_id
    GROUP BY fc.month, fc.cause, GROUPING SETS ((fc.federation_id), (fc.regional_council_id), (f.sector_code), ());
        ALTER TABLE group_month_cause_rollups_next ADD CONSTRAINT group_month_cause_rollups_next_pkey
          PRIMARY KEY (level, group_key, month, cause);
        ANALYZE group_month_cause_rollups_next;

        -- one sorted pass builds the key far cheaper than maintaining it row by row
        ALTER TABLE union_month_rollups_next ADD CONSTRAINT union_month_rollups_next_pkey
          PRIMARY KEY (union_id, month, employment_type, gender, cause);
        ANALYZE union_month_rollups_next;
        RETURN n;
      END $$;


--
-- Name: aggregation_shift_federation(uuid, integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.aggregation_shift_federation(p_federation uuid, p_sign integer) RETURNS void
    LANGUAGE plpgsql
    AS $$
      BEGIN
        CREATE TEMP TABLE IF NOT EXISTS rollup_delta (
          union_id uuid, month date, employment_type text, gender text, cause text, members integer, changes integer
        ) ON COMMIT DELETE ROWS;
        DELETE FROM rollup_delta;
        INSERT INTO rollup_delta
        SELECT r.union_id, r.month, r.employment_type, r.gender, r.cause, p_sign * r.members, p_sign * r.changes
        FROM union_month_rollups r
        JOIN unions u ON u.id = r.union_id
        WHERE u.federation_id = p_federation;
        PERFORM aggregation_add_to_groups();
      END $$;


--
-- Name: aggregation_shift_union(uuid, integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.aggregation_shift_union(p_union uuid, p_sign integer) RETURNS void
    LANGUAGE plpgsql
    AS $$
      BEGIN
        CREATE TEMP TABLE IF NOT EXISTS rollup_delta (
          union_id uuid, month date, employment_type text, gender text, cause text, members integer, changes integer
        ) ON COMMIT DELETE ROWS;
        DELETE FROM rollup_delta;
        INSERT INTO rollup_delta
        SELECT union_id, month, employment_type, gender, cause, p_sign * members, p_sign * changes
        FROM union_month_rollups WHERE union_id = p_union;
        PERFORM aggregation_add_to_groups();
      END $$;


--
-- Name: audit_events_refuse_change(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_events_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'P0001';
      END $$;


--
-- Name: bump_data_version(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.bump_data_version() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'public'
    AS $$
      BEGIN
        UPDATE aggregation_state SET data_version = data_version + 1 WHERE id = 1;
        RETURN NULL;
      END $$;


--
-- Name: cause_kind(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.cause_kind(cause text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
  SELECT public.cause_kinds() ->> cause
$$;


--
-- Name: cause_kinds(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.cause_kinds() RETURNS jsonb
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
  SELECT jsonb '{
    "new_hire":                "increase",
    "new_organizing":          "increase",
    "non_regular_enrollment":  "increase",
    "transfer_in":             "increase",
    "merger_in":               "increase",
    "other_increase":          "increase",
    "retirement":              "decrease",
    "resignation":             "decrease",
    "promotion_to_management": "decrease",
    "restructuring":           "decrease",
    "contract_end":            "decrease",
    "transfer_out":            "decrease",
    "dissolution":             "decrease",
    "withdrawal":              "decrease",
    "death":                   "decrease",
    "other_decrease":          "decrease",
    "survey_adjustment":       "adjustment"
  }'
$$;


--
-- Name: membership_changes_refuse_change(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.membership_changes_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      BEGIN
        RAISE EXCEPTION 'membership_changes is append-only: % refused; write a reversing entry instead', TG_OP
          USING ERRCODE = 'P0001';
      END $$;


--
-- Name: union_groups(uuid, uuid, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.union_groups(p_federation uuid, p_council uuid, p_sector text) RETURNS TABLE(level text, group_key text)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        VALUES ('total', 'all'),
               ('federation', coalesce(p_federation::text, 'none')),
               ('regional_council', p_council::text),
               ('sector', coalesce(p_sector, 'none')),
               ('federation_council', coalesce(p_federation::text, 'none') || ':' || p_council::text)
      $$;


--
-- Name: uuid_v7(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.uuid_v7() RETURNS uuid
    LANGUAGE sql PARALLEL SAFE
    AS $$
        SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                 PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
               52, 1), 53, 1), 'hex')::uuid
      $$;


--
-- Name: aggregation_outbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.aggregation_outbox (
    change_id uuid NOT NULL
);


--
-- Name: aggregation_state; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.aggregation_state (
    id integer NOT NULL,
    as_of timestamp with time zone,
    rebuilt_at timestamp with time zone,
    data_version bigint DEFAULT 0 NOT NULL,
    CONSTRAINT ck_aggregation_state_single CHECK ((id = 1))
);


--
-- Name: audit_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_events (
    id uuid DEFAULT public.uuid_v7() NOT NULL,
    occurred_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    actor_id uuid,
    actor_email text,
    actor_role text,
    action text NOT NULL,
    target_type text,
    target_id text,
    scope_federation_id uuid,
    scope_regional_council_id uuid,
    changes jsonb DEFAULT '{}'::jsonb NOT NULL,
    details jsonb DEFAULT '{}'::jsonb NOT NULL,
    reason text,
    outcome text DEFAULT 'ok'::text NOT NULL,
    ip text,
    request_id text,
    CONSTRAINT ck_audit_events_action CHECK ((action ~ '^[a-z_]+\.[a-z_]+$'::text)),
    CONSTRAINT ck_audit_events_outcome CHECK ((outcome = ANY (ARRAY['ok'::text, 'denied'::text, 'failed'::text])))
);


--
-- Name: calendar_feeds; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.calendar_feeds (
    user_id uuid NOT NULL,
    nonce text NOT NULL,
    token_hash text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    rotated_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: closed_periods; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.closed_periods (
    month date NOT NULL,
    closed_at timestamp with time zone DEFAULT now() NOT NULL,
    closed_by uuid NOT NULL,
    closed_by_name text NOT NULL,
    as_of timestamp with time zone,
    CONSTRAINT ck_closed_periods_month CHECK ((EXTRACT(day FROM month) = (1)::numeric))
);


--
-- Name: companies; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.companies (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    corporate_number text,
    edinet_code text,
    name text NOT NULL,
    name_kana text,
    name_normalized text NOT NULL,
    prefecture text,
    municipality text,
    industry_code text,
    employees_count integer,
    employees_as_of date,
    employees_source text,
    listed boolean,
    union_presence text DEFAULT 'unknown'::text NOT NULL,
    other_union_name text,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    updated_by uuid,
    CONSTRAINT ck_companies_corporate_number CHECK ((corporate_number ~ '^[0-9]{13}$'::text)),
    CONSTRAINT ck_companies_edinet_code CHECK ((edinet_code ~ '^E[0-9]{5}$'::text)),
    CONSTRAINT ck_companies_employees CHECK (((employees_count IS NULL) = (employees_as_of IS NULL))),
    CONSTRAINT ck_companies_employees_count CHECK ((employees_count >= 0)),
    CONSTRAINT ck_companies_industry_code CHECK ((industry_code = ANY (ARRAY['A'::text, 'B'::text, 'C'::text, 'D'::text, 'E'::text, 'F'::text, 'G'::text, 'H'::text, 'I'::text, 'J'::text, 'K'::text, 'L'::text, 'M'::text, 'N'::text, 'O'::text, 'P'::text, 'Q'::text, 'R'::text, 'S'::text, 'T'::text]))),
    CONSTRAINT ck_companies_name CHECK ((length(name) > 0)),
    CONSTRAINT ck_companies_union_presence CHECK ((union_presence = ANY (ARRAY['none'::text, 'other_union'::text, 'unknown'::text])))
);


--
-- Name: company_relations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.company_relations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    parent_id uuid NOT NULL,
    child_id uuid NOT NULL,
    kind text NOT NULL,
    voting_share numeric(5,2),
    start_on date,
    end_on date,
    source text,
    confidence text DEFAULT 'medium'::text NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    updated_by uuid,
    CONSTRAINT ck_company_relations_confidence CHECK ((confidence = ANY (ARRAY['high'::text, 'medium'::text, 'low'::text]))),
    CONSTRAINT ck_company_relations_kind CHECK ((kind = ANY (ARRAY['parent_subsidiary'::text, 'consolidated_subsidiary'::text, 'unconsolidated_subsidiary'::text, 'equity_affiliate'::text, 'other_related'::text]))),
    CONSTRAINT ck_company_relations_not_self CHECK ((parent_id <> child_id)),
    CONSTRAINT ck_company_relations_period CHECK (((end_on IS NULL) OR (start_on IS NULL) OR (end_on >= start_on))),
    CONSTRAINT ck_company_relations_voting_share CHECK (((voting_share >= (0)::numeric) AND (voting_share <= (100)::numeric)))
);


--
-- Name: consultations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consultations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    received_on date NOT NULL,
    regional_council_id uuid NOT NULL,
    channel text NOT NULL,
    topics text[] NOT NULL,
    employer_name text,
    workers_concerned integer,
    summary text NOT NULL,
    prospect_id uuid,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    updated_by uuid,
    CONSTRAINT ck_consultations_channel CHECK ((channel = ANY (ARRAY['street'::text, 'phone'::text, 'web'::text, 'walk_in'::text]))),
    CONSTRAINT ck_consultations_topics CHECK (((cardinality(topics) > 0) AND (topics <@ ARRAY['dismissal'::text, 'non_renewal'::text, 'harassment'::text, 'wages'::text, 'hours'::text, 'social_insurance'::text, 'other'::text]))),
    CONSTRAINT ck_consultations_workers_concerned CHECK ((workers_concerned > 0))
);


--
-- Name: federations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.federations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    name_en text,
    sector_code text NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    updated_by uuid
);


--
-- Name: goals; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.goals (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    target_members integer NOT NULL,
    target_on date NOT NULL,
    baseline_on date NOT NULL,
    federation_id uuid,
    regional_council_id uuid,
    parent_goal_id uuid,
    milestones jsonb DEFAULT '[]'::jsonb NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    updated_by uuid,
    CONSTRAINT ck_goals_dates CHECK ((baseline_on <= target_on)),
    CONSTRAINT ck_goals_milestones CHECK ((jsonb_typeof(milestones) = 'array'::text)),
    CONSTRAINT ck_goals_not_own_parent CHECK ((parent_goal_id <> id)),
    CONSTRAINT ck_goals_target_members CHECK ((target_members > 0))
);


--
-- Name: governance_bodies; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.governance_bodies (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    organization_kind text NOT NULL,
    federation_id uuid,
    regional_council_id uuid,
    union_id uuid,
    kind text NOT NULL,
    name text NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    updated_by uuid,
    CONSTRAINT ck_governance_bodies_kind CHECK ((kind = ANY (ARRAY['executive_committee'::text, 'top_officers'::text, 'convention_delegates'::text, 'central_committee'::text, 'women_committee'::text, 'other'::text]))),
    CONSTRAINT ck_governance_bodies_name CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 200))),
    CONSTRAINT ck_governance_bodies_organization_kind CHECK ((organization_kind = ANY (ARRAY['confederation'::text, 'federation'::text, 'regional_council'::text, 'union'::text]))),
    CONSTRAINT ck_governance_bodies_owner CHECK ((((organization_kind = 'confederation'::text) AND (federation_id IS NULL) AND (regional_council_id IS NULL) AND (union_id IS NULL)) OR ((organization_kind = 'federation'::text) AND (federation_id IS NOT NULL) AND (regional_council_id IS NULL) AND (union_id IS NULL)) OR ((organization_kind = 'regional_council'::text) AND (federation_id IS NULL) AND (regional_council_id IS NOT NULL) AND (union_id IS NULL)) OR ((organization_kind = 'union'::text) AND (federation_id IS NULL) AND (regional_council_id IS NULL) AND (union_id IS NOT NULL))))
);


--
-- Name: governance_compositions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.governance_compositions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    body_id uuid NOT NULL,
    fiscal_year integer NOT NULL,
    seats integer NOT NULL,
    women integer NOT NULL,
    men integer NOT NULL,
    unspecified integer NOT NULL,
    women_quota boolean DEFAULT false NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    updated_by uuid,
    CONSTRAINT ck_governance_compositions_fiscal_year CHECK (((fiscal_year >= 1990) AND (fiscal_year <= 2100))),
    CONSTRAINT ck_governance_compositions_men CHECK ((men >= 0)),
    CONSTRAINT ck_governance_compositions_seats CHECK (((seats >= 0) AND (seats <= 100000))),
    CONSTRAINT ck_governance_compositions_sum CHECK ((((women + men) + unspecified) = seats)),
    CONSTRAINT ck_governance_compositions_unspecified CHECK ((unspecified >= 0)),
    CONSTRAINT ck_governance_compositions_women CHECK ((women >= 0))
);


--
-- Name: group_month_cause_rollups; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.group_month_cause_rollups (
    level text NOT NULL,
    group_key text NOT NULL,
    month date NOT NULL,
    cause text NOT NULL,
    members integer NOT NULL
);


--
-- Name: group_month_rollups; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.group_month_rollups (
    level text NOT NULL,
    group_key text NOT NULL,
    month date NOT NULL,
    employment_type text NOT NULL,
    gender text NOT NULL,
    increase integer NOT NULL,
    decrease integer NOT NULL,
    adjustment integer NOT NULL,
    net integer NOT NULL,
    CONSTRAINT ck_group_month_rollups_level CHECK ((level = ANY (ARRAY['total'::text, 'federation'::text, 'regional_council'::text, 'sector'::text, 'federation_council'::text])))
);


--
-- Name: idempotency_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.idempotency_keys (
    user_id uuid NOT NULL,
    key text NOT NULL,
    request_hash text NOT NULL,
    status_code integer,
    response json,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: import_records; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.import_records (
    import_id uuid NOT NULL,
    row_number integer NOT NULL,
    record jsonb NOT NULL
);


--
-- Name: import_rows; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.import_rows (
    import_id uuid NOT NULL,
    row_number integer NOT NULL,
    union_id uuid NOT NULL,
    effective_on date NOT NULL,
    delta integer,
    members integer,
    cause text,
    employment_type text NOT NULL,
    gender text NOT NULL,
    note text
);


--
-- Name: imports; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.imports (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    kind text NOT NULL,
    file_name text NOT NULL,
    file_size bigint NOT NULL,
    sha256 text NOT NULL,
    state text DEFAULT 'queued'::text NOT NULL,
    progress integer DEFAULT 0 NOT NULL,
    rows_read integer DEFAULT 0 NOT NULL,
    rows_valid integer DEFAULT 0 NOT NULL,
    error_count integer DEFAULT 0 NOT NULL,
    errors jsonb DEFAULT '[]'::jsonb NOT NULL,
    summary jsonb,
    failure text,
    scope_federation_id uuid,
    created_by uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    committed_at timestamp with time zone,
    committed_by uuid,
    reversed_at timestamp with time zone,
    reversed_by uuid,
    reversal_reason text,
    scope_regional_council_id uuid,
    CONSTRAINT ck_imports_errors_capped CHECK ((jsonb_array_length(errors) <= 1000)),
    CONSTRAINT ck_imports_kind CHECK ((kind = ANY (ARRAY['membership-changes'::text, 'membership-survey'::text, 'unions'::text, 'prospects'::text, 'companies'::text, 'company-relations'::text, 'governance-compositions'::text]))),
    CONSTRAINT ck_imports_one_scope CHECK (((scope_federation_id IS NULL) OR (scope_regional_council_id IS NULL))),
    CONSTRAINT ck_imports_progress CHECK (((progress >= 0) AND (progress <= 100))),
    CONSTRAINT ck_imports_state CHECK ((state = ANY (ARRAY['queued'::text, 'checking'::text, 'checked'::text, 'rejected'::text, 'committing'::text, 'committed'::text, 'failed'::text])))
);


--
-- Name: loss_reviews; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.loss_reviews (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    regional_council_id uuid NOT NULL,
    period_from date NOT NULL,
    period_to date NOT NULL,
    causes text[] DEFAULT '{}'::text[] NOT NULL,
    findings text NOT NULL,
    countermeasures text NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    updated_by uuid,
    CONSTRAINT ck_loss_reviews_causes CHECK ((causes <@ ARRAY['retirement'::text, 'resignation'::text, 'promotion_to_management'::text, 'restructuring'::text, 'contract_end'::text, 'transfer_out'::text, 'dissolution'::text, 'withdrawal'::text, 'death'::text, 'other_decrease'::text])),
    CONSTRAINT ck_loss_reviews_period CHECK ((period_from <= period_to)),
    CONSTRAINT ck_loss_reviews_period_from CHECK ((EXTRACT(day FROM period_from) = (1)::numeric)),
    CONSTRAINT ck_loss_reviews_period_to CHECK ((EXTRACT(day FROM period_to) = (1)::numeric))
);


--
-- Name: membership_changes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.membership_changes (
    id uuid DEFAULT public.uuid_v7() NOT NULL,
    seq bigint NOT NULL,
    union_id uuid NOT NULL,
    effective_on date NOT NULL,
    month date GENERATED ALWAYS AS ((date_trunc('month'::text, (effective_on)::timestamp without time zone))::date) STORED NOT NULL,
    delta integer NOT NULL,
    cause text NOT NULL,
    employment_type text NOT NULL,
    gender text DEFAULT 'unspecified'::text NOT NULL,
    note text,
    reversal_of uuid,
    source text DEFAULT 'api'::text NOT NULL,
    survey_id uuid,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    recorded_by uuid,
    import_id uuid,
    CONSTRAINT ck_membership_changes_cause CHECK ((public.cause_kind(cause) IS NOT NULL)),
    CONSTRAINT ck_membership_changes_delta CHECK ((delta <> 0)),
    CONSTRAINT ck_membership_changes_delta_size CHECK ((abs(delta) <= 100000)),
    CONSTRAINT ck_membership_changes_employment_type CHECK ((employment_type = ANY (ARRAY['regular'::text, 'part_time'::text, 'fixed_term'::text, 'dispatch'::text, 'other'::text]))),
    CONSTRAINT ck_membership_changes_gender CHECK ((gender = ANY (ARRAY['female'::text, 'male'::text, 'unspecified'::text]))),
    CONSTRAINT ck_membership_changes_sign CHECK (((cause = 'survey_adjustment'::text) OR (((public.cause_kind(cause) = 'increase'::text) = (delta > 0)) = (reversal_of IS NULL)))),
    CONSTRAINT ck_membership_changes_source CHECK ((source = ANY (ARRAY['api'::text, 'bulk'::text, 'survey'::text, 'affiliation'::text, 'reversal'::text, 'demo'::text, 'import'::text]))),
    CONSTRAINT ck_membership_changes_survey CHECK (((cause = 'survey_adjustment'::text) = (survey_id IS NOT NULL)))
);


--
-- Name: membership_changes_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.membership_changes ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.membership_changes_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: membership_surveys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.membership_surveys (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    union_id uuid NOT NULL,
    surveyed_on date NOT NULL,
    counts jsonb NOT NULL,
    total_members integer NOT NULL,
    content_hash text NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    recorded_by uuid,
    CONSTRAINT ck_membership_surveys_total CHECK ((total_members >= 0))
);


--
-- Name: migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.migrations (
    id integer NOT NULL,
    "timestamp" bigint NOT NULL,
    name character varying NOT NULL
);


--
-- Name: migrations_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.migrations_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: migrations_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.migrations_id_seq OWNED BY public.migrations.id;


--
-- Name: notification_settings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notification_settings (
    user_id uuid NOT NULL,
    email_digest boolean DEFAULT false NOT NULL,
    digest_hour smallint DEFAULT 7 NOT NULL,
    push boolean DEFAULT false NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_notification_settings_hour CHECK (((digest_hour >= 0) AND (digest_hour <= 23)))
);


--
-- Name: prospect_stage_changes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.prospect_stage_changes (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    seq bigint NOT NULL,
    prospect_id uuid NOT NULL,
    kind text NOT NULL,
    from_stage text,
    to_stage text NOT NULL,
    note text,
    changed_by uuid,
    changed_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_prospect_stage_changes_from CHECK ((from_stage = ANY (ARRAY['identified'::text, 'contacted'::text, 'engaged'::text, 'committee'::text, 'founded'::text, 'affiliated'::text, 'on_hold'::text, 'lost'::text]))),
    CONSTRAINT ck_prospect_stage_changes_from_kind CHECK (((kind = 'created'::text) = (from_stage IS NULL))),
    CONSTRAINT ck_prospect_stage_changes_kind CHECK ((kind = ANY (ARRAY['created'::text, 'moved'::text, 'reopened'::text, 'affiliated'::text]))),
    CONSTRAINT ck_prospect_stage_changes_to CHECK ((to_stage = ANY (ARRAY['identified'::text, 'contacted'::text, 'engaged'::text, 'committee'::text, 'founded'::text, 'affiliated'::text, 'on_hold'::text, 'lost'::text])))
);


--
-- Name: prospect_stage_changes_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.prospect_stage_changes ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.prospect_stage_changes_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: prospects; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.prospects (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    employer_name text NOT NULL,
    employer_name_kana text,
    establishment_name text,
    municipality text,
    regional_council_id uuid NOT NULL,
    sector_code text,
    target_federation_id uuid,
    estimated_workers integer NOT NULL,
    workforce_regular integer,
    workforce_part_time integer,
    workforce_fixed_term integer,
    workforce_dispatch integer,
    source text NOT NULL,
    stage text DEFAULT 'identified'::text NOT NULL,
    stage_changed_at timestamp with time zone DEFAULT now() NOT NULL,
    held_from_stage text,
    assigned_organizer_ids uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    next_action_on date,
    union_id uuid,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    updated_by uuid,
    company_id uuid,
    CONSTRAINT ck_prospects_affiliated CHECK (((stage <> 'affiliated'::text) OR (union_id IS NOT NULL))),
    CONSTRAINT ck_prospects_employer_name CHECK ((length(employer_name) > 0)),
    CONSTRAINT ck_prospects_estimated_workers CHECK ((estimated_workers >= 0)),
    CONSTRAINT ck_prospects_held_from_stage CHECK ((held_from_stage = ANY (ARRAY['identified'::text, 'contacted'::text, 'engaged'::text, 'committee'::text, 'founded'::text]))),
    CONSTRAINT ck_prospects_on_hold CHECK (((stage = 'on_hold'::text) = (held_from_stage IS NOT NULL))),
    CONSTRAINT ck_prospects_source CHECK ((source = ANY (ARRAY['consultation'::text, 'referral'::text, 'federation'::text, 'corporate_group'::text, 'outreach'::text, 'other'::text]))),
    CONSTRAINT ck_prospects_stage CHECK ((stage = ANY (ARRAY['identified'::text, 'contacted'::text, 'engaged'::text, 'committee'::text, 'founded'::text, 'affiliated'::text, 'on_hold'::text, 'lost'::text]))),
    CONSTRAINT ck_prospects_workforce CHECK ((((workforce_regular IS NULL) AND (workforce_part_time IS NULL) AND (workforce_fixed_term IS NULL) AND (workforce_dispatch IS NULL)) OR ((workforce_regular >= 0) AND (workforce_part_time >= 0) AND (workforce_fixed_term >= 0) AND (workforce_dispatch >= 0))))
);


--
-- Name: published_group_month_cause_rollups; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.published_group_month_cause_rollups (
    level text NOT NULL,
    group_key text NOT NULL,
    month date NOT NULL,
    cause text NOT NULL,
    members integer NOT NULL
);


--
-- Name: published_group_month_rollups; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.published_group_month_rollups (
    level text NOT NULL,
    group_key text NOT NULL,
    month date NOT NULL,
    employment_type text NOT NULL,
    gender text NOT NULL,
    increase integer NOT NULL,
    decrease integer NOT NULL,
    adjustment integer NOT NULL,
    net integer NOT NULL,
    members integer NOT NULL
);


--
-- Name: published_union_month_rollups; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.published_union_month_rollups (
    union_id uuid NOT NULL,
    month date NOT NULL,
    federation_id uuid,
    regional_council_id uuid NOT NULL,
    employment_type text NOT NULL,
    gender text NOT NULL,
    increase integer NOT NULL,
    decrease integer NOT NULL,
    adjustment integer NOT NULL,
    net integer NOT NULL,
    members integer NOT NULL
);


--
-- Name: push_subscriptions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.push_subscriptions (
    id uuid DEFAULT public.uuid_v7() NOT NULL,
    user_id uuid NOT NULL,
    endpoint text NOT NULL,
    p256dh text NOT NULL,
    auth text NOT NULL,
    user_agent text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_success_at timestamp with time zone,
    CONSTRAINT ck_push_subscriptions_endpoint CHECK ((length(endpoint) <= 2000))
);


--
-- Name: regional_councils; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.regional_councils (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    name_en text,
    municipalities text[] DEFAULT '{}'::text[] NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    updated_by uuid
);


--
-- Name: reminder_sends; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reminder_sends (
    user_id uuid NOT NULL,
    day date NOT NULL,
    channel text NOT NULL,
    status text NOT NULL,
    attempts integer DEFAULT 1 NOT NULL,
    claimed_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    finished_at timestamp with time zone,
    items integer,
    outcome text,
    CONSTRAINT ck_reminder_sends_channel CHECK ((channel = ANY (ARRAY['email'::text, 'push'::text]))),
    CONSTRAINT ck_reminder_sends_status CHECK ((status = ANY (ARRAY['claimed'::text, 'sent'::text, 'failed'::text, 'empty'::text])))
);


--
-- Name: sectors; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sectors (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    name_en text,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    updated_by uuid
);


--
-- Name: union_month_rollups; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.union_month_rollups (
    union_id uuid NOT NULL,
    month date NOT NULL,
    employment_type text NOT NULL,
    gender text NOT NULL,
    cause text NOT NULL,
    members integer NOT NULL,
    changes integer NOT NULL
);


--
-- Name: unions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.unions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    code text,
    name text NOT NULL,
    federation_id uuid,
    regional_council_id uuid NOT NULL,
    employer_name text NOT NULL,
    municipality text,
    affiliated_on date,
    status text DEFAULT 'active'::text NOT NULL,
    kind text DEFAULT 'enterprise'::text NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    updated_by uuid,
    company_id uuid,
    CONSTRAINT ck_unions_kind CHECK ((kind = ANY (ARRAY['enterprise'::text, 'general'::text, 'direct'::text]))),
    CONSTRAINT ck_unions_status CHECK ((status = ANY (ARRAY['active'::text, 'dissolved'::text, 'merged'::text])))
);


--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    email text NOT NULL,
    password_hash text NOT NULL,
    display_name text NOT NULL,
    role text NOT NULL,
    regional_council_id uuid,
    federation_id uuid,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    updated_by uuid,
    disabled_at timestamp with time zone,
    CONSTRAINT ck_users_role CHECK ((role = ANY (ARRAY['admin'::text, 'leadership'::text, 'regional'::text, 'federation'::text, 'organizer'::text]))),
    CONSTRAINT ck_users_scope CHECK ((((role = ANY (ARRAY['regional'::text, 'organizer'::text])) AND (regional_council_id IS NOT NULL) AND (federation_id IS NULL)) OR ((role = 'federation'::text) AND (federation_id IS NOT NULL) AND (regional_council_id IS NULL)) OR ((role = ANY (ARRAY['admin'::text, 'leadership'::text])) AND (regional_council_id IS NULL) AND (federation_id IS NULL))))
);


--
-- Name: visits; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visits (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    prospect_id uuid NOT NULL,
    organizer_id uuid NOT NULL,
    occurred_on date NOT NULL,
    kind text NOT NULL,
    outcome text,
    contacts_reached integer,
    support_level smallint,
    summary text NOT NULL,
    next_action_on date,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    updated_by uuid,
    CONSTRAINT ck_visits_contacts_reached CHECK ((contacts_reached >= 0)),
    CONSTRAINT ck_visits_kind CHECK ((kind = ANY (ARRAY['visit'::text, 'phone'::text, 'meeting'::text, 'leaflet'::text, 'online'::text, 'consultation'::text]))),
    CONSTRAINT ck_visits_outcome CHECK ((outcome = ANY (ARRAY['turned_away'::text, 'card_exchanged'::text, 'meeting_held'::text, 'revisit_promised'::text, 'materials_left'::text, 'consultation_taken'::text, 'other'::text]))),
    CONSTRAINT ck_visits_support_level CHECK (((support_level >= 1) AND (support_level <= 5)))
);


--
-- Name: migrations id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.migrations ALTER COLUMN id SET DEFAULT nextval('public.migrations_id_seq'::regclass);


--
-- Name: migrations PK_8c82d7f526340ab734260ea46be; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.migrations
    ADD CONSTRAINT "PK_8c82d7f526340ab734260ea46be" PRIMARY KEY (id);


--
-- Name: aggregation_outbox aggregation_outbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.aggregation_outbox
    ADD CONSTRAINT aggregation_outbox_pkey PRIMARY KEY (change_id);


--
-- Name: aggregation_state aggregation_state_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.aggregation_state
    ADD CONSTRAINT aggregation_state_pkey PRIMARY KEY (id);


--
-- Name: audit_events audit_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_events
    ADD CONSTRAINT audit_events_pkey PRIMARY KEY (id);


--
-- Name: calendar_feeds calendar_feeds_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.calendar_feeds
    ADD CONSTRAINT calendar_feeds_pkey PRIMARY KEY (user_id);


--
-- Name: closed_periods closed_periods_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closed_periods
    ADD CONSTRAINT closed_periods_pkey PRIMARY KEY (month);


--
-- Name: companies companies_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.companies
    ADD CONSTRAINT companies_pkey PRIMARY KEY (id);


--
-- Name: company_relations company_relations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.company_relations
    ADD CONSTRAINT company_relations_pkey PRIMARY KEY (id);


--
-- Name: consultations consultations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultations
    ADD CONSTRAINT consultations_pkey PRIMARY KEY (id);


--
-- Name: federations federations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.federations
    ADD CONSTRAINT federations_pkey PRIMARY KEY (id);


--
-- Name: goals goals_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.goals
    ADD CONSTRAINT goals_pkey PRIMARY KEY (id);


--
-- Name: governance_bodies governance_bodies_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.governance_bodies
    ADD CONSTRAINT governance_bodies_pkey PRIMARY KEY (id);


--
-- Name: governance_compositions governance_compositions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.governance_compositions
    ADD CONSTRAINT governance_compositions_pkey PRIMARY KEY (id);


--
-- Name: group_month_cause_rollups group_month_cause_rollups_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_month_cause_rollups
    ADD CONSTRAINT group_month_cause_rollups_pkey PRIMARY KEY (level, group_key, month, cause);


--
-- Name: group_month_rollups group_month_rollups_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.group_month_rollups
    ADD CONSTRAINT group_month_rollups_pkey PRIMARY KEY (level, group_key, month, employment_type, gender);


--
-- Name: idempotency_keys idempotency_keys_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.idempotency_keys
    ADD CONSTRAINT idempotency_keys_pkey PRIMARY KEY (user_id, key);


--
-- Name: import_records import_records_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_records
    ADD CONSTRAINT import_records_pkey PRIMARY KEY (import_id, row_number);


--
-- Name: import_rows import_rows_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_rows
    ADD CONSTRAINT import_rows_pkey PRIMARY KEY (import_id, row_number);


--
-- Name: imports imports_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.imports
    ADD CONSTRAINT imports_pkey PRIMARY KEY (id);


--
-- Name: loss_reviews loss_reviews_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.loss_reviews
    ADD CONSTRAINT loss_reviews_pkey PRIMARY KEY (id);


--
-- Name: membership_changes membership_changes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.membership_changes
    ADD CONSTRAINT membership_changes_pkey PRIMARY KEY (id);


--
-- Name: membership_surveys membership_surveys_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.membership_surveys
    ADD CONSTRAINT membership_surveys_pkey PRIMARY KEY (id);


--
-- Name: notification_settings notification_settings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification_settings
    ADD CONSTRAINT notification_settings_pkey PRIMARY KEY (user_id);


--
-- Name: reminder_sends pk_reminder_sends; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reminder_sends
    ADD CONSTRAINT pk_reminder_sends PRIMARY KEY (user_id, day, channel);


--
-- Name: prospect_stage_changes prospect_stage_changes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.prospect_stage_changes
    ADD CONSTRAINT prospect_stage_changes_pkey PRIMARY KEY (id);


--
-- Name: prospects prospects_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.prospects
    ADD CONSTRAINT prospects_pkey PRIMARY KEY (id);


--
-- Name: published_group_month_cause_rollups published_group_month_cause_rollups_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.published_group_month_cause_rollups
    ADD CONSTRAINT published_group_month_cause_rollups_pkey PRIMARY KEY (level, group_key, month, cause);


--
-- Name: published_group_month_rollups published_group_month_rollups_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.published_group_month_rollups
    ADD CONSTRAINT published_group_month_rollups_pkey PRIMARY KEY (level, group_key, month, employment_type, gender);


--
-- Name: published_union_month_rollups published_union_month_rollups_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.published_union_month_rollups
    ADD CONSTRAINT published_union_month_rollups_pkey PRIMARY KEY (union_id, month, employment_type, gender);


--
-- Name: push_subscriptions push_subscriptions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.push_subscriptions
    ADD CONSTRAINT push_subscriptions_pkey PRIMARY KEY (id);


--
-- Name: regional_councils regional_councils_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.regional_councils
    ADD CONSTRAINT regional_councils_pkey PRIMARY KEY (id);


--
-- Name: sectors sectors_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sectors
    ADD CONSTRAINT sectors_pkey PRIMARY KEY (id);


--
-- Name: union_month_rollups union_month_rollups_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.union_month_rollups
    ADD CONSTRAINT union_month_rollups_pkey PRIMARY KEY (union_id, month, employment_type, gender, cause);


--
-- Name: unions unions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unions
    ADD CONSTRAINT unions_pkey PRIMARY KEY (id);


--
-- Name: calendar_feeds uq_calendar_feeds_token_hash; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.calendar_feeds
    ADD CONSTRAINT uq_calendar_feeds_token_hash UNIQUE (token_hash);


--
-- Name: companies uq_companies_corporate_number; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.companies
    ADD CONSTRAINT uq_companies_corporate_number UNIQUE (corporate_number);


--
-- Name: companies uq_companies_edinet_code; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.companies
    ADD CONSTRAINT uq_companies_edinet_code UNIQUE (edinet_code);


--
-- Name: federations uq_federations_code; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.federations
    ADD CONSTRAINT uq_federations_code UNIQUE (code);


--
-- Name: governance_compositions uq_governance_compositions_body_year; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.governance_compositions
    ADD CONSTRAINT uq_governance_compositions_body_year UNIQUE (body_id, fiscal_year);


--
-- Name: prospects uq_prospects_union; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.prospects
    ADD CONSTRAINT uq_prospects_union UNIQUE (union_id);


--
-- Name: push_subscriptions uq_push_subscriptions_endpoint; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.push_subscriptions
    ADD CONSTRAINT uq_push_subscriptions_endpoint UNIQUE (endpoint);


--
-- Name: regional_councils uq_regional_councils_code; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.regional_councils
    ADD CONSTRAINT uq_regional_councils_code UNIQUE (code);


--
-- Name: sectors uq_sectors_code; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sectors
    ADD CONSTRAINT uq_sectors_code UNIQUE (code);


--
-- Name: unions uq_unions_code; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unions
    ADD CONSTRAINT uq_unions_code UNIQUE (code);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: visits visits_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits
    ADD CONSTRAINT visits_pkey PRIMARY KEY (id);


--
-- Name: ix_audit_events_action; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_events_action ON public.audit_events USING btree (action, occurred_at DESC);


--
-- Name: ix_audit_events_actor; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_events_actor ON public.audit_events USING btree (actor_id, occurred_at DESC);


--
-- Name: ix_audit_events_target; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_events_target ON public.audit_events USING btree (target_type, target_id, occurred_at DESC);


--
-- Name: ix_audit_events_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_events_time ON public.audit_events USING btree (occurred_at DESC, id DESC);


--
-- Name: ix_companies_name_kana_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_companies_name_kana_trgm ON public.companies USING gin (name_kana public.gin_trgm_ops);


--
-- Name: ix_companies_name_normalized; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_companies_name_normalized ON public.companies USING btree (name_normalized);


--
-- Name: ix_companies_name_normalized_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_companies_name_normalized_trgm ON public.companies USING gin (name_normalized public.gin_trgm_ops);


--
-- Name: ix_companies_prefecture; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_companies_prefecture ON public.companies USING btree (prefecture);


--
-- Name: ix_company_relations_child; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_company_relations_child ON public.company_relations USING btree (child_id);


--
-- Name: ix_company_relations_parent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_company_relations_parent ON public.company_relations USING btree (parent_id);


--
-- Name: ix_consultations_council_received; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_consultations_council_received ON public.consultations USING btree (regional_council_id, received_on);


--
-- Name: ix_consultations_prospect; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_consultations_prospect ON public.consultations USING btree (prospect_id) WHERE (prospect_id IS NOT NULL);


--
-- Name: ix_federations_sector; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_federations_sector ON public.federations USING btree (sector_code);


--
-- Name: ix_goals_federation; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_goals_federation ON public.goals USING btree (federation_id) WHERE (federation_id IS NOT NULL);


--
-- Name: ix_goals_parent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_goals_parent ON public.goals USING btree (parent_goal_id);


--
-- Name: ix_goals_regional_council; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_goals_regional_council ON public.goals USING btree (regional_council_id) WHERE (regional_council_id IS NOT NULL);


--
-- Name: ix_governance_bodies_federation; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_governance_bodies_federation ON public.governance_bodies USING btree (federation_id) WHERE (federation_id IS NOT NULL);


--
-- Name: ix_governance_bodies_regional_council; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_governance_bodies_regional_council ON public.governance_bodies USING btree (regional_council_id) WHERE (regional_council_id IS NOT NULL);


--
-- Name: ix_governance_bodies_union; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_governance_bodies_union ON public.governance_bodies USING btree (union_id) WHERE (union_id IS NOT NULL);


--
-- Name: ix_governance_compositions_year; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_governance_compositions_year ON public.governance_compositions USING btree (fiscal_year);


--
-- Name: ix_idempotency_keys_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_idempotency_keys_created_at ON public.idempotency_keys USING btree (created_at);


--
-- Name: ix_imports_council_scope; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_imports_council_scope ON public.imports USING btree (scope_regional_council_id, created_at DESC) WHERE (scope_regional_council_id IS NOT NULL);


--
-- Name: ix_imports_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_imports_created ON public.imports USING btree (created_at DESC);


--
-- Name: ix_imports_scope; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_imports_scope ON public.imports USING btree (scope_federation_id, created_at DESC);


--
-- Name: ix_loss_reviews_causes; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_loss_reviews_causes ON public.loss_reviews USING gin (causes);


--
-- Name: ix_loss_reviews_regional_council; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_loss_reviews_regional_council ON public.loss_reviews USING btree (regional_council_id, period_from);


--
-- Name: ix_membership_changes_effective; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_membership_changes_effective ON public.membership_changes USING btree (effective_on);


--
-- Name: ix_membership_changes_import; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_membership_changes_import ON public.membership_changes USING btree (import_id) WHERE (import_id IS NOT NULL);


--
-- Name: ix_membership_changes_survey; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_membership_changes_survey ON public.membership_changes USING btree (survey_id) WHERE (survey_id IS NOT NULL);


--
-- Name: ix_membership_changes_union_effective; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_membership_changes_union_effective ON public.membership_changes USING btree (union_id, effective_on);


--
-- Name: ix_membership_surveys_union_surveyed; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_membership_surveys_union_surveyed ON public.membership_surveys USING btree (union_id, surveyed_on, recorded_at DESC);


--
-- Name: ix_notification_settings_hour; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_notification_settings_hour ON public.notification_settings USING btree (digest_hour) WHERE (email_digest OR push);


--
-- Name: ix_prospect_stage_changes_changed_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_prospect_stage_changes_changed_at ON public.prospect_stage_changes USING btree (changed_at);


--
-- Name: ix_prospect_stage_changes_prospect; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_prospect_stage_changes_prospect ON public.prospect_stage_changes USING btree (prospect_id, changed_at, seq);


--
-- Name: ix_prospects_assigned; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_prospects_assigned ON public.prospects USING gin (assigned_organizer_ids);


--
-- Name: ix_prospects_company; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_prospects_company ON public.prospects USING btree (company_id) WHERE (company_id IS NOT NULL);


--
-- Name: ix_prospects_council_stage; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_prospects_council_stage ON public.prospects USING btree (regional_council_id, stage);


--
-- Name: ix_prospects_employer_name_kana_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_prospects_employer_name_kana_trgm ON public.prospects USING gin (employer_name_kana public.gin_trgm_ops);


--
-- Name: ix_prospects_employer_name_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_prospects_employer_name_trgm ON public.prospects USING gin (employer_name public.gin_trgm_ops);


--
-- Name: ix_prospects_establishment_name_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_prospects_establishment_name_trgm ON public.prospects USING gin (establishment_name public.gin_trgm_ops);


--
-- Name: ix_prospects_next_action; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_prospects_next_action ON public.prospects USING btree (next_action_on) WHERE (next_action_on IS NOT NULL);


--
-- Name: ix_prospects_target_federation; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_prospects_target_federation ON public.prospects USING btree (target_federation_id);


--
-- Name: ix_prospects_updated_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_prospects_updated_at ON public.prospects USING btree (updated_at);


--
-- Name: ix_published_group_month_cause_rollups_month; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_published_group_month_cause_rollups_month ON public.published_group_month_cause_rollups USING btree (month);


--
-- Name: ix_published_group_month_rollups_month; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_published_group_month_rollups_month ON public.published_group_month_rollups USING btree (month);


--
-- Name: ix_published_union_month_rollups_month; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_published_union_month_rollups_month ON public.published_union_month_rollups USING btree (month);


--
-- Name: ix_push_subscriptions_user; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_push_subscriptions_user ON public.push_subscriptions USING btree (user_id);


--
-- Name: ix_regional_councils_municipalities; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_regional_councils_municipalities ON public.regional_councils USING gin (municipalities);


--
-- Name: ix_reminder_sends_retry; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_reminder_sends_retry ON public.reminder_sends USING btree (day, status) WHERE (status = ANY (ARRAY['claimed'::text, 'failed'::text]));


--
-- Name: ix_unions_company; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_unions_company ON public.unions USING btree (company_id) WHERE (company_id IS NOT NULL);


--
-- Name: ix_unions_federation; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_unions_federation ON public.unions USING btree (federation_id);


--
-- Name: ix_unions_regional_council; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_unions_regional_council ON public.unions USING btree (regional_council_id);


--
-- Name: ix_visits_occurred_on; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_visits_occurred_on ON public.visits USING btree (occurred_on);


--
-- Name: ix_visits_organizer; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_visits_organizer ON public.visits USING btree (organizer_id, occurred_on);


--
-- Name: ix_visits_prospect; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_visits_prospect ON public.visits USING btree (prospect_id, occurred_on);


--
-- Name: uq_imports_content_committed; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_imports_content_committed ON public.imports USING btree (sha256) WHERE ((state = ANY (ARRAY['committing'::text, 'committed'::text])) AND (reversed_at IS NULL));


--
-- Name: uq_membership_changes_reversal_of; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_membership_changes_reversal_of ON public.membership_changes USING btree (reversal_of) WHERE (reversal_of IS NOT NULL);


--
-- Name: uq_users_email; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_users_email ON public.users USING btree (lower(email));


--
-- Name: closed_periods closed_periods_bump_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER closed_periods_bump_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.closed_periods FOR EACH STATEMENT EXECUTE FUNCTION public.bump_data_version();


--
-- Name: federations federations_bump_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER federations_bump_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.federations FOR EACH STATEMENT EXECUTE FUNCTION public.bump_data_version();


--
-- Name: goals goals_bump_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER goals_bump_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.goals FOR EACH STATEMENT EXECUTE FUNCTION public.bump_data_version();


--
-- Name: governance_bodies governance_bodies_bump_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER governance_bodies_bump_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.governance_bodies FOR EACH STATEMENT EXECUTE FUNCTION public.bump_data_version();


--
-- Name: governance_compositions governance_compositions_bump_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER governance_compositions_bump_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.governance_compositions FOR EACH STATEMENT EXECUTE FUNCTION public.bump_data_version();


--
-- Name: group_month_cause_rollups group_month_cause_rollups_bump_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER group_month_cause_rollups_bump_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.group_month_cause_rollups FOR EACH STATEMENT EXECUTE FUNCTION public.bump_data_version();


--
-- Name: group_month_rollups group_month_rollups_bump_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER group_month_rollups_bump_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.group_month_rollups FOR EACH STATEMENT EXECUTE FUNCTION public.bump_data_version();


--
-- Name: membership_changes membership_changes_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER membership_changes_append_only BEFORE DELETE OR UPDATE ON public.membership_changes FOR EACH ROW EXECUTE FUNCTION public.membership_changes_refuse_change();


--
-- Name: membership_changes membership_changes_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER membership_changes_no_truncate BEFORE TRUNCATE ON public.membership_changes FOR EACH STATEMENT EXECUTE FUNCTION public.membership_changes_refuse_change();


--
-- Name: published_group_month_cause_rollups published_group_month_cause_rollups_bump_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER published_group_month_cause_rollups_bump_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.published_group_month_cause_rollups FOR EACH STATEMENT EXECUTE FUNCTION public.bump_data_version();


--
-- Name: published_group_month_rollups published_group_month_rollups_bump_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER published_group_month_rollups_bump_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.published_group_month_rollups FOR EACH STATEMENT EXECUTE FUNCTION public.bump_data_version();


--
-- Name: published_union_month_rollups published_union_month_rollups_bump_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER published_union_month_rollups_bump_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.published_union_month_rollups FOR EACH STATEMENT EXECUTE FUNCTION public.bump_data_version();


--
-- Name: regional_councils regional_councils_bump_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER regional_councils_bump_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.regional_councils FOR EACH STATEMENT EXECUTE FUNCTION public.bump_data_version();


--
-- Name: sectors sectors_bump_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER sectors_bump_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.sectors FOR EACH STATEMENT EXECUTE FUNCTION public.bump_data_version();


--
-- Name: audit_events tr_audit_events_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER tr_audit_events_append_only BEFORE DELETE OR UPDATE ON public.audit_events FOR EACH ROW EXECUTE FUNCTION public.audit_events_refuse_change();


--
-- Name: audit_events tr_audit_events_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER tr_audit_events_no_truncate BEFORE TRUNCATE ON public.audit_events FOR EACH STATEMENT EXECUTE FUNCTION public.audit_events_refuse_change();


--
-- Name: union_month_rollups union_month_rollups_bump_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER union_month_rollups_bump_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.union_month_rollups FOR EACH STATEMENT EXECUTE FUNCTION public.bump_data_version();


--
-- Name: unions unions_bump_data_version; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER unions_bump_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.unions FOR EACH STATEMENT EXECUTE FUNCTION public.bump_data_version();


--
-- Name: calendar_feeds fk_calendar_feeds_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.calendar_feeds
    ADD CONSTRAINT fk_calendar_feeds_user FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: company_relations fk_company_relations_child; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.company_relations
    ADD CONSTRAINT fk_company_relations_child FOREIGN KEY (child_id) REFERENCES public.companies(id);


--
-- Name: company_relations fk_company_relations_parent; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.company_relations
    ADD CONSTRAINT fk_company_relations_parent FOREIGN KEY (parent_id) REFERENCES public.companies(id);


--
-- Name: consultations fk_consultations_prospect; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultations
    ADD CONSTRAINT fk_consultations_prospect FOREIGN KEY (prospect_id) REFERENCES public.prospects(id) ON DELETE SET NULL;


--
-- Name: consultations fk_consultations_regional_council; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultations
    ADD CONSTRAINT fk_consultations_regional_council FOREIGN KEY (regional_council_id) REFERENCES public.regional_councils(id);


--
-- Name: federations fk_federations_sector; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.federations
    ADD CONSTRAINT fk_federations_sector FOREIGN KEY (sector_code) REFERENCES public.sectors(code) ON UPDATE CASCADE;


--
-- Name: goals fk_goals_federation; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.goals
    ADD CONSTRAINT fk_goals_federation FOREIGN KEY (federation_id) REFERENCES public.federations(id);


--
-- Name: goals fk_goals_parent; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.goals
    ADD CONSTRAINT fk_goals_parent FOREIGN KEY (parent_goal_id) REFERENCES public.goals(id);


--
-- Name: goals fk_goals_regional_council; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.goals
    ADD CONSTRAINT fk_goals_regional_council FOREIGN KEY (regional_council_id) REFERENCES public.regional_councils(id);


--
-- Name: governance_bodies fk_governance_bodies_federation; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.governance_bodies
    ADD CONSTRAINT fk_governance_bodies_federation FOREIGN KEY (federation_id) REFERENCES public.federations(id);


--
-- Name: governance_bodies fk_governance_bodies_regional_council; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.governance_bodies
    ADD CONSTRAINT fk_governance_bodies_regional_council FOREIGN KEY (regional_council_id) REFERENCES public.regional_councils(id);


--
-- Name: governance_bodies fk_governance_bodies_union; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.governance_bodies
    ADD CONSTRAINT fk_governance_bodies_union FOREIGN KEY (union_id) REFERENCES public.unions(id) ON DELETE CASCADE;


--
-- Name: governance_compositions fk_governance_compositions_body; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.governance_compositions
    ADD CONSTRAINT fk_governance_compositions_body FOREIGN KEY (body_id) REFERENCES public.governance_bodies(id) ON DELETE CASCADE;


--
-- Name: loss_reviews fk_loss_reviews_regional_council; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.loss_reviews
    ADD CONSTRAINT fk_loss_reviews_regional_council FOREIGN KEY (regional_council_id) REFERENCES public.regional_councils(id);


--
-- Name: membership_changes fk_membership_changes_import; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.membership_changes
    ADD CONSTRAINT fk_membership_changes_import FOREIGN KEY (import_id) REFERENCES public.imports(id);


--
-- Name: membership_changes fk_membership_changes_reversal_of; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.membership_changes
    ADD CONSTRAINT fk_membership_changes_reversal_of FOREIGN KEY (reversal_of) REFERENCES public.membership_changes(id);


--
-- Name: membership_changes fk_membership_changes_survey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.membership_changes
    ADD CONSTRAINT fk_membership_changes_survey FOREIGN KEY (survey_id) REFERENCES public.membership_surveys(id);


--
-- Name: membership_changes fk_membership_changes_union; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.membership_changes
    ADD CONSTRAINT fk_membership_changes_union FOREIGN KEY (union_id) REFERENCES public.unions(id);


--
-- Name: membership_surveys fk_membership_surveys_union; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.membership_surveys
    ADD CONSTRAINT fk_membership_surveys_union FOREIGN KEY (union_id) REFERENCES public.unions(id);


--
-- Name: notification_settings fk_notification_settings_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification_settings
    ADD CONSTRAINT fk_notification_settings_user FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: prospect_stage_changes fk_prospect_stage_changes_prospect; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.prospect_stage_changes
    ADD CONSTRAINT fk_prospect_stage_changes_prospect FOREIGN KEY (prospect_id) REFERENCES public.prospects(id) ON DELETE CASCADE;


--
-- Name: prospect_stage_changes fk_prospect_stage_changes_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.prospect_stage_changes
    ADD CONSTRAINT fk_prospect_stage_changes_user FOREIGN KEY (changed_by) REFERENCES public.users(id);


--
-- Name: prospects fk_prospects_company; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.prospects
    ADD CONSTRAINT fk_prospects_company FOREIGN KEY (company_id) REFERENCES public.companies(id);


--
-- Name: prospects fk_prospects_regional_council; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.prospects
    ADD CONSTRAINT fk_prospects_regional_council FOREIGN KEY (regional_council_id) REFERENCES public.regional_councils(id);


--
-- Name: prospects fk_prospects_sector; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.prospects
    ADD CONSTRAINT fk_prospects_sector FOREIGN KEY (sector_code) REFERENCES public.sectors(code) ON UPDATE CASCADE;


--
-- Name: prospects fk_prospects_target_federation; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.prospects
    ADD CONSTRAINT fk_prospects_target_federation FOREIGN KEY (target_federation_id) REFERENCES public.federations(id);


--
-- Name: prospects fk_prospects_union; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.prospects
    ADD CONSTRAINT fk_prospects_union FOREIGN KEY (union_id) REFERENCES public.unions(id);


--
-- Name: published_group_month_cause_rollups fk_published_group_month_cause_rollups_month; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.published_group_month_cause_rollups
    ADD CONSTRAINT fk_published_group_month_cause_rollups_month FOREIGN KEY (month) REFERENCES public.closed_periods(month) ON DELETE CASCADE;


--
-- Name: published_group_month_rollups fk_published_group_month_rollups_month; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.published_group_month_rollups
    ADD CONSTRAINT fk_published_group_month_rollups_month FOREIGN KEY (month) REFERENCES public.closed_periods(month) ON DELETE CASCADE;


--
-- Name: published_union_month_rollups fk_published_union_month_rollups_month; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.published_union_month_rollups
    ADD CONSTRAINT fk_published_union_month_rollups_month FOREIGN KEY (month) REFERENCES public.closed_periods(month) ON DELETE CASCADE;


--
-- Name: push_subscriptions fk_push_subscriptions_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.push_subscriptions
    ADD CONSTRAINT fk_push_subscriptions_user FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: reminder_sends fk_reminder_sends_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reminder_sends
    ADD CONSTRAINT fk_reminder_sends_user FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: unions fk_unions_company; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unions
    ADD CONSTRAINT fk_unions_company FOREIGN KEY (company_id) REFERENCES public.companies(id);


--
-- Name: unions fk_unions_federation; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unions
    ADD CONSTRAINT fk_unions_federation FOREIGN KEY (federation_id) REFERENCES public.federations(id);


--
-- Name: unions fk_unions_regional_council; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unions
    ADD CONSTRAINT fk_unions_regional_council FOREIGN KEY (regional_council_id) REFERENCES public.regional_councils(id);


--
-- Name: users fk_users_federation; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT fk_users_federation FOREIGN KEY (federation_id) REFERENCES public.federations(id);


--
-- Name: users fk_users_regional_council; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT fk_users_regional_council FOREIGN KEY (regional_council_id) REFERENCES public.regional_councils(id);


--
-- Name: visits fk_visits_organizer; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits
    ADD CONSTRAINT fk_visits_organizer FOREIGN KEY (organizer_id) REFERENCES public.users(id);


--
-- Name: visits fk_visits_prospect; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visits
    ADD CONSTRAINT fk_visits_prospect FOREIGN KEY (prospect_id) REFERENCES public.prospects(id) ON DELETE CASCADE;


--
-- Name: import_records import_records_import_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_records
    ADD CONSTRAINT import_records_import_id_fkey FOREIGN KEY (import_id) REFERENCES public.imports(id) ON DELETE CASCADE;


--
-- Name: import_rows import_rows_import_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_rows
    ADD CONSTRAINT import_rows_import_id_fkey FOREIGN KEY (import_id) REFERENCES public.imports(id) ON DELETE CASCADE;


--
-- Name: imports imports_committed_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.imports
    ADD CONSTRAINT imports_committed_by_fkey FOREIGN KEY (committed_by) REFERENCES public.users(id);


--
-- Name: imports imports_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.imports
    ADD CONSTRAINT imports_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id);


--
-- Name: imports imports_reversed_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.imports
    ADD CONSTRAINT imports_reversed_by_fkey FOREIGN KEY (reversed_by) REFERENCES public.users(id);


--
-- Name: imports imports_scope_federation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.imports
    ADD CONSTRAINT imports_scope_federation_id_fkey FOREIGN KEY (scope_federation_id) REFERENCES public.federations(id);


--
-- Name: imports imports_scope_regional_council_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.imports
    ADD CONSTRAINT imports_scope_regional_council_id_fkey FOREIGN KEY (scope_regional_council_id) REFERENCES public.regional_councils(id);


--
-- PostgreSQL database dump complete
--
