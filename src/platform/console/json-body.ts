import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * JSON bodies, parsed by Fastify's own parser (prototype-poisoning checks included), except
 * that an empty body with a JSON content type is no body rather than a 400: browsers and
 * HTTP clients send `DELETE` with that header and nothing else, and such a request must
 * reach its route (and its authorization) first. Form bodies as Nest parses them.
 */
export function useJsonBodies(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    void parseJson(request, text, done);
  });
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body.toString())));
  });
}
