import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import type { DynamicModule } from '@nestjs/common';
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
      autoLogging: { ignore: (req) => req.url === '/api/v1/health' },
    },
  });
}
