import type { FieldLabels } from '../platform/audit/audit-changes';
import { USER_RECORD_FIELDS } from '../platform/admin/users/user-scope';
import { UNION_FIELDS } from '../structure/union-fields';
import { PROSPECT_FIELDS } from '../organizing/prospects/prospect-fields';
import { VISIT_FIELDS } from '../organizing/visits/visit-fields';

/**
 * The fields of every kind of record, by the names their own screens show, for the whole log
 * (the admin's view reaches into each area; other fields show by their shared name or key).
 */
export const RECORD_FIELDS: FieldLabels = {
  user: USER_RECORD_FIELDS,
  union: UNION_FIELDS,
  prospect: PROSPECT_FIELDS,
  visit: VISIT_FIELDS,
};
