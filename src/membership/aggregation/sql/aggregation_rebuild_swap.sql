-- aggregation_rebuild_swap: last step of a rebuild, in connection A's transaction: reports see
-- the old figures or the new ones, never a mix (invariant 1, docs/architecture.md#invariant-1;
-- docs/architecture.md#rollup-levels). Refuses to run unless all three *_next tables exist,
-- locks the three live rollup tables at once, replaces each by its new table (same key name,
-- same data-version trigger), stamps as_of and rebuilt_at and bumps the data version. A failure
-- before the commit leaves the live figures as they were.

CREATE OR REPLACE FUNCTION public.aggregation_rebuild_swap()
 RETURNS void
 LANGUAGE plpgsql
AS $function$
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
      END $function$
;
