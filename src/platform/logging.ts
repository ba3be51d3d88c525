import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { type DynamicModule, RequestMethod } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from './config/app-config';

/** Structured JSON logs; each HTTP request's lines carry its request id (X-Request-Id). */
export function loggerModule(config: AppConfig): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? randomUUID(),
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      customProps: () => ({ service: 'rengo-crm' }),
      // health probes every few seconds would drown the log; the middleware may see the
      // path without the global prefix, so match the original URL
      autoLogging: { ignore: (req) => /^\/api\/v1\/health(\?|$)/.test((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '') },
    },
    // every route, in the path syntax of Nest 11 (the default '*' draws a warning at start)
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  });
}
