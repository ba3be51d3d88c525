-- cause_kinds: the one list of ledger causes in SQL, each with the sum it feeds (increase,
-- decrease or survey adjustment). cause_kind() reads it, and so does the rebuild's join
-- (aggregation_rebuild_group_levels_next), so a cause added here is counted alike by every
-- batch and by a rebuild, and the derived levels stay equal to the ledger either way
-- (invariant 1, docs/architecture.md#invariant-1). The vocabulary (src/membership/vocabulary.ts,
-- each cause with its labels) must name the same causes; test/membership/cause-vocabulary.e2e-spec.ts
-- holds the two together. Add a cause with a migration
-- that replaces this function (add, never remove: the ledger keeps old causes). STABLE, not
-- IMMUTABLE: PostgreSQL inlines it as a constant of each plan and records the dependency, so a
-- new list also invalidates the plans a running worker has cached.

CREATE OR REPLACE FUNCTION public.cause_kinds()
 RETURNS jsonb
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT jsonb '{
    "new_hire":                "increase",
    "new_organizing":          "increase",
    "non_regular_enrollment":  "increase",
    "transfer_in":             "increase",
    "merger_in":               "increase",
    "other_increase":          "increase",
    "retirement":              "decrease",
    "resignation":             "decrease",
    "promotion_to_management": "decrease",
    "restructuring":           "decrease",
    "contract_end":            "decrease",
    "transfer_out":            "decrease",
    "dissolution":             "decrease",
    "withdrawal":              "decrease",
    "death":                   "decrease",
    "other_decrease":          "decrease",
    "survey_adjustment":       "adjustment"
  }'
$function$
;
