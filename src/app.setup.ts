import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ERROR_CODES } from './app.error-codes';
import { AppModule } from './app.module';
import { AppConfig } from './platform/config/app-config';
import { CALENDAR_PATH } from './organizing/reminders/calendar-feed.controller';
import { BODY_LIMITS, useBodyLimits } from './platform/common/http/body-limits';
import { useCompressedJson } from './platform/common/http/compressed-json';
import { createValidationPipe } from './platform/common/validation/validation.pipe';
import { serveConsole } from './platform/console/console-pages';
import { useJsonBodies } from './platform/console/json-body';
import { useSecurityHeaders } from './platform/console/security-headers';
import { buildOpenApiDocument } from './platform/openapi/openapi-document';

export const API_PREFIX = 'api/v1';
/** Largest spreadsheet an import takes (413 above); uploads stream to disk, never whole in memory. */
export const UPLOAD_LIMIT = 100 * 1024 * 1024;

/** Builds the HTTP application exactly as production runs it; the e2e tests call this too. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // the default, for paths no route answers; each route sets its own (body-limits.ts)
    bodyLimit: BODY_LIMITS.anyone,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    trustProxy: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // the calendar feed is subscribed to by calendar apps at /calendar/{token}.ics (docs/reminders.md)
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: CALENDAR_PATH, method: RequestMethod.GET }] });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  useJsonBodies(app, BODY_LIMITS.anyone);
  useBodyLimits(app);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: 4, parts: 6 } });
  await useSecurityHeaders(app);
  useCompressedJson(app);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      void reply.header('x-request-id', request.id);
    });

  SwaggerModule.setup('docs', app, buildOpenApiDocument(app, ERROR_CODES), { jsonDocumentUrl: 'docs-json' });
  await serveConsole(app, config.consoleDir);
  return app;
}
