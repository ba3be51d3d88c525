import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditLog } from '../../platform/audit/audit-log';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { Clock } from '../../platform/time/clock';
import { DigestRunResultDto, RunDigestsDto } from './dto/reminders.dto';
import { DigestService, tokyoDayAndHour } from './digest.service';

@ApiTags('reminders')
@Authenticated('admin')
@Controller('admin/digests')
export class DigestsController {
  constructor(
    private readonly digests: DigestService,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /** Runs the morning reminders now for the people of the hour (Asia/Tokyo); a second run the same day sends nothing more. */
  @Post('run')
  @HttpCode(200)
  @ApiOperation({ operationId: 'runDigests', summary: 'Send the morning e-mail and push now for the people of an hour (default: the current one)' })
  @ApiOkResponse({ type: DigestRunResultDto })
  async run(@Body() dto: RunDigestsDto, @Caller() caller: CurrentUser): Promise<DigestRunResultDto> {
    const now = tokyoDayAndHour(this.clock.now());
    const result = await this.digests.run(now.day, dto.hour ?? now.hour);
    await this.audit.recordAlone(caller, { action: 'digest.run', details: { ...result } });
    return result;
  }
}
