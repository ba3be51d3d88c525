-- cause_kind: The kind of sum a ledger cause feeds: 'increase', 'decrease' or 'adjustment';
-- NULL for a code that is no cause. The ledger's CHECK constraints rest on it (a cause must be
-- known; an increase carries a positive delta, a decrease a negative one, a reversal the
-- opposite: DESIGN "Sign rules"), and the rollup functions, month close and the reports use it
-- to split net into increase, decrease and adjustment, so every reader sorts a cause the same
-- way.

CREATE OR REPLACE FUNCTION public.cause_kind(cause text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
        SELECT CASE
          WHEN cause IN ('new_hire','new_organizing','non_regular_enrollment','transfer_in','merger_in','other_increase') THEN 'increase'
          WHEN cause IN ('retirement','resignation','promotion_to_management','restructuring','contract_end','transfer_out','dissolution','withdrawal','death','other_decrease') THEN 'decrease'
          WHEN cause = 'survey_adjustment' THEN 'adjustment'
        END
      $function$
;
