import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate, IsMonth } from '../../platform/common/validation/validators';
import { ExpectationModel, GroupFigures } from './pipeline-figures';

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

export class CouncilPipeline {
  regionalCouncilId!: string;
  label!: string;
  figures!: GroupFigures;
}

export class OrganizerPipeline {
  /** null: the prospects nobody is assigned to (未担当). */
  organizerId!: string | null;
  label!: string;
  regionalCouncilId!: string | null;
  figures!: GroupFigures;
}

export class PipelineReport {
  /** The newest stage change the figures include; null when none. */
  asOf!: Date | null;
  from!: string | null;
  to!: string;
  regionalCouncilId!: string | null;
  model!: ExpectationModel;
  total!: GroupFigures;
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

export class OrganizerActivityReport {
  asOf!: Date | null;
  month!: string;
  regionalCouncilId!: string | null;
  organizers!: OrganizerActivity[];
  councils!: CouncilActivity[];
  total!: ActivityFigures & { streetConsultations: number };
}
