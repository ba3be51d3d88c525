import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { EMPLOYMENT_TYPES, EmploymentType, GENDERS, Gender } from '../../vocabulary';
import { ChangeFieldRule, MAX_NOTE_LENGTH } from '../membership-change.fields';
import { CLIENT_CAUSES, ClientCause, MAX_ABS_DELTA } from '../membership-change.rules';

/** One membership change as a client reports it (rules in membership-change.fields.ts). */
export class CreateMembershipChangeDto {
  @ChangeFieldRule('unionId', { type: String, format: 'uuid' })
  unionId!: string;

  @ChangeFieldRule('effectiveOn', { type: String, format: 'date', example: '2026-04-01', description: 'Japan calendar day the change took effect' })
  effectiveOn!: string;

  @ChangeFieldRule('delta', {
    type: 'integer',
    example: 12,
    minimum: -MAX_ABS_DELTA,
    maximum: MAX_ABS_DELTA,
    description: 'Members gained (positive, increase causes) or lost (negative, decrease causes); never 0',
  })
  delta!: number;

  @ChangeFieldRule('cause', { enum: CLIENT_CAUSES, example: 'new_hire' })
  cause!: ClientCause;

  @ChangeFieldRule('employmentType', { enum: EMPLOYMENT_TYPES, example: 'regular' })
  employmentType!: EmploymentType;

  @ChangeFieldRule('gender', { enum: GENDERS, default: 'unspecified' })
  gender?: Gender;

  @ChangeFieldRule('note', { type: String, maxLength: MAX_NOTE_LENGTH })
  note?: string;
}

export const MAX_BULK_ITEMS = 10_000;
/**
 * The largest bulk body read (413 above): 10,000 changes with a short note each are about
 * 2 MB (bench/hostile-bodies.ts prints it), so long notes still fit.
 */
export const BULK_BODY_LIMIT = 16 * 1024 * 1024;

/**
 * Up to 10,000 changes written all or nothing. Checked by BulkItemsPipe (by hand, for
 * speed, with the rules of a single change); the decorators here describe the body in
 * the OpenAPI document and in the unit test that compares both checks.
 */
export class BulkMembershipChangesDto {
  @ApiProperty({ type: [CreateMembershipChangeDto], minItems: 1, maxItems: MAX_BULK_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_ITEMS)
  items!: CreateMembershipChangeDto[];
}

/** The bulk body as the route receives it: an interface, so the global ValidationPipe leaves it to BulkItemsPipe. */
export interface BulkBody {
  items: CreateMembershipChangeDto[];
}
