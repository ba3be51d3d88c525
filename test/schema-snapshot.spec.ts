import { firstDifference, normaliseDump } from '../scripts/schema-snapshot';

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
