import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '../../platform/common/auth/roles';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate, IsMonth } from '../../platform/common/validation/validators';
import type { Stage, WorkingStage } from '../prospects/stage-rules';
import type { ExpectationModel, GroupFigures } from './pipeline-figures';

export class PipelineReportQuery {
  @IsOptional()
  @IsUUID()
  regionalCouncilId?: string;

  /** The cohort: prospects first recorded on or after this day (Japan). Default: since the start. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate({ api: { required: false } })
  from?: string;

  /** The cohort's last day, and the day the figures are taken at (history after it is ignored). Default: today. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate({ api: { required: false } })
  to?: string;
}

export class StageFiguresDto {
  stage!: Stage;
  label!: string;
  prospects!: number;
  estimatedWorkers!: number;
  /** Median calendar days of completed stays in the stage; null without any. */
  medianDays!: number | null;
  completedStays!: number;
}

export class ConversionDto {
  from!: Stage;
  fromLabel!: string;
  to!: Stage;
  toLabel!: string;
  /** Prospects that reached `from` (or a later stage). */
  reached!: number;
  /** Of those, how many reached `to`. */
  advanced!: number;
  /** advanced / reached; null when none reached `from`. */
  rate!: number | null;
}

export class GroupFiguresDto implements GroupFigures {
  prospects!: number;
  stages!: StageFiguresDto[];
  conversions!: ConversionDto[];
  /** Estimated workers at the open workplaces (working stages and on hold). */
  workersCovered!: number;
  /** Σ open workplaces' estimated workers × P(affiliated | stage) × join rate (see the model). */
  expectedMembers!: number;
  affiliatedMembers!: number;
}

export class StageProbabilityDto {
  stage!: WorkingStage;
  label!: string;
  probability!: number;
}

export class ExpectationModelDto implements ExpectationModel {
  /** P(affiliated | stage): the product of the conversion rates from the stage on (0 where a rate is unknown). */
  affiliationProbability!: StageProbabilityDto[];
  /** Members at affiliation per estimated worker of the affiliated workplaces; 1 until one affiliates. */
  joinRate!: number;
}

export class CouncilPipeline {
  regionalCouncilId!: string;
  label!: string;
  figures!: GroupFiguresDto;
}

export class OrganizerPipeline {
  /** null: the prospects nobody is assigned to (未担当). */
  organizerId!: string | null;
  label!: string;
  regionalCouncilId!: string | null;
  figures!: GroupFiguresDto;
}

export class PipelineReport {
  /** The newest stage change the figures include; null when none. */
  asOf!: Date | null;
  from!: string | null;
  to!: string;
  regionalCouncilId!: string | null;
  model!: ExpectationModelDto;
  total!: GroupFiguresDto;
  byCouncil!: CouncilPipeline[];
  /** A prospect with two organizers counts for both. */
  byOrganizer!: OrganizerPipeline[];
}

export class OrganizerActivityQuery {
  @IsMonth()
  month!: string;

  @IsOptional()
  @IsUUID()
  regionalCouncilId?: string;
}

export class ActivityFigures {
  visits!: number;
  visitsByOutcome!: { outcome: string; label: string; visits: number }[];
  visitsWithoutOutcome!: number;
  /** Consultations handled on visits: kind consultation or outcome consultation_taken. */
  consultations!: number;
  /** Moves forward on the path (identified … affiliated), by whoever recorded them. */
  stageAdvances!: number;
  /** Moves from committee to founded (結成). */
  foundings!: number;
  affiliations!: number;
}

export class OrganizerActivity extends ActivityFigures {
  organizerId!: string;
  label!: string;
  @ApiProperty({ enum: ROLES })
  role!: string;
  roleLabel!: string;
  regionalCouncilId!: string | null;
}

export class CouncilActivity extends ActivityFigures {
  regionalCouncilId!: string;
  label!: string;
  /** Street-corner consultations (まちかど労働相談) received in the month. */
  streetConsultations!: number;
}

export class ActivityTotalDto extends ActivityFigures {
  streetConsultations!: number;
}

export class OrganizerActivityReport {
  asOf!: Date | null;
  month!: string;
  regionalCouncilId!: string | null;
  organizers!: OrganizerActivity[];
  councils!: CouncilActivity[];
  total!: ActivityTotalDto;
}
