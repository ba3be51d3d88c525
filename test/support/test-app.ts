import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.setup';
import { AppConfig, loadConfig } from '../../src/platform/config/app-config';
import type { BodyOf, DocumentedPath, Method } from './api-answers';

export type { BodyOf, DocumentedPath, Method } from './api-answers';
import { cloneTemplate, databaseUrl, dropDatabase } from './postgres';

export const ADMIN = { email: 'admin@test.rengo', password: 'admin-password-1' };

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  /** Sent as JSON; a string is sent as it is (a hostile test's malformed JSON). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** A typed call: the body of the answer from the OpenAPI document, by method and path. */
export type Call = <M extends Method, P extends DocumentedPath<M>>(method: M, path: P, options?: RequestOptions) => Promise<Answer<BodyOf<M, P>>>;

/** A typed call that takes the request body as its third argument (a test's `admin(method, path, body)`). */
export type CallWithBody = <M extends Method, P extends DocumentedPath<M>>(method: M, path: P, body?: unknown) => Promise<Answer<BodyOf<M, P>>>;

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  db: DataSource;
  baseUrl: string;
  /** A call to a route of the OpenAPI document, its answer's body typed from it (./api-answers.ts). */
  request: Call;
  /** Any method and path, the answer untyped: routes the document does not describe (/docs, unknown paths, odd methods). */
  requestUntyped(method: string, path: string, options?: RequestOptions): Promise<Answer>;
  login(email: string, password: string): Promise<string>;
  adminToken: string;
  close(): Promise<void>;
}

/**
 * Boots the real API (same createApp as production) on a database cloned from the
 * migrated template and a queue prefix of its own; the first admin comes from config.
 */
export async function bootTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const template = process.env.TEST_TEMPLATE_DATABASE;
  if (!template) throw new Error('TEST_TEMPLATE_DATABASE is not set: run through jest (global setup)');
  const name = `rengo_test_${randomBytes(5).toString('hex')}`;
  await cloneTemplate(template, name);
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    databaseUrl: databaseUrl(name),
    queuePrefix: `test_${name}`,
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    ...overrides,
  };
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;

  const requestUntyped: TestApp['requestUntyped'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const response = await fetch(`${baseUrl}${path.startsWith('/docs') ? '' : '/api/v1'}${path}`, { method, headers, body: payload });
    const text = await response.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (docs UI); keep the text
    }
    return { status: response.status, body, headers: response.headers };
  };
  const request = requestUntyped as Call;

  const login = async (email: string, password: string): Promise<string> => {
    const answer = await request('POST', '/auth/login', { body: { email, password } });
    if (answer.status !== 200) throw new Error(`login ${email} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.accessToken;
  };

  const adminToken = await login(ADMIN.email, ADMIN.password);
  return {
    app,
    config,
    db: app.get(DataSource),
    baseUrl,
    request,
    requestUntyped,
    login,
    adminToken,
    close: async () => {
      await app.close();
      await dropDatabase(name);
    },
  };
}
