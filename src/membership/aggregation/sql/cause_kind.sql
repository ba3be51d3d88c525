-- cause_kind: the kind of sum a ledger cause feeds, looked up in cause_kinds(): 'increase',
-- 'decrease' or 'adjustment'; NULL for a code that is no cause. The ledger's CHECK constraints
-- rest on it (a cause must be known; an increase carries a positive delta, a decrease a
-- negative one, a reversal the opposite), and the batch apply, the structure moves, month
-- close, the invariant check and the reports use it to split net into increase, decrease and
-- adjustment, so every reader sorts a cause the same way (invariant 6,
-- docs/architecture.md#invariant-6). STABLE so that PostgreSQL inlines it into each plan, as
-- fast as a CASE. It names public.cause_kinds() with its schema (not SET search_path, which
-- would stop the inlining): a restore checks the ledger's rows with an empty search_path
-- (test/platform/backups-empty-search-path.e2e-spec.ts).

CREATE OR REPLACE FUNCTION public.cause_kind(cause text)
 RETURNS text
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT public.cause_kinds() ->> cause
$function$
;
