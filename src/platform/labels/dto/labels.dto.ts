import type { Label } from '../labels';

export class LabelDto implements Label {
  code!: string;
  /** Japanese, shown to people. */
  label!: string;
  labelEn!: string;
}

/** Every code list of the API with its labels (the console's only vocabulary). */
export class LabelsDto {
  causes!: LabelDto[];
  stages!: LabelDto[];
  employmentTypes!: LabelDto[];
  genders!: LabelDto[];
  visitOutcomes!: LabelDto[];
  consultationTopics!: LabelDto[];
  prospectSources!: LabelDto[];
  visitKinds!: LabelDto[];
  supportLevels!: LabelDto[];
  consultationChannels!: LabelDto[];
  unionStatuses!: LabelDto[];
  unionKinds!: LabelDto[];
  roles!: LabelDto[];
  stageChangeKinds!: LabelDto[];
  milestoneStatuses!: LabelDto[];
  reminderSendStatuses!: LabelDto[];
  governanceBodyKinds!: LabelDto[];
  organizationKinds!: LabelDto[];
  parityStatuses!: LabelDto[];
  genderTargets!: LabelDto[];
  industries!: LabelDto[];
  companyStatuses!: LabelDto[];
  unionPresences!: LabelDto[];
  companyRelationKinds!: LabelDto[];
  confidences!: LabelDto[];
}
