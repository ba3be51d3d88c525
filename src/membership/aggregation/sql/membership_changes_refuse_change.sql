-- membership_changes_refuse_change: the ledger is append-only (invariant 4,
-- docs/architecture.md#invariant-4), as a property of the schema rather than of the code: the
-- BEFORE UPDATE OR DELETE row trigger and the BEFORE TRUNCATE statement trigger on
-- membership_changes call it, and it refuses the statement. A correction is a reversing entry
-- linked to the original; a survey writes survey_adjustment entries.

CREATE OR REPLACE FUNCTION public.membership_changes_refuse_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        RAISE EXCEPTION 'membership_changes is append-only: % refused; write a reversing entry instead', TG_OP
          USING ERRCODE = 'P0001';
      END $function$
;
