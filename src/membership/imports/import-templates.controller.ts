import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { badField } from '../../platform/common/errors/domain-error';
import { TemplateQuery } from './dto/import.dto';
import { READABLE_KINDS, ReadableKind } from './import-columns';
import { TEMPLATE_NAMES, attachment, templateCsv } from './import-templates';
import { ImportTemplatesService } from './import-templates.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('imports')
@Controller('imports/templates')
export class ImportTemplatesController {
  constructor(private readonly templates: ImportTemplatesService) {}

  /**
   * The file to fill in for a kind: `.xlsx` with headers, drop-down lists (the structure codes
   * of the caller's scope among them), an example row and 説明; `?format=csv` the header row.
   */
  @Authenticated()
  @ApiParam({ name: 'kind', enum: READABLE_KINDS })
  @ApiProduces(XLSX, 'text/csv')
  @ApiOperation({ operationId: 'getImportTemplate', summary: 'Download the template of an import kind (.xlsx, or the CSV header row)' })
  @ApiOkResponse({
    description: 'The template file',
    content: { [XLSX]: { schema: { type: 'string', format: 'binary' } }, 'text/csv': { schema: { type: 'string' } } },
  })
  @Get(':kind')
  async template(
    @Param('kind') kind: string,
    @Query() query: TemplateQuery,
    @Caller() caller: CurrentUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    if (!(READABLE_KINDS as readonly string[]).includes(kind)) throw badField('kind', `must be one of: ${READABLE_KINDS.join(', ')}`);
    const name = `${TEMPLATE_NAMES[kind as ReadableKind]}_取込テンプレート`;
    if (query.format === 'csv') {
      void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachment(`${name}.csv`));
      return templateCsv(kind as ReadableKind);
    }
    void reply.header('content-type', XLSX).header('content-disposition', attachment(`${name}.xlsx`));
    return this.templates.workbook(kind as ReadableKind, caller);
  }
}
