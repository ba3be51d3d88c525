import { GOAL_EXPORTS } from './insight/goals/goal-exports';
import { LOSS_REVIEW_EXPORTS } from './insight/loss-reviews/loss-review-exports';
import { REPORT_EXPORTS } from './insight/reports/report-exports';
import { MEMBERSHIP_EXPORTS } from './membership/membership-exports';
import { ORGANIZING_EXPORTS } from './organizing/organizing-exports';
import { PIPELINE_EXPORTS } from './organizing/pipeline-reports/pipeline-exports';
import { AUDIT_EXPORTS } from './platform/audit/audit-exports';
import { ExportRoutes } from './platform/exports/export-routes';
import { USER_EXPORTS } from './platform/users/user-exports';
import { STRUCTURE_EXPORTS } from './structure/structure-exports';
import { COMPANY_EXPORTS } from './structure/companies/company-exports';
import { COMPANY_GROUP_EXPORTS } from './organizing/company-groups/company-group-exports';

/**
 * Every report and list that answers `?format=xlsx|csv` (API.md, Imports and exports).
 * An import template reads its own `format` (the header row as CSV).
 */
export const EXPORT_ROUTES = new ExportRoutes(
  {
    ...REPORT_EXPORTS,
    ...PIPELINE_EXPORTS,
    ...GOAL_EXPORTS,
    ...LOSS_REVIEW_EXPORTS,
    ...STRUCTURE_EXPORTS,
    ...MEMBERSHIP_EXPORTS,
    ...ORGANIZING_EXPORTS,
    ...USER_EXPORTS,
    ...AUDIT_EXPORTS,
    ...COMPANY_EXPORTS,
    ...COMPANY_GROUP_EXPORTS,
  },
  ['/imports/templates/:kind'],
);
