-- uuid_v7: ledger rows written by SQL get time-ordered ids (the default of
-- membership_changes.id; the API makes the same kind in src/platform/common/uuid-v7.ts): 48
-- bits of Unix milliseconds, then random bits with the version-7 bits set. The ledger's and
-- the outbox's keys grow at their right edge instead of touching a random page of a large
-- index for every row.

CREATE OR REPLACE FUNCTION public.uuid_v7()
 RETURNS uuid
 LANGUAGE sql
 PARALLEL SAFE
AS $function$
        SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                 PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
               52, 1), 53, 1), 'hex')::uuid
      $function$
;
