-- audit_events_refuse_change: the audit trail is append-only, as the ledger is (invariant 4,
-- docs/architecture.md#invariant-4), as a property of the schema: the BEFORE UPDATE OR DELETE
-- row trigger and the BEFORE TRUNCATE statement trigger on audit_events call it, and it refuses
-- the statement. Who changed what stays answerable even to someone with the application's
-- database rights.

CREATE OR REPLACE FUNCTION public.audit_events_refuse_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'P0001';
      END $function$
;
