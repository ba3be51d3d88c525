import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfigOrExit } from './platform/config/app-config';
import { WorkerModule } from './worker.module';

/**
 * The queue worker: applies the ledger outbox to the rollups and runs rebuilds. Any
 * number may run beside each other; on SIGTERM it finishes the current batch and stops.
 */
async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  app.get(Logger).log(`worker started (queue prefix ${config.queuePrefix})`, 'Worker');
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
