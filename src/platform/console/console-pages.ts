import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PlatformErrorCode } from '../error-codes';

/** Paths that belong to the API, its docs or the queue UI: never answered with the page. */
const NOT_THE_CONSOLE = /^\/(?:api|docs|docs-json|admin\/queues|calendar)(?:[/?.]|$)/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A path nothing answers: the contract's error body, with its code, as every other error. */
function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply
    .code(404)
    .send({ statusCode: 404, error: 'Not Found', message: `Cannot ${request.method} ${request.url.split('?')[0]}`, code: PlatformErrorCode.NOT_FOUND });
}

/**
 * Serves the built web console from `dir`: hashed files under assets/ cached for a year,
 * everything else (index.html, the service worker sw.js and its workbox-*.js, the web app
 * manifest, the icons) revalidated each time, so that a new build reaches installed apps;
 * gzip/brotli copies made at build time sent to browsers that take them. Any other GET
 * that asks for HTML gets index.html (the console routes in the browser), except the
 * API's, the docs', the queue UI's and the calendar feeds' paths, which stay JSON 404s when unknown.
 */
export async function serveConsole(app: NestFastifyApplication, dir: string): Promise<void> {
  const root = resolve(dir);
  const indexFile = join(root, 'index.html');
  const index = existsSync(indexFile) ? readFileSync(indexFile) : undefined;
  if (index) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (response, path) => {
        response.setHeader('cache-control', path.includes('/assets/') ? IMMUTABLE : 'no-cache');
      },
    });
  }
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) => {
      const path = request.url.split('?')[0];
      const wantsPage = (request.headers.accept ?? '').includes('text/html');
      if (!index || !wantsPage || NOT_THE_CONSOLE.test(path)) return notFound(request, reply);
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);
    });
}
