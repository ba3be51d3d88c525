import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { JobView } from '../aggregation.jobs';

export class RebuildAcceptedDto {
  /** Follow it with GET /admin/jobs/:id. */
  jobId!: string;
}

const JOB_STATES = ['waiting', 'waiting-children', 'prioritized', 'delayed', 'active', 'completed', 'failed'];

/** A queue job as the admin API shows it. */
export class JobDto implements JobView {
  id!: string;
  /** The job's kind, e.g. rebuild. */
  name!: string;
  @ApiProperty({ enum: JOB_STATES })
  state!: string;
  @ApiProperty({ description: 'Percent done (0..100), or what the job reported.', oneOf: [{ type: 'number' }, { type: 'object', additionalProperties: true }] })
  progress!: unknown;
  @ApiPropertyOptional({ description: 'What the job answered once completed, e.g. {"rows": 1200}.', type: 'object', additionalProperties: true })
  result?: unknown;
  failedReason?: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time' })
  startedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  finishedAt?: string;
}
