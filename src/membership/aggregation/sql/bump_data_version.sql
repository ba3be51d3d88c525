-- bump_data_version: a cached report never outlives its data. Statement trigger on the
-- rollups, the published figures, goals and the structure tables: adds one to
-- aggregation_state.data_version in the same transaction as the change. The report cache
-- (src/insight/reports/report-cache.interceptor.ts) keys every answer on that version, so a
-- change is seen by the next read once it commits. SET search_path = public: it may fire
-- under any caller's path, a data-only restore's empty one included.

CREATE OR REPLACE FUNCTION public.bump_data_version()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public'
AS $function$
      BEGIN
        UPDATE aggregation_state SET data_version = data_version + 1 WHERE id = 1;
        RETURN NULL;
      END $function$
;
