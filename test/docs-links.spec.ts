import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

/**
 * The docs hold together: every relative link of the README, the changelog and docs/
 * reaches a file that exists and an anchor that exists in it; every invariant a comment
 * of the code names links to its paragraph in docs/architecture.md; and every
 * `docs/architecture.md#anchor` written anywhere resolves.
 */
const root = join(__dirname, '..');
const docs = join(root, 'docs');
const ARCHITECTURE = join(docs, 'architecture.md');
/** Where comments may name an invariant: the code, its SQL, migrations, tests, benches and scripts. */
const CODE_ROOTS = ['src', 'web/src', 'migrations', 'test', 'bench', 'scripts'];
/** Generated from the OpenAPI document (its comments are the controllers' ones, checked at their source). */
const GENERATED = new Set(['web/src/api/schema.d.ts']);
const CODE_FILE = /\.(ts|tsx|mts|cts|js|mjs|cjs|sql)$/;

const fromRoot = (path: string): string => relative(root, path).split('\\').join('/');

function filesUnder(dir: string, wanted: (path: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? filesUnder(path, wanted) : wanted(path) ? [path] : [];
  });
}

/** The README, the changelog and every markdown page under docs/. */
const pages = [join(root, 'README.md'), join(root, 'CHANGELOG.md'), ...filesUnder(docs, (path) => path.endsWith('.md'))].filter((path) => existsSync(path));

/** Markdown without its fenced code blocks (a heading or a link inside one is not one). */
const withoutFences = (markdown: string): string => markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');

interface Link {
  target: string;
  anchor?: string;
}

/** The relative links of a markdown file: [text](../src/x.ts), [text](#flow), with their #anchors. */
function relativeLinks(markdown: string): Link[] {
  return [...withoutFences(markdown).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1])
    .filter((href) => !/^[a-z][a-z0-9+.-]*:/i.test(href))
    .map((href) => {
      const hash = href.indexOf('#');
      return hash < 0 ? { target: href } : { target: href.slice(0, hash), anchor: decodeURIComponent(href.slice(hash + 1)) };
    });
}

/** A heading's anchor as GitHub spells it: lower case, punctuation dropped, spaces as hyphens. */
function headingSlug(heading: string): string {
  const text = heading
    .replace(/<[^>]+>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** The anchors a markdown page offers: `<a id="…">` (any `id="…"`) and each heading's slug. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const m of markdown.matchAll(/\bid="([^"]+)"/g)) anchors.add(m[1]);
  const seen = new Map<string, number>();
  for (const m of withoutFences(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = headingSlug(m[1]);
    const count = seen.get(slug) ?? 0;
    anchors.add(count ? `${slug}-${count}` : slug);
    seen.set(slug, count + 1);
  }
  return anchors;
}

/** Every `docs/architecture.md#anchor` written in a text (a comment, a string, a page). */
function architectureAnchors(text: string): string[] {
  return [...text.matchAll(/docs\/architecture\.md#([\w-]+)/g)].map((m) => m[1]);
}

/** Repository paths a page names in backticks (`src/x.ts`, `web/src/organizing/outbox/`, `test/a*.ts`), from the root, without #anchors. */
function namedPaths(markdown: string): string[] {
  return [...withoutFences(markdown).matchAll(/`((?:src|web|test|migrations|scripts|bench|deploy|docs)\/[^`\s<>{}:]+)`/g)].map((m) => m[1].split('#')[0]);
}

/** A named path exists: a file or folder, or, with a `*` in its last part, some file that matches it. */
function pathExists(named: string): boolean {
  if (!named.includes('*')) return existsSync(join(root, named));
  const slash = named.lastIndexOf('/');
  const [dir, last] = [join(root, named.slice(0, slash)), named.slice(slash + 1)];
  if (named.slice(0, slash).includes('*') || !existsSync(dir)) return false;
  const pattern = new RegExp('^' + last.split('*').map(escapeRegExp).join('.*') + '$');
  return readdirSync(dir).some((name) => pattern.test(name));
}

const escapeRegExp = (text: string): string => text.replace(/[.+?^$()|[\]{}\\]/g, '\\$&');

interface Comment {
  line: number;
  text: string;
}

/**
 * The comments of a TypeScript file, found by the compiler (strings and regular expressions
 * are not comments): the trivia before each node and after it, which covers every comment
 * but one alone inside empty braces.
 */
function typescriptComments(path: string, text: string): Array<{ pos: number; end: number }> {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : /\.[cm]?js$/.test(path) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, kind);
  const ranges = new Map<number, { pos: number; end: number }>();
  const collect = (at: number): void => ts.getLeadingCommentRanges(text, at)?.forEach((r) => ranges.set(r.pos, r));
  const visit = (node: ts.Node): void => {
    collect(node.pos);
    collect(node.end);
    ts.forEachChild(node, visit);
  };
  collect(0);
  visit(file);
  return [...ranges.values()];
}

/** The comments of a source file; comments with only white space between them count as one (a `//` block, a header). */
function commentsOf(path: string, text: string): Comment[] {
  const ranges =
    extname(path) === '.sql' ? [...text.matchAll(/--[^\n]*/g)].map((m) => ({ pos: m.index, end: m.index + m[0].length })) : typescriptComments(path, text);
  ranges.sort((a, b) => a.pos - b.pos);
  const merged: Array<{ pos: number; end: number }> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && /^\s*$/.test(text.slice(last.end, range.pos))) last.end = range.end;
    else merged.push({ ...range });
  }
  return merged.map(({ pos, end }) => ({
    line: text.slice(0, pos).split('\n').length,
    text: text
      .slice(pos, end)
      .replace(/^\s*(\/\*\*?|\*\/|\*|\/\/|--)/gm, ' ')
      .replace(/\*\/\s*$/, ' ')
      .replace(/\s+/g, ' '),
  }));
}

/** The numbers of the invariants a comment names (the word, then one number or several) without the link to each beside them. */
function unlinkedInvariants(comment: string): number[] {
  const named = [...comment.matchAll(/\binvariants?\s+(\d+(?:\s*(?:,|and|or|&)\s*\d+)*)/gi)].flatMap((m) => m[1].match(/\d+/g)!.map(Number));
  return [...new Set(named)].filter((n) => !comment.includes(`docs/architecture.md#invariant-${n}`));
}

const codeFiles = CODE_ROOTS.flatMap((dir) => filesUnder(join(root, dir), (path) => CODE_FILE.test(path) && !GENERATED.has(fromRoot(path))));
const codeComments = new Map<string, Comment[]>();
/** A code file's comments that could break a rule below, read once (a file that never says "invariant" nor names the old design document cannot). */
function commentsIn(path: string): Comment[] {
  if (!codeComments.has(path)) {
    const text = readFileSync(path, 'utf8');
    codeComments.set(path, /invariant|\bDESIGN\b|README "Architecture"/i.test(text) ? commentsOf(path, text) : []);
  }
  return codeComments.get(path)!;
}
const architecture = readFileSync(ARCHITECTURE, 'utf8');
const architectureOffers = anchorsOf(architecture);

describe('the rules this file applies', () => {
  it('finds an invariant named without its link, and accepts one with it', () => {
    expect(unlinkedInvariants(' keeps invariant 4 as a schema property ')).toEqual([4]);
    expect(unlinkedInvariants(' exactly once (DESIGN invariants 1 and 3) docs/architecture.md#invariant-1 ')).toEqual([3]);
    expect(unlinkedInvariants(' exactly once (invariants 1 and 3: docs/architecture.md#invariant-1, docs/architecture.md#invariant-3) ')).toEqual([]);
    expect(unlinkedInvariants(' the invariant check; see docs/architecture.md#invariant-12 ')).toEqual([]);
  });

  it('reads comments, not strings, and joins a block of line comments', () => {
    const source = [
      "const s = 'invariant 2 in a string';",
      '// keeps invariant 2,',
      '// docs/architecture.md#invariant-2',
      'const re = /\\/\\/ invariant 3/;',
      '/** invariant 5 */',
    ].join('\n');
    const found = commentsOf('x.ts', source).map((c) => ({ line: c.line, unlinked: unlinkedInvariants(c.text) }));
    expect(found).toEqual([
      { line: 2, unlinked: [] },
      { line: 5, unlinked: [5] },
    ]);
    expect(commentsOf('x.sql', '-- invariant 1,\n-- docs/architecture.md#invariant-1\nSELECT 1;').map((c) => unlinkedInvariants(c.text))).toEqual([[]]);
  });

  it('reads the repository paths a page names, globs included', () => {
    const page = 'See `src/main.ts`, `test/docs-links*.ts`, `src/nowhere.ts`, `docs/architecture.md#scope` and `dist/web`.';
    expect(namedPaths(page)).toEqual(['src/main.ts', 'test/docs-links*.ts', 'src/nowhere.ts', 'docs/architecture.md']);
    expect(namedPaths(page).map(pathExists)).toEqual([true, true, false, true]);
    expect(pathExists('test/no-such-file*.ts')).toBe(false);
  });

  it('spells anchors as GitHub does, and reads explicit ones', () => {
    expect(headingSlug('Month close (月次締め) and published figures')).toBe('month-close-月次締め-and-published-figures');
    expect(headingSlug('Restore drill (2026-12-07)')).toBe('restore-drill-2026-12-07');
    expect([...anchorsOf('<a id="invariant-1"></a>\n\n## Scope: roles\n\n```\n# not a heading\n```\n## Scope: roles\n')]).toEqual([
      'invariant-1',
      'scope-roles',
      'scope-roles-1',
    ]);
  });
});

describe('docs', () => {
  const named = pages.map((path) => [fromRoot(path), path] as const);

  it.each(named)('%s links only to files and folders that exist', (_name, page) => {
    const links = relativeLinks(readFileSync(page, 'utf8')).filter((link) => link.target);
    expect(links.map((link) => link.target).filter((target) => !existsSync(resolve(dirname(page), target)))).toEqual([]);
  });

  it.each(named)('%s names in backticks only repository paths that exist', (_name, page) => {
    expect(namedPaths(readFileSync(page, 'utf8')).filter((path) => !pathExists(path))).toEqual([]);
  });

  it.each(named)('%s links only to anchors that exist', (_name, page) => {
    const markdown = readFileSync(page, 'utf8');
    const missing = relativeLinks(markdown)
      .filter((link) => link.anchor !== undefined)
      .filter((link) => {
        const target = link.target ? resolve(dirname(page), link.target) : page;
        if (!target.endsWith('.md') || !existsSync(target)) return false; // a file's existence is the test above
        return !anchorsOf(readFileSync(target, 'utf8')).has(link.anchor!);
      })
      .map((link) => `${link.target}#${link.anchor}`);
    const written = architectureAnchors(markdown)
      .filter((anchor) => !architectureOffers.has(anchor))
      .map((anchor) => `docs/architecture.md#${anchor}`);
    expect([...missing, ...written]).toEqual([]);
  });

  it('architecture.md names the files behind every number', () => {
    const links = relativeLinks(architecture).map((link) => link.target);
    expect(links.length).toBeGreaterThan(40);
    expect(links).toEqual(
      expect.arrayContaining(['../src/insight/reports/rollup-reader.ts', '../src/membership/aggregation/sql/aggregation_add_to_groups.sql']),
    );
  });

  it('architecture.md has a paragraph for each numbered invariant, numbered from 1 without a gap, and the design’s sections', () => {
    const numbers = [...architectureOffers].flatMap((anchor) => /^invariant-(\d+)$/.exec(anchor)?.[1] ?? []).map(Number);
    expect(numbers.length).toBeGreaterThanOrEqual(5);
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));
    for (const n of numbers) expect(architecture).toMatch(new RegExp(`<a id="invariant-${n}"></a>\\s+#+ Invariant ${n}:`));
    expect([...architectureOffers]).toEqual(expect.arrayContaining(['flow', 'invariants', 'rollup-levels', 'month-close', 'scope', 'time', 'imports']));
  });
});

describe('the code points at the design', () => {
  it('reads the code: the comments of every source file', () => {
    expect(codeFiles.length).toBeGreaterThan(300);
    expect(codeFiles.map(fromRoot)).toEqual(
      expect.arrayContaining(['src/platform/admin/invariants.service.ts', 'src/membership/aggregation/sql/aggregation_apply_batch.sql']),
    );
  });

  it('every invariant a comment names links to its paragraph (docs/architecture.md#invariant-N)', () => {
    const unlinked = codeFiles.flatMap((path) =>
      commentsIn(path).flatMap((comment) =>
        unlinkedInvariants(comment.text).map((n) => `${fromRoot(path)}:${comment.line} names invariant ${n} without docs/architecture.md#invariant-${n}`),
      ),
    );
    expect(unlinked).toEqual([]);
  });

  it('no comment cites the design by another name than docs/architecture.md (DESIGN, README "Architecture")', () => {
    const stale = codeFiles.flatMap((path) =>
      commentsIn(path)
        .filter((comment) => /\bDESIGN\b|README "Architecture"/.test(comment.text))
        .map((comment) => `${fromRoot(path)}:${comment.line}`),
    );
    expect(stale).toEqual([]);
  });

  it('every docs/architecture.md#anchor written in the code exists there', () => {
    // this file's own examples name anchors that are not there on purpose
    const missing = codeFiles
      .filter((path) => path !== __filename)
      .flatMap((path) =>
        architectureAnchors(readFileSync(path, 'utf8'))
          .filter((anchor) => !architectureOffers.has(anchor))
          .map((anchor) => `${fromRoot(path)}: docs/architecture.md#${anchor}`),
      );
    expect(missing).toEqual([]);
  });
});
