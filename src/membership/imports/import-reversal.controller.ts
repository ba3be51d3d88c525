import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { AcceptsIdempotencyKey, IdempotencyKey, type IdempotentRequest } from '../../platform/idempotency/idempotency';
import { ImportDto, ReverseImportDto } from '../../platform/imports/dto/import.dto';
import { ImportReversal } from './import-reversal';

/** Taking a committed membership-changes file back as a whole: the ledger's side of imports. */
@ApiTags('imports')
@Controller('imports')
export class ImportReversalController {
  constructor(private readonly reversal: ImportReversal) {}

  @Authenticated('admin', 'federation')
  @AcceptsIdempotencyKey()
  @Post(':id/reverse')
  @ApiOperation({ operationId: 'reverseImport', summary: 'Reverse every ledger entry a committed import wrote' })
  @ApiCreatedResponse({ type: ImportDto })
  reverse(
    @UuidParam() id: string,
    @Body() dto: ReverseImportDto,
    @Caller() caller: CurrentUser,
    @IdempotencyKey() request: IdempotentRequest,
  ): Promise<ImportDto> {
    return this.reversal.reverse(id, dto, caller, request);
  }
}
