import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { describeErrorAnswers } from './error-responses';

/** The OpenAPI document of the API: served at /docs-json, and the source of the console's typed client. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('連合神奈川 組織拡大CRM API')
      .setDescription('Organizing and membership-growth CRM for Rengo Kanagawa. All routes are under /api/v1.')
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('rengo_session')
      .build(),
    { extraModels: [ErrorResponseDto] },
  );
  return describeErrorAnswers(document);
}
