import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, Caller } from '../../common/auth/auth.decorators';
import type { CurrentUser } from '../../common/auth/roles';
import { badField } from '../../common/errors/domain-error';
import { PlatformErrorCode } from '../../error-codes';
import { TemplateQuery } from '../dto/import.dto';
import { IMPORT_KIND_NAMES, ImportKinds, isImportKindName } from '../import-kinds';
import { attachment, templateCsv } from './import-templates';
import { ImportTemplatesService } from './import-templates.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('imports')
@Controller('imports/templates')
export class ImportTemplatesController {
  constructor(
    private readonly templates: ImportTemplatesService,
    private readonly kinds: ImportKinds,
  ) {}

  /**
   * The file to fill in for a kind: `.xlsx` with headers, drop-down lists (the structure codes
   * of the caller's scope among them), an example row and 説明; `?format=csv` the header row.
   */
  @Authenticated()
  @ApiParam({ name: 'kind', enum: IMPORT_KIND_NAMES })
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
    if (!isImportKindName(kind)) throw badField('kind', PlatformErrorCode.NOT_ONE_OF, `must be one of: ${IMPORT_KIND_NAMES.join(', ')}`);
    const declared = this.kinds.get(kind);
    const name = `${declared.title}_取込テンプレート`;
    if (query.format === 'csv') {
      void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachment(`${name}.csv`));
      return templateCsv(declared);
    }
    void reply.header('content-type', XLSX).header('content-disposition', attachment(`${name}.xlsx`));
    return this.templates.workbook(declared, caller);
  }
}
