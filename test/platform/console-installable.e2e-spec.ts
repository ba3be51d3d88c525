import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { TestApp, bootTestApp } from '../support/test-app';

/**
 * The installable app as the server hands it out: the service worker, its workbox runtime and
 * the manifest are revalidated on every visit (so a new build reaches installed phones),
 * only hashed assets are cached for a year, and the Content-Security-Policy lets the page
 * register its worker and read its manifest from this service only.
 */
describe('the installable console: service worker, manifest and their headers', () => {
  let t: TestApp;
  let consoleDir: string;
  const worker = `importScripts('./workbox-1a2b3c4d.js');`;

  beforeAll(async () => {
    consoleDir = mkdtempSync(join(tmpdir(), 'console-app-'));
    mkdirSync(join(consoleDir, 'assets'));
    mkdirSync(join(consoleDir, 'icons'));
    writeFileSync(
      join(consoleDir, 'index.html'),
      '<!doctype html><html lang="ja"><head><link rel="manifest" href="/manifest.webmanifest"></head><body></body></html>',
    );
    writeFileSync(join(consoleDir, 'sw.js'), worker);
    writeFileSync(join(consoleDir, 'sw.js.br'), brotliCompressSync(worker));
    writeFileSync(join(consoleDir, 'workbox-1a2b3c4d.js'), 'define([], function () {});');
    writeFileSync(join(consoleDir, 'registerSW.js'), "navigator.serviceWorker.register('/sw.js', { scope: '/' })");
    writeFileSync(join(consoleDir, 'manifest.webmanifest'), JSON.stringify({ name: '連合神奈川 組織拡大CRM', start_url: '/today' }));
    writeFileSync(join(consoleDir, 'icons', 'icon-192.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    writeFileSync(join(consoleDir, 'assets', 'index-AbC123.js'), 'console.log(1)');
    t = await bootTestApp({ consoleDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  /** The answer read whole (an unread body would keep its connection, and the server, open). */
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${t.baseUrl}${path}`, { headers });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };

  it.each([
    ['/sw.js', /^(application|text)\/javascript/],
    ['/workbox-1a2b3c4d.js', /^(application|text)\/javascript/],
    ['/registerSW.js', /^(application|text)\/javascript/],
    ['/manifest.webmanifest', /^application\/manifest\+json/],
    ['/icons/icon-192.png', /^image\/png$/],
  ])('serves %s revalidated (no-cache) with its content type', async (path, type) => {
    const answer = await get(path);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(type);
    expect(answer.headers.get('cache-control')).toBe('no-cache');
  });

  it('sends the brotli copy of the service worker with the same type and no-cache', async () => {
    const answer = await get('/sw.js', { 'accept-encoding': 'br' });
    expect(answer.headers.get('content-encoding')).toBe('br');
    expect(answer.headers.get('content-type')).toMatch(/^(application|text)\/javascript/);
    expect(answer.headers.get('cache-control')).toBe('no-cache');
    expect(answer.text).toBe(worker);
  });

  it('caches only hashed assets for a year', async () => {
    const asset = await get('/assets/index-AbC123.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await get('/today', { accept: 'text/html' });
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });

  it('lets the page register its service worker and read its manifest, from this service only', async () => {
    for (const path of ['/today', '/sw.js', '/manifest.webmanifest']) {
      const policy = (await get(path, { accept: 'text/html' })).headers.get('content-security-policy') ?? '';
      const directives = new Map(
        policy
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values.join(' ')]),
      );
      expect([path, directives.get('worker-src'), directives.get('manifest-src'), directives.get('script-src')]).toEqual([path, "'self'", "'self'", "'self'"]);
    }
  });

  it('keeps API, docs and queue UI paths out of the console even when they ask for HTML', async () => {
    for (const path of ['/api/v1/nothing-here', '/docs-json/x', '/admin/queues/x']) {
      const answer = await get(path, { accept: 'text/html' });
      expect([path, answer.status, answer.headers.get('content-type')]).toEqual([path, 404, expect.stringMatching(/^application\/json/)]);
    }
  });
});
