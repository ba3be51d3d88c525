import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { type Plugin, transformWithOxc } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

const here = dirname(fileURLToPath(import.meta.url));

/** gzip and brotli copies of every text file as written (after Vite's last rewrites), which the server sends to browsers that take them. */
function precompress(): Plugin {
  return {
    name: 'precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir as string;
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const bytes = readFileSync(join(dir, fileName));
        writeFileSync(join(dir, `${fileName}.gz`), gzipSync(bytes, { level: 9 }));
        writeFileSync(join(dir, `${fileName}.br`), brotliCompressSync(bytes));
      }
    },
  };
}

/** The signed-in frame's chunk (Shell, 今日 and what the screens share): see web/src/app/signed-in.ts. */
const SIGNED_IN_CHUNK = resolve(here, 'src/app/signed-in.ts');

/**
 * src/platform/shell/early-reads.ts as a script of its own, which index.html runs as soon as
 * it has it (async; deferred, it waited for the entry's 470 KB to be compiled), before the
 * console's entry: a signed-in page's first reads leave while the entry is still being
 * started. Built here because Vite bundles every module script of index.html into the one
 * entry. (Inline, allowed by its hash, it read no sooner on a phone: the page's first 100 to
 * 200 ms at 4x go to starting the document either way.)
 */
function earlyReads(): Plugin {
  let fileName = '';
  return {
    name: 'early-reads',
    apply: 'build',
    async buildStart() {
      const path = resolve(here, 'src/platform/shell/early-reads.ts');
      const { code } = await transformWithOxc(readFileSync(path, 'utf8'), path, { lang: 'ts' });
      fileName = `assets/early-reads-${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`;
      this.emitFile({ type: 'asset', fileName, source: code });
    },
    // after the bundle is written, when the signed-in frame's chunk has its name: early-reads asks for it too (see there)
    transformIndexHtml: {
      order: 'post',
      handler: (_html, { bundle }) => {
        const signedIn = Object.values(bundle ?? {}).find((file) => file.type === 'chunk' && file.isDynamicEntry && file.facadeModuleId === SIGNED_IN_CHUNK);
        if (!signedIn) throw new Error('the build has no chunk for web/src/app/signed-in.ts');
        return [{ tag: 'script', attrs: { src: `/${fileName}`, async: true, 'data-signed-in': `/${signedIn.fileName}` }, injectTo: 'head-prepend' }];
      },
    },
  };
}

/**
 * The service worker's push handler (web/src/platform/notifications/push-handler.ts) as a
 * plain script at a fixed address, /push-handler.js, which sw.js loads with importScripts.
 * The browser compares it byte for byte when it looks for a new version, as it does sw.js.
 */
const PUSH_HANDLER = 'push-handler.js';
function pushHandler(): Plugin {
  return {
    name: 'push-handler',
    apply: 'build',
    async buildStart() {
      const path = resolve(here, 'src/platform/notifications/push-handler.ts');
      const { code } = await transformWithOxc(readFileSync(path, 'utf8'), path, { lang: 'ts' });
      this.emitFile({ type: 'asset', fileName: PUSH_HANDLER, source: code });
    },
  };
}

/** Paths the service worker never answers with the console's page: the API, its docs, the queue UI and the calendar feeds. */
const NOT_THE_CONSOLE = [/^\/api(?:[/?.]|$)/, /^\/docs(?:[/?.]|$)/, /^\/docs-json(?:[/?.]|$)/, /^\/admin\/queues(?:[/?.]|$)/, /^\/calendar\//];

/**
 * The console as an installable app whose shell opens without a signal: the built files are
 * precached, and every page address gets index.html from the cache. Nothing under /api is
 * cached: what the organizer records waits in the outbox (IndexedDB) instead. A new version
 * takes over when the person presses 「更新」 on the notice (NewVersionNotice) or once every
 * window of the old one is closed: never a reload in the middle of a form. The worker also
 * shows the push notifications (pushHandler).
 */
function installableApp(): Plugin[] {
  return VitePWA({
    strategies: 'generateSW',
    registerType: 'prompt',
    // registered by the console itself (NewVersionNotice), which also offers 「更新」
    injectRegister: false,
    includeAssets: [],
    manifest: {
      name: '連合神奈川 組織拡大CRM',
      short_name: '組織拡大',
      description: '組織拡大の候補先・訪問記録・組合員数を扱う連合神奈川の業務アプリ',
      lang: 'ja',
      start_url: '/today',
      scope: '/',
      display: 'standalone',
      orientation: 'portrait',
      theme_color: '#3b5bdb',
      background_color: '#ffffff',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html}'],
      // the chart library (200 KB gzip) draws reports, which need the API anyway: phones are spared it
      globIgnores: ['**/echarts-*.js', PUSH_HANDLER],
      // the notifications of 「プッシュ通知」 (loaded by the browser with sw.js itself, not precached)
      importScripts: [`/${PUSH_HANDLER}`],
      navigateFallback: 'index.html',
      navigateFallbackDenylist: NOT_THE_CONSOLE,
      cleanupOutdatedCaches: true,
      runtimeCaching: [],
    },
  });
}

export default defineConfig({
  root: here,
  plugins: [react(), earlyReads(), pushHandler(), precompress(), installableApp()],
  build: {
    outDir: resolve(here, '../dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
