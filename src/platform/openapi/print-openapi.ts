import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../../app.module';
import { ERROR_CODES } from '../../app.error-codes';
import { API_PREFIX } from '../../app.setup';
import { loadConfig } from '../config/app-config';
import { buildOpenApiDocument } from './openapi-document';

/**
 * Prints the OpenAPI document as /docs-json serves it, without connecting to anything:
 * Nest's preview mode resolves the modules without creating their providers. Run from the
 * build (`node dist/src/platform/openapi/print-openapi.js`), since the DTOs' schema comes
 * from the compiler plugin of the build.
 */
async function main(): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  const document = `${JSON.stringify(buildOpenApiDocument(app, ERROR_CODES), null, 2)}\n`;
  // exit only once the whole document is written: a pipe takes it in pieces, and exiting
  // earlier cut it short
  await new Promise<void>((resolve, reject) => process.stdout.write(document, (error) => (error ? reject(error) : resolve())));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
