import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONSOLE_DIR } from '../support/browser';

/** The scripts a page of the built console runs before anything else: the entry, what the HTML preloads, and what they import statically. */
function firstScripts(): string[] {
  const html = readFileSync(join(CONSOLE_DIR, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/<script[^>]*\ssrc="\/([^"]+\.js)"|<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+\.js)"/g)].map((m) => m[1] ?? m[2]);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(CONSOLE_DIR, file), 'utf8');
    // static imports only (`import{a}from"./x.js"`, `import"./x.js"`); `import("./x.js")` waits for its screen
    for (const m of code.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([^"']+\.js)["']/g)) queue.push(join(file, '..', m[1]));
  }
  return [...seen];
}

/**
 * The sign-in page is the phone's first screen on a slow line: it runs its form and what
 * every page needs (React, Mantine's base, the router, the query cache), not the signed-in
 * frame nor any screen, chart or export.
 */
describe('the sign-in page’s scripts (built console)', () => {
  const built = existsSync(join(CONSOLE_DIR, 'index.html'));
  const scripts = built ? firstScripts() : [];
  const code = scripts.map((file) => readFileSync(join(CONSOLE_DIR, file), 'utf8')).join('\n');

  beforeAll(() => {
    if (!built) throw new Error('dist/web is missing: run `npm run build` first');
  });

  it('load no screen, the shell or the charts', () => {
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((file) => /(?:Page|Shell|echarts|Chart\w*)-[\w-]+\.js$/.test(file))).toEqual([]);
  });

  it('carry none of the signed-in frame’s components', () => {
    // Mantine names each component in its code; the frame is AppShell with its NavLink menu
    expect(code).not.toContain('@mantine/core/AppShell');
    expect(code).not.toContain('@mantine/core/NavLink');
  });

  it('carry no chart library', () => {
    expect(code).not.toContain('zrender');
  });
});
