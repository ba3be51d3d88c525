-- aggregation_apply_batch: exactly once (invariants 1 and 3:
-- docs/architecture.md#invariant-1, docs/architecture.md#invariant-3). Claims up to p_limit
-- outbox rows with FOR UPDATE SKIP LOCKED, so workers take disjoint batches; deletes them;
-- adds their ledger rows' sums to union_month_rollups and, through
-- aggregation_add_to_groups(), to every derived level; moves aggregation_state.as_of. All of
-- it in the caller's one transaction: a crash before the commit leaves the batch in the
-- outbox, after it the batch is applied and gone, so the queue may deliver twice and the
-- database still counts each ledger row once. Upserts in key order, so two batches over the
-- same rows wait for each other instead of deadlocking. Waits while a rebuild or a structure
-- move holds the outbox. Returns the ledger rows applied (0: nothing left). Called by the
-- worker (src/membership/aggregation/aggregation.service.ts) and by month close
-- (src/membership/periods/periods.service.ts).

CREATE OR REPLACE FUNCTION public.aggregation_apply_batch(p_limit integer)
 RETURNS integer
 LANGUAGE plpgsql
AS $function$
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
      END $function$
;
