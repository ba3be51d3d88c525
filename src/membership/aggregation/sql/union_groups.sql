-- union_groups: where a union's members count (docs/architecture.md#rollup-levels): the derived
-- groups of a union with this federation, council and sector, spelled as the rollups' group
-- keys that the reports read (src/insight/reports/rollup-source.ts): total 'all', the
-- federation (or 'none'), the regional council, the sector (or 'none') and
-- '<federation>:<council>'. One definition for the batch apply, the structure moves and the
-- invariant check, so all three agree.

CREATE OR REPLACE FUNCTION public.union_groups(p_federation uuid, p_council uuid, p_sector text)
 RETURNS TABLE(level text, group_key text)
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
        VALUES ('total', 'all'),
               ('federation', coalesce(p_federation::text, 'none')),
               ('regional_council', p_council::text),
               ('sector', coalesce(p_sector, 'none')),
               ('federation_council', coalesce(p_federation::text, 'none') || ':' || p_council::text)
      $function$
;
