import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_TEXT } from './error-text';

/** The codes of the OpenAPI document's enum ErrorCode, as the generated schema spells them. */
function codesOfTheApi(): string[] {
  const schema = readFileSync(fileURLToPath(new URL('../../api/schema.d.ts', import.meta.url)), 'utf8');
  const union = /^\s*ErrorCode: (.+);$/m.exec(schema)?.[1];
  if (!union) throw new Error('schema.d.ts declares no ErrorCode: run npm run api:types');
  return [...union.matchAll(/"([A-Z0-9_]+)"/g)].map((m) => m[1]);
}

describe('the catalogue of error codes', () => {
  it('has Japanese text for every code of the API, and for no other', () => {
    const codes = codesOfTheApi();
    expect(codes.length).toBeGreaterThan(40);
    expect(codes.filter((code) => !(code in ERROR_TEXT))).toEqual([]);
    expect(Object.keys(ERROR_TEXT).filter((code) => !codes.includes(code))).toEqual([]);
  });

  it('speaks Japanese: each text holds kana or kanji and no English words', () => {
    for (const [code, text] of Object.entries(ERROR_TEXT)) {
      expect([code, /[\u3040-\u30ff\u4e00-\u9fff]/.test(text)]).toEqual([code, true]);
      expect([code, /[a-z]{3,}/i.test(text)]).toEqual([code, false]);
    }
  });
});
