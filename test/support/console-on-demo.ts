import type { Browser } from 'playwright-core';
import type { DemoLogin } from '../../src/demo/demo-users';
import type { AppConfig } from '../../src/platform/config/app-config';
import { CONSOLE_DIR, launchChromium } from './browser';
import { loadDemo } from './demo';
import { TestApp, bootTestApp } from './test-app';

/** What every browser test file starts from: Chromium, and the API serving the built console with the demo loaded. */
export interface ConsoleOnDemo {
  browser: Browser;
  t: TestApp;
  demo: Record<string, DemoLogin>;
}

export async function startConsoleOnDemo(overrides: Partial<AppConfig> = {}): Promise<ConsoleOnDemo> {
  const browser = await launchChromium();
  const t = await bootTestApp({ consoleDir: CONSOLE_DIR, ...overrides });
  return { browser, t, demo: await loadDemo(t) };
}
