import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const PRINT_DOCUMENT = join(root, 'dist', 'src', 'platform', 'openapi', 'print-openapi.js');
const GENERATOR = join(root, 'node_modules', '.bin', 'openapi-typescript');
const COMMITTED = join(root, 'web', 'src', 'api', 'schema.d.ts');

/**
 * The console's typed client is generated from the API's OpenAPI document
 * (`npm run api:types`) and committed; this fails when the API has changed since.
 * It reads the document from the build (the DTO schemas come from the build's compiler
 * plugin), so `npm run build` first, as `npm test` does.
 */
describe('the console’s API types', () => {
  it('match the OpenAPI document of the built API (run `npm run api:types` after changing the API)', () => {
    if (!existsSync(PRINT_DOCUMENT)) throw new Error('dist/ is missing: run `npm run build` first');
    const dir = mkdtempSync(join(tmpdir(), 'api-types-'));
    try {
      const document = join(dir, 'openapi.json');
      writeFileSync(document, execFileSync(process.execPath, [PRINT_DOCUMENT], { cwd: root, maxBuffer: 64 * 1024 * 1024 }));
      const generated = join(dir, 'schema.d.ts');
      execFileSync(GENERATOR, [document, '-o', generated], { cwd: root, stdio: 'pipe' });
      expect(readFileSync(generated, 'utf8')).toBe(readFileSync(COMMITTED, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
