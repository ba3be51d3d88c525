-- aggregation_rebuild_begin: first step of a rebuild: no ledger row is counted twice or missed
-- (invariant 1, docs/architecture.md#invariant-1). Takes the outbox ACCESS EXCLUSIVE, which
-- every ledger writer and every batch take first, so the rebuild counts exactly what was
-- committed before it and nothing interleaves; then empties the outbox, because the rebuild
-- counts those rows from the ledger itself. The lock is held to the end of the caller's
-- transaction (connection A). Returns the ledger's estimated row count, for progress.

CREATE OR REPLACE FUNCTION public.aggregation_rebuild_begin()
 RETURNS bigint
 LANGUAGE plpgsql
AS $function$
      DECLARE
        n bigint;
      BEGIN
        LOCK TABLE aggregation_outbox IN ACCESS EXCLUSIVE MODE;
        -- the outbox rows are about to be counted from the ledger itself
        TRUNCATE aggregation_outbox;
        SELECT reltuples::bigint INTO n FROM pg_class WHERE oid = 'membership_changes'::regclass;
        RETURN greatest(n, 0);
      END $function$
;
