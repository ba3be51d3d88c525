import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../..', import.meta.url));

/** The console's own source files (not tests, not the generated schema). */
function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Ways of deciding by the wording of an API message: a `message` tested, matched, compared
 * or searched; a regular expression handed a message or a detail's text; a regular
 * expression literal that spells English words of the API's messages.
 */
const WORDING = [
  /\bmessage\b[^;\n]*\.(test|exec|match|matchAll|search|includes|startsWith|endsWith|indexOf|replace)\(/,
  /\.(test|exec)\([^)\n]*\b(message|problem)\b/,
  /\bmessage\b\s*[!=]==?\s*['"`]/,
  /['"`]\s*[!=]==?\s*[\w.?]*\bmessage\b/,
  /\/[^/\n]*\b(must|should|is not|not a|already|cannot|refers|required|empty|characters?|e-mail|phone|postal|positive|negative)\b[^/\n]*\/[gimsuy]*\.(test|exec)\(/i,
];

function wordingMatches(text: string): string[] {
  return text.split('\n').flatMap((line, i) => (WORDING.some((pattern) => pattern.test(line)) ? [`${i + 1}: ${line.trim()}`] : []));
}

describe('the console decides by code, never by the wording of an API message', () => {
  it('finds the ways of matching on wording it forbids', () => {
    expect(wordingMatches("if (/control characters/i.test(problem)) return 'x';")).toHaveLength(1);
    expect(wordingMatches('const m = pattern.exec(message);')).toHaveLength(1);
    expect(wordingMatches("if (detail.message.includes('already')) return;")).toHaveLength(1);
    expect(wordingMatches("return d.message === 'is empty';")).toHaveLength(1);
    expect(wordingMatches("return error.body.code === 'STALE_VERSION';")).toEqual([]);
    expect(wordingMatches('if (!/\\.(js|css)$/.test(fileName)) continue;')).toEqual([]);
  });

  it('has no file that matches on an API message', () => {
    const found = sourceFiles().flatMap((file) => wordingMatches(readFileSync(file, 'utf8')).map((line) => `${relative(SRC, file)}:${line}`));
    expect(found).toEqual([]);
  });
});
