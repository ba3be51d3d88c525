import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const source = resolve(__dirname, '../..');
const mantine = resolve(source, '../../node_modules/@mantine/core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every value the console imports from @mantine/core. */
function importedNames(): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles(source)) {
    for (const [, list] of readFileSync(file, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'@mantine\/core'/g)) {
      for (const item of list.split(',')) {
        const name = item.trim();
        if (name && !name.startsWith('type ')) names.add(name);
      }
    }
  }
  return names;
}

/** The stylesheets (styles/<Name>.css) of the modules an export of @mantine/core is built from, followed through their imports. */
function stylesheetsOf(names: Set<string>): Set<string> {
  const index = readFileSync(join(mantine, 'esm/index.mjs'), 'utf8');
  const pending: string[] = [];
  for (const name of names) {
    const from = new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from "(\\./[^"]+)"`).exec(index);
    if (from) pending.push(join(mantine, 'esm', from[1]));
  }
  const seen = new Set<string>();
  const sheets = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.module.mjs')) {
      const sheet = `${basename(file, '.module.mjs')}.css`;
      if (existsSync(join(mantine, 'styles', sheet))) sheets.add(sheet);
      continue;
    }
    for (const [, relative] of readFileSync(file, 'utf8').matchAll(/from "(\.{1,2}\/[^"]+)"/g)) pending.push(resolve(dirname(file), relative));
  }
  return sheets;
}

describe("Mantine's stylesheets", () => {
  const imported = new Set(
    [...readFileSync(join(__dirname, 'mantine-styles.ts'), 'utf8').matchAll(/import '@mantine\/core\/styles\/([^']+)'/g)].map(([, sheet]) => sheet),
  );

  it('include the stylesheet of every Mantine component the console draws, and of those they are built on', () => {
    const needed = stylesheetsOf(importedNames());
    expect(needed.has('Button.css')).toBe(true);
    expect(needed.has('UnstyledButton.css')).toBe(true);
    expect([...needed].filter((sheet) => !imported.has(sheet)).sort()).toEqual([]);
  });

  it('start with the baseline, the variables and the global rules, as Mantine requires', () => {
    expect([...imported].slice(0, 3)).toEqual(['baseline.css', 'default-css-variables.css', 'global.css']);
  });
});
