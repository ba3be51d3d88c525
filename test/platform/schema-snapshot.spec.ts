import { firstDifference, functionFileProblems, normaliseDump, placeholderHeader, renderFunctionFile, syncFunctionFiles } from '../../scripts/schema-snapshot';

/** What pg_dump 15 prints around a schema, with a key drawn at random on every run. */
const dump = (key: string): string => `--
-- PostgreSQL database dump
--

\\restrict ${key}

-- Dumped from database version 15.20
-- Dumped by pg_dump version 15.20

SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;

CREATE FUNCTION public.f() RETURNS void
    LANGUAGE plpgsql
    AS $$
      BEGIN
        SET LOCAL work_mem = '64MB';
      END $$;


SET default_tablespace = '';

CREATE TABLE public.t (id integer);


--
-- PostgreSQL database dump complete
--

\\unrestrict ${key}
`;

describe('normaliseDump', () => {
  it('leaves out the session settings, version lines and the per-run key, and nothing else', () => {
    const text = normaliseDump(dump('oX7Jfoil'));
    expect(text).toBe(normaliseDump(dump('Q2bZ91xk')));
    expect(text).not.toMatch(/restrict|Dumped|^SET |set_config/m);
    expect(text).toContain(`      BEGIN\n        SET LOCAL work_mem = '64MB';\n      END $$;\n\n\nCREATE TABLE public.t (id integer);`);
    expect(text.endsWith('-- PostgreSQL database dump complete\n--\n')).toBe(true);
  });
});

describe('firstDifference', () => {
  it('names the first line that differs, or nothing when the texts are equal', () => {
    expect(firstDifference('a\nb\n', 'a\nb\n')).toBeNull();
    expect(firstDifference('a\nb\nc\n', 'a\nx\nc\n')).toBe('line 2: committed "b", migrations make "x"');
    expect(firstDifference('a\n', 'a\nb\n')).toBe('line 2: committed "", migrations make "b"');
  });
});

describe('function files', () => {
  const definition = (body: string): string => `CREATE OR REPLACE FUNCTION public.f()\n RETURNS integer\n LANGUAGE sql\nAS $function$ ${body} $function$\n`;
  const header = '-- f: answers one, which the rollups rely on.\n';
  const inDatabase = new Map([['f', definition('SELECT 1')]]);

  it('are in order when each function has its file, with a header and the definition in force', () => {
    expect(functionFileProblems(inDatabase, new Map([['f', renderFunctionFile(header, definition('SELECT 1'))]]))).toEqual([]);
  });

  it('are out of order when a body differs, a function has no file, a file names no function or a header is missing', () => {
    expect(functionFileProblems(inDatabase, new Map([['f', renderFunctionFile(header, definition('SELECT 2'))]]))).toEqual([
      'src/membership/aggregation/sql/f.sql differs from f() in the migrated database: change a function with a migration, then run npm run schema:dump',
    ]);
    expect(functionFileProblems(inDatabase, new Map())).toEqual([
      'f() has no file src/membership/aggregation/sql/f.sql: run npm run schema:dump, then write its header',
    ]);
    const both = new Map([
      ['f', renderFunctionFile(header, definition('SELECT 1'))],
      ['g', renderFunctionFile('-- g: gone.\n', definition('SELECT 1'))],
    ]);
    expect(functionFileProblems(inDatabase, both)).toEqual([
      'src/membership/aggregation/sql/g.sql names no function in the migrated database: run npm run schema:dump',
    ]);
    expect(functionFileProblems(inDatabase, new Map([['f', renderFunctionFile(placeholderHeader('f'), definition('SELECT 1'))]]))).toEqual([
      'src/membership/aggregation/sql/f.sql still has the placeholder header: say what f() guarantees',
    ]);
    expect(functionFileProblems(inDatabase, new Map([['f', `${definition('SELECT 1')};\n`]]))).toEqual([
      'src/membership/aggregation/sql/f.sql must open with a -- comment saying what f() guarantees',
    ]);
  });

  it('are brought up to date keeping each header: new functions get the placeholder, dropped ones lose their file', () => {
    const files = new Map([
      ['f', renderFunctionFile(header, definition('SELECT 0'))],
      ['g', renderFunctionFile('-- g: gone.\n', definition('SELECT 1'))],
    ]);
    const { write, remove } = syncFunctionFiles(new Map([...inDatabase, ['h', definition('SELECT 3')]]), files);
    expect(write.get('f')).toBe(`${header}\n${definition('SELECT 1')};\n`);
    expect(write.get('h')).toBe(renderFunctionFile(placeholderHeader('h'), definition('SELECT 3')));
    expect(remove).toEqual(['g']);
    expect(syncFunctionFiles(inDatabase, new Map([['f', write.get('f') as string]])).write.size).toBe(0);
  });
});
