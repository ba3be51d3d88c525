import { AggregationModule } from './membership/aggregation/aggregation.module';
import { MEMBERSHIP_CHANGES_IMPORT } from './membership/imports/membership-changes.import';
import { MEMBERSHIP_SURVEY_IMPORT } from './membership/imports/membership-survey.import';
import { MembershipSurveysModule } from './membership/membership-surveys/membership-surveys.module';
import { PROSPECTS_IMPORT } from './organizing/imports/prospects.import';
import { ImportKinds } from './platform/imports/import-kinds';
import { UNIONS_IMPORT } from './structure/imports/unions.import';
import { GOVERNANCE_COMPOSITIONS_IMPORT } from './structure/imports/governance-compositions.import';
import { GovernanceBodiesModule } from './structure/governance-bodies/governance-bodies.module';
import { COMPANIES_IMPORT } from './structure/imports/companies.import';
import { COMPANY_RELATIONS_IMPORT } from './structure/imports/company-relations.import';

/**
 * Every kind of spreadsheet import (API.md, Imports and exports), each declared beside the
 * area that owns what it writes: its template, importers, row rules, staging and commit.
 * Add a kind here after declaring it in its area.
 */
export const IMPORT_KINDS = new ImportKinds([
  MEMBERSHIP_CHANGES_IMPORT,
  MEMBERSHIP_SURVEY_IMPORT,
  UNIONS_IMPORT,
  PROSPECTS_IMPORT,
  GOVERNANCE_COMPOSITIONS_IMPORT,
  COMPANIES_IMPORT,
  COMPANY_RELATIONS_IMPORT,
]);

/** The modules the kinds' committers take their services from (the survey's, the aggregation's doorbell). */
export const IMPORT_COMMIT_MODULES = [AggregationModule, MembershipSurveysModule, GovernanceBodiesModule];
