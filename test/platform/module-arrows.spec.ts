import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/**
 * The module map (README): the areas of src/, lowest first. An area imports platform and the
 * areas below it, never one above; platform imports no area. The app-level files (src/*.ts:
 * the entry points, the modules, the gathered export routes and labels) and src/demo sit above
 * every area and may import anything.
 */
const AREAS = ['platform', 'structure', 'membership', 'organizing', 'insight'] as const;

/**
 * Files inside an area that are entry points of their own (a command run by npm, like
 * main.ts): they wire the app and its areas together as the app-level files do.
 */
const ENTRY_POINTS = [
  // npm run restore / restore:drill hand membership's rollup check to the restore
  'src/platform/backups/restore-cli.ts',
  'src/platform/backups/drill-cli.ts',
  // npm run api:types boots the app to print its OpenAPI document
  'src/platform/openapi/print-openapi.ts',
];

/** Arrows known to go up while their fix is under way elsewhere (each names who removes it): none today. */
const KNOWN_EXCEPTIONS: string[] = [];

const ROOT = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

/** The console's tree mirrors src/: web/src/<area>/; its generated API types (web/src/api) stand with platform. */
const TREES = ['src', 'web/src'] as const;

/** Every relative module a file names: `import … from`, `export … from`, `import('…')`, `import '…'`. */
function importedPaths(source: string): string[] {
  const found = source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g);
  return [...found].map((m) => m[1]);
}

/** The tree (src/ or web/src/) a path is in, if any. */
function treeOf(path: string): (typeof TREES)[number] | undefined {
  return path.startsWith('web/src/') ? 'web/src' : path.startsWith('src/') ? 'src' : undefined;
}

/** The area of a path in its tree, or null for the app level (src/*.ts, src/demo; web/src/app, router.tsx, main.tsx). */
function areaOf(path: string): (typeof AREAS)[number] | null {
  const tree = treeOf(path);
  if (tree === undefined) return null;
  const [first, second] = path.slice(tree.length + 1).split('/');
  if (second === undefined) return null;
  if (tree === 'web/src' && first === 'api') return 'platform';
  return (AREAS as readonly string[]).includes(first) ? (first as (typeof AREAS)[number]) : null;
}

/** `from -> to` for each import that points from an area to one above it (or to the app level). */
function arrowsUp(files: { path: string; source: string }[]): string[] {
  const arrows: string[] = [];
  for (const { path, source } of files) {
    const from = areaOf(path);
    if (from === null || ENTRY_POINTS.includes(path)) continue;
    for (const imported of importedPaths(source)) {
      const target = normalize(join(dirname(path), imported)).replace(/\\/g, '/');
      if (treeOf(target) !== treeOf(path)) continue;
      const to = areaOf(target);
      const above = to === null || AREAS.indexOf(to) > AREAS.indexOf(from);
      if (above) arrows.push(`${path} -> ${target.replace(/\.(tsx?|js|json)$/, '')}`);
    }
  }
  return [...new Set(arrows)].sort();
}

describe('the module map: no arrow back up in src/ or web/src/', () => {
  const files = TREES.flatMap((tree) => sourceFiles(join(ROOT, tree))).map((file) => ({
    path: relative(ROOT, file).replace(/\\/g, '/'),
    source: readFileSync(file, 'utf8'),
  }));

  it('finds no import from an area to an area above it, but the known exceptions', () => {
    expect(arrowsUp(files).filter((arrow) => !KNOWN_EXCEPTIONS.includes(arrow))).toEqual([]);
  });

  it('lists no known exception that is gone', () => {
    const arrows = arrowsUp(files);
    expect(KNOWN_EXCEPTIONS.filter((arrow) => !arrows.includes(arrow))).toEqual([]);
  });

  it('sees an arrow up, one across to the app level, and none down or within an area', () => {
    const arrows = arrowsUp([
      { path: 'src/platform/labels/labels.ts', source: "import kanagawa from '../../demo/data/kanagawa.json';" },
      { path: 'src/membership/imports/rows.ts', source: "import { STAGES } from '../../organizing/prospects/stage-rules';\nexport * from './cells';" },
      { path: 'src/structure/unions/x.ts', source: "import type { X } from '../../membership/vocabulary';" },
      { path: 'src/platform/openapi/y.ts', source: "const m = await import('../../app.module');" },
      { path: 'src/insight/reports/z.ts', source: "import { CAUSES } from '../../membership/vocabulary';\nimport { sql } from '../../platform/database/sql';" },
      { path: 'src/app.module.ts', source: "import { ReportsModule } from './insight/reports/reports.module';" },
      {
        path: 'web/src/platform/shell/Shell.tsx',
        source: "import { useOutbox } from '../../organizing/outbox/useOutbox';\nimport type { paths } from '../../api/schema';",
      },
      {
        path: 'web/src/membership/members/MembersPage.tsx',
        source: "import { structureKeys } from '../../structure/queries';\nimport { currentMonth } from '../../insight/dashboard/month';",
      },
      { path: 'web/src/router.tsx', source: "import { TodayPage } from './organizing/today/TodayPage';" },
    ]);
    expect(arrows).toEqual([
      'src/membership/imports/rows.ts -> src/organizing/prospects/stage-rules',
      'src/platform/labels/labels.ts -> src/demo/data/kanagawa',
      'src/platform/openapi/y.ts -> src/app.module',
      'src/structure/unions/x.ts -> src/membership/vocabulary',
      'web/src/membership/members/MembersPage.tsx -> web/src/insight/dashboard/month',
      'web/src/platform/shell/Shell.tsx -> web/src/organizing/outbox/useOutbox',
    ]);
  });
});
