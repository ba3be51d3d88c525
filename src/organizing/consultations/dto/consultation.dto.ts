import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQuery } from '../../../platform/common/http/pagination';
import { IsCalendarDate } from '../../../platform/common/validation/validators';
import { labelOf } from '../../../platform/labels/labels';
import { CONSULTATION_CHANNEL_LABELS, CONSULTATION_TOPIC_LABELS } from '../../labels';
import { CONSULTATION_CHANNELS, CONSULTATION_TOPICS, Consultation, ConsultationChannel, ConsultationTopic } from '../consultation.entity';

export class CreateConsultationDto {
  @IsCalendarDate()
  receivedOn!: string;

  /** Council staff may omit it: their own council. */
  @IsOptional()
  @IsUUID()
  regionalCouncilId?: string;

  @ApiProperty({ enum: CONSULTATION_CHANNELS })
  @IsIn(CONSULTATION_CHANNELS)
  channel!: ConsultationChannel;

  @ApiProperty({ enum: CONSULTATION_TOPICS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CONSULTATION_TOPICS.length)
  @ArrayUnique()
  @IsIn(CONSULTATION_TOPICS, { each: true })
  topics!: ConsultationTopic[];

  /** The employer concerned, if the worker named it (never the worker). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  employerName?: string | null;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  workersConcerned?: number | null;

  /** What happened, without names or contact details (e-mail, phone, postal code are refused). */
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  summary!: string;

  /** The prospect workplace it led to, in the same council. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  prospectId?: string | null;
}

export class UpdateConsultationDto extends PartialType(CreateConsultationDto) {
  @IsOptional()
  @IsInt()
  version?: number;
}

export class ListConsultationsQuery extends PageQuery {
  @IsOptional()
  @IsUUID()
  regionalCouncilId?: string;

  @IsOptional()
  @IsUUID()
  prospectId?: string;

  @ApiPropertyOptional({ enum: CONSULTATION_TOPICS })
  @IsOptional()
  @IsIn(CONSULTATION_TOPICS)
  topic?: ConsultationTopic;

  @ApiPropertyOptional({ enum: CONSULTATION_CHANNELS })
  @IsOptional()
  @IsIn(CONSULTATION_CHANNELS)
  channel?: ConsultationChannel;

  @IsOptional()
  @IsCalendarDate({ api: { required: false } })
  from?: string;

  @IsOptional()
  @IsCalendarDate({ api: { required: false } })
  to?: string;
}

export class ConsultationDto {
  id!: string;
  receivedOn!: string;
  regionalCouncilId!: string;
  channel!: ConsultationChannel;
  channelLabel!: string;
  topics!: ConsultationTopic[];
  topicLabels!: string[];
  employerName!: string | null;
  workersConcerned!: number | null;
  summary!: string;
  prospectId!: string | null;
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
  createdBy!: string | null;
  updatedBy!: string | null;
}

export const toConsultationDto = (c: Consultation): ConsultationDto => ({
  id: c.id,
  receivedOn: c.receivedOn,
  regionalCouncilId: c.regionalCouncilId,
  channel: c.channel,
  channelLabel: labelOf(CONSULTATION_CHANNEL_LABELS, c.channel),
  topics: c.topics,
  topicLabels: c.topics.map((topic) => labelOf(CONSULTATION_TOPIC_LABELS, topic)),
  employerName: c.employerName,
  workersConcerned: c.workersConcerned,
  summary: c.summary,
  prospectId: c.prospectId,
  version: c.version,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  createdBy: c.createdBy,
  updatedBy: c.updatedBy,
});
