import { GENDER_TARGET_LABELS, MILESTONE_STATUS_LABELS, PARITY_STATUS_LABELS } from './insight/labels';
import { CAUSE_LABELS, EMPLOYMENT_TYPE_LABELS, GENDER_LABELS } from './membership/vocabulary';
import {
  CONSULTATION_CHANNEL_LABELS,
  CONSULTATION_TOPIC_LABELS,
  PROSPECT_SOURCE_LABELS,
  REMINDER_SEND_STATUS_LABELS,
  STAGE_CHANGE_KIND_LABELS,
  STAGE_LABELS,
  SUPPORT_LEVEL_LABELS,
  VISIT_KIND_LABELS,
  VISIT_OUTCOME_LABELS,
} from './organizing/labels';
import type { LabelMap } from './platform/labels/labels';
import type { LabelsDto } from './platform/labels/dto/labels.dto';
import { ROLE_LABELS } from './platform/users/role-labels';
import {
  COMPANY_STATUS_LABELS,
  CONFIDENCE_LABELS,
  GOVERNANCE_BODY_KIND_LABELS,
  INDUSTRY_LABELS,
  ORGANIZATION_KIND_LABELS,
  RELATION_KIND_LABELS,
  UNION_KIND_LABELS,
  UNION_PRESENCE_LABELS,
  UNION_STATUS_LABELS,
} from './structure/labels';

/**
 * Every code list of the API with its labels (GET /labels), gathered here from the areas
 * that own the codes: platform imports no area, so the app hands the lists to LabelsModule.
 */
export const LABELS = {
  causes: CAUSE_LABELS,
  stages: STAGE_LABELS,
  employmentTypes: EMPLOYMENT_TYPE_LABELS,
  genders: GENDER_LABELS,
  visitOutcomes: VISIT_OUTCOME_LABELS,
  consultationTopics: CONSULTATION_TOPIC_LABELS,
  prospectSources: PROSPECT_SOURCE_LABELS,
  visitKinds: VISIT_KIND_LABELS,
  supportLevels: SUPPORT_LEVEL_LABELS,
  consultationChannels: CONSULTATION_CHANNEL_LABELS,
  unionStatuses: UNION_STATUS_LABELS,
  unionKinds: UNION_KIND_LABELS,
  roles: ROLE_LABELS,
  stageChangeKinds: STAGE_CHANGE_KIND_LABELS,
  milestoneStatuses: MILESTONE_STATUS_LABELS,
  reminderSendStatuses: REMINDER_SEND_STATUS_LABELS,
  governanceBodyKinds: GOVERNANCE_BODY_KIND_LABELS,
  organizationKinds: ORGANIZATION_KIND_LABELS,
  parityStatuses: PARITY_STATUS_LABELS,
  genderTargets: GENDER_TARGET_LABELS,
  industries: INDUSTRY_LABELS,
  companyStatuses: COMPANY_STATUS_LABELS,
  unionPresences: UNION_PRESENCE_LABELS,
  companyRelationKinds: RELATION_KIND_LABELS,
  confidences: CONFIDENCE_LABELS,
} satisfies Record<keyof LabelsDto, LabelMap>;

// no list left out of the documented shape (satisfies above: none documented and missing)
export const labelsListed: Record<Exclude<keyof typeof LABELS, keyof LabelsDto>, never> = {};
