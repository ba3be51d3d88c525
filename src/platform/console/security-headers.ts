import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Everything a page loads comes from this service: no CDN, no fonts or scripts from
 * elsewhere. Styles may be inline (the console's component library sets style attributes);
 * scripts may not. The installable app's service worker (sw.js) and web app manifest come
 * from here too.
 */
const CONSOLE_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** The queue UI's pages (a third-party bundle and a small sign-in page) run inline scripts. */
const INLINE_SCRIPT_PATHS = /^\/api\/v1\/admin\/queues(?:[/?]|$)/;
const INLINE_SCRIPT_POLICY = Object.entries({ ...CONSOLE_POLICY, scriptSrc: ["'self'", "'unsafe-inline'"] })
  .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
  .join('; ');

export async function useSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONSOLE_POLICY },
    // the console and the docs load nothing from other origins
    crossOriginEmbedderPolicy: false,
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      if (INLINE_SCRIPT_PATHS.test(request.url)) void reply.header('content-security-policy', INLINE_SCRIPT_POLICY);
    });
}
