import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/**
 * A signed-in page on the phone (今日 first) runs the entry and one chunk more: the frame,
 * 今日 and what the screens share (web/src/app/signed-in.ts), which the page's first script
 * asks for beside the entry. Left to the bundler's automatic split that was fifteen files of
 * a KB or two, asked for six at a time on a slow line.
 */
describe('a signed-in page’s scripts (built console)', () => {
  const built = existsSync(join(CONSOLE_DIR, 'index.html'));
  const html = built ? readFileSync(join(CONSOLE_DIR, 'index.html'), 'utf8') : '';
  const entry = /<script type="module"[^>]*\ssrc="\/([^"]+\.js)"/.exec(html)?.[1];
  const signedIn = /<script[^>]*\sdata-signed-in="\/([^"]+\.js)"/.exec(html)?.[1];

  beforeAll(() => {
    if (!built) throw new Error('dist/web is missing: run `npm run build` first');
  });

  it('name the signed-in frame’s chunk for the early script, which holds the frame and 今日', () => {
    expect(entry).toMatch(/^assets\/index-[\w-]+\.js$/);
    expect(signedIn).toMatch(/^assets\/signed-in-[\w-]+\.js$/);
    const code = readFileSync(join(CONSOLE_DIR, signedIn as string), 'utf8');
    expect(code).toContain('@mantine/core/AppShell');
    expect(code).toContain('対応予定');
  });

  it('need nothing but the entry besides that chunk', () => {
    const code = readFileSync(join(CONSOLE_DIR, signedIn as string), 'utf8');
    const imports = [...code.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([^"']+\.js)["']/g)].map((m) => `assets/${m[1]}`);
    expect(imports.length).toBeGreaterThan(0);
    expect([...new Set(imports)]).toEqual([entry]);
    // nor a stylesheet of its own, which the page would fetch only once the chunk is asked for
    expect(readdirSync(join(CONSOLE_DIR, 'assets')).filter((file) => /^signed-in-.*\.css$/.test(file))).toEqual([]);
  });
});
