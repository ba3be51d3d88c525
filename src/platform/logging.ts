import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { type DynamicModule, RequestMethod } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from './config/app-config';

/**
 * Structured JSON logs; each HTTP request's lines carry its request id (X-Request-Id).
 *
 * Lines go to stdout synchronously, as Node itself writes process.stdout to pipes and
 * files. Pino's default destination hands each line to the libuv thread pool instead and
 * flushes what is left only on the 'exit' event; but on SIGTERM Nest re-raises the signal
 * after its shutdown hooks, which ends the process with no 'exit' event, so the last
 * lines ("queue worker closed") were lost whenever the pool's thread had not run yet.
 */
export function loggerModule(config: AppConfig): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: [
      {
        level: config.logLevel,
        genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? randomUUID(),
        redact: ['req.headers.authorization', 'req.headers.cookie'],
        customProps: () => ({ service: 'rengo-crm' }),
        // health probes every few seconds would drown the log; the middleware may see the
        // path without the global prefix, so match the original URL
        autoLogging: { ignore: (req) => /^\/api\/v1\/health(\?|$)/.test((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '') },
      },
      pino.destination({ dest: 1, sync: true }),
    ],
    // every route, in the path syntax of Nest 11 (the default '*' draws a warning at start)
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  });
}
