import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { labelOf } from '../../../platform/labels/labels';
import { STAGE_CHANGE_KIND_LABELS, STAGE_LABELS } from '../../labels';
import { ProspectStageChange, StageChangeKind } from '../prospect-stage-change.entity';
import { STAGES, Stage, WORKING_STAGES, WorkingStage } from '../stage-rules';

export class MoveStageDto {
  @ApiProperty({ enum: STAGES })
  @IsIn(STAGES)
  stage!: Stage;

  /** Required for lost: why the campaign was given up. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note?: string;

  /** The version you read; a stale one is 409 and nothing moves. */
  @IsInt()
  version!: number;
}

export class ReopenProspectDto {
  @ApiProperty({ enum: WORKING_STAGES })
  @IsIn(WORKING_STAGES)
  stage!: WorkingStage;

  /** Why the workplace is taken up again. */
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note!: string;

  @IsInt()
  version!: number;
}

export class StageChangeDto {
  id!: string;
  kind!: StageChangeKind;
  kindLabel!: string;
  fromStage!: Stage | null;
  fromStageLabel!: string | null;
  toStage!: Stage;
  toStageLabel!: string;
  note!: string | null;
  changedBy!: string | null;
  changedByName!: string | null;
  changedAt!: Date;
}

export const toStageChangeDto = (c: ProspectStageChange & { changedByName?: string | null }): StageChangeDto => ({
  id: c.id,
  kind: c.kind,
  kindLabel: labelOf(STAGE_CHANGE_KIND_LABELS, c.kind),
  fromStage: c.fromStage,
  fromStageLabel: c.fromStage ? labelOf(STAGE_LABELS, c.fromStage) : null,
  toStage: c.toStage,
  toStageLabel: labelOf(STAGE_LABELS, c.toStage),
  note: c.note,
  changedBy: c.changedBy,
  changedByName: c.changedByName ?? null,
  changedAt: c.changedAt,
});
