import { Controller, Get, HttpCode, HttpStatus, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Authenticated, Caller } from '../common/auth/auth.decorators';
import type { CurrentUser } from '../common/auth/roles';
import { ApiPage, Page } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { AcceptsIdempotencyKey, IdempotencyKey, type IdempotentRequest } from '../idempotency/idempotency';
import { ImportAcceptedDto, ImportDto, ListImportsQuery } from './dto/import.dto';
import { IMPORT_KIND_NAMES } from './import-kinds';
import { ImportsService } from './imports.service';

/**
 * Spreadsheet imports (取込): admins for everything, federation officers for their unions,
 * regional council staff for their council's unions and prospects (which kind a role may
 * import: each kind's `importers`); leadership reads them. Reversing a committed file is the
 * ledger's: membership/imports/import-reversal.controller.ts.
 */
@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Authenticated('admin', 'federation', 'regional')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'kind'],
      properties: {
        kind: { type: 'string', enum: [...IMPORT_KIND_NAMES] },
        file: { type: 'string', format: 'binary', description: '.xlsx or CSV (UTF-8 or Shift_JIS), up to 100 MB' },
      },
    },
  })
  @ApiAcceptedResponse({ type: ImportAcceptedDto, description: 'Queued for checking: poll GET /imports/:id' })
  @ApiPayloadTooLargeResponse({ description: 'The file is over 100 MB' })
  @HttpCode(HttpStatus.ACCEPTED)
  @Post()
  @ApiOperation({ operationId: 'uploadImport', summary: 'Upload a spreadsheet to import; the worker checks it' })
  upload(@Req() request: FastifyRequest, @Caller() caller: CurrentUser): Promise<ImportAcceptedDto> {
    return this.imports.upload(request, caller);
  }

  @Authenticated('admin', 'leadership', 'federation', 'regional')
  @Get()
  @ApiPage(ImportDto)
  @ApiOperation({ operationId: 'listImports', summary: 'List imports in your scope, newest first' })
  list(@Query() query: ListImportsQuery, @Caller() caller: CurrentUser): Promise<Page<ImportDto>> {
    return this.imports.list(query, caller);
  }

  @Authenticated('admin', 'leadership', 'federation', 'regional')
  @Get(':id')
  @ApiOperation({ operationId: 'getImport', summary: 'Get an import: its state, progress, counts and errors' })
  @ApiOkResponse({ type: ImportDto })
  get(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<ImportDto> {
    return this.imports.get(id, caller);
  }

  @Authenticated('admin', 'federation', 'regional')
  @AcceptsIdempotencyKey()
  @ApiAcceptedResponse({
    type: ImportAcceptedDto,
    description: 'Committing in the worker: poll GET /imports/:id until committed (or failed, with nothing written)',
  })
  @HttpCode(HttpStatus.ACCEPTED)
  @Post(':id/commit')
  @ApiOperation({ operationId: 'commitImport', summary: 'Apply a checked import to the ledger, all or nothing' })
  commit(@UuidParam() id: string, @Caller() caller: CurrentUser, @IdempotencyKey() request: IdempotentRequest): Promise<ImportAcceptedDto> {
    return this.imports.commit(id, caller, request);
  }
}
