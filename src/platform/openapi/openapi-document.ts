import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { ErrorCode } from '../common/errors/domain-error';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { describeErrorCodes } from './error-codes';
import { describeErrorAnswers } from './error-responses';
import { documentExportFormat } from '../exports/export-openapi';
import { ExportRoutes } from '../exports/export-routes';

/**
 * The OpenAPI document of the API: served at /docs-json, and the source of the console's typed client.
 * `errorCodes` is every area's codes, gathered where the app is assembled (app.error-codes.ts).
 */
export function buildOpenApiDocument(app: INestApplication, errorCodes: readonly ErrorCode[]): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('連合神奈川 組織拡大CRM API')
      .setDescription(
        'Organizing and membership-growth CRM for Rengo Kanagawa. All routes are under /api/v1.\n\n' +
          'Exports: a GET with a `format` parameter answers `format=xlsx` ' +
          '(application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) or `format=csv` (text/csv, UTF-8 with BOM, CRLF): ' +
          'Japanese headers, numbers as numbers, dates as dates, the Japanese file name in Content-Disposition ' +
          "(filename*=UTF-8''…). A list gives every row in the caller's scope (limit and offset are ignored), streamed.",
      )
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('rengo_session')
      .build(),
    { extraModels: [ErrorResponseDto] },
  );
  return documentExportFormat(describeErrorCodes(describeErrorAnswers(document), errorCodes), app.get(ExportRoutes), '/api/v1');
}
