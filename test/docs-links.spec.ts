import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const docs = join(__dirname, '..', 'docs');

/** The relative link targets of a markdown file: [text](../src/x.ts), without #anchors. */
function relativeLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1].split('#')[0]).filter((target) => target && !/^[a-z]+:/.test(target));
}

describe('docs', () => {
  const pages = readdirSync(docs).filter((file) => file.endsWith('.md'));

  it.each(pages)('%s links only to files and folders that exist', (page) => {
    const links = relativeLinks(readFileSync(join(docs, page), 'utf8'));
    expect(links.filter((target) => !existsSync(resolve(docs, target)))).toEqual([]);
  });

  it('architecture.md names the files behind every number', () => {
    const links = relativeLinks(readFileSync(join(docs, 'architecture.md'), 'utf8'));
    expect(links.length).toBeGreaterThan(40);
    expect(links).toEqual(
      expect.arrayContaining(['../src/insight/reports/rollup-reader.ts', '../src/membership/aggregation/sql/aggregation_add_to_groups.sql']),
    );
  });
});
