import 'reflect-metadata';
import { loadConfigOrExit } from './platform/config/app-config';
import { createApp } from './app.setup';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApp(config);
  await app.listen(config.port, '0.0.0.0');
}

void bootstrap();
