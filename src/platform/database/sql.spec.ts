import { render, sql } from './sql';

describe('sql', () => {
  it('sends every value as a numbered parameter', () => {
    const code = "x'; DROP TABLE unions; --";
    expect(render(sql`SELECT id FROM unions WHERE code = ${code} AND members > ${3}`)).toEqual({
      text: 'SELECT id FROM unions WHERE code = $1 AND members > $2',
      values: [code, 3],
    });
  });

  it('splices fragments and renumbers their values', () => {
    const inCouncil = sql`u.regional_council_id = ${'c1'}::uuid`;
    const named = sql`u.name LIKE ${'%組合%'}`;
    expect(render(sql`SELECT 1 FROM unions u WHERE ${inCouncil} AND ${named} LIMIT ${10}`)).toEqual({
      text: 'SELECT 1 FROM unions u WHERE u.regional_council_id = $1::uuid AND u.name LIKE $2 LIMIT $3',
      values: ['c1', '%組合%', 10],
    });
  });

  it('nests fragments at any depth, with values before and after', () => {
    const inner = sql`b = ${2}`;
    const middle = sql`a = ${1} AND ${inner} AND c = ${3}`;
    expect(render(sql`WHERE z = ${0} AND ${middle} OR y = ${4}`)).toEqual({
      text: 'WHERE z = $1 AND a = $2 AND b = $3 AND c = $4 OR y = $5',
      values: [0, 1, 2, 3, 4],
    });
  });

  it('leaves casts and text that looks like a placeholder alone', () => {
    expect(render(sql`SELECT ':name', now()::date, ${'v'}::text`)).toEqual({ text: "SELECT ':name', now()::date, $1::text", values: ['v'] });
  });

  it('joins fragments and ANDs conditions, TRUE when there are none', () => {
    expect(render(sql.join([sql`${1}`, sql`${2}`, sql`${3}`]))).toEqual({ text: '$1, $2, $3', values: [1, 2, 3] });
    expect(render(sql.and([sql`a = ${1}`, sql`b = ${2}`]))).toEqual({ text: '(a = $1) AND (b = $2)', values: [1, 2] });
    expect(render(sql.and([]))).toEqual({ text: 'TRUE', values: [] });
    expect(render(sql.join([]))).toEqual({ text: '', values: [] });
  });

  it('takes only plain identifiers as identifiers', () => {
    expect(render(sql`SELECT ${sql.ident('un')}.id`)).toEqual({ text: 'SELECT un.id', values: [] });
    expect(() => sql.ident('un; DROP TABLE x')).toThrow('not a plain identifier');
    expect(() => sql.ident('"un"')).toThrow('not a plain identifier');
  });

  it('keeps null and arrays as single parameters', () => {
    expect(render(sql`WHERE a IS NOT DISTINCT FROM ${null} AND b = ANY(${['x', 'y']}::uuid[])`)).toEqual({
      text: 'WHERE a IS NOT DISTINCT FROM $1 AND b = ANY($2::uuid[])',
      values: [null, ['x', 'y']],
    });
  });
});

describe('sql.join at scale', () => {
  it('joins 20,000 row fragments in one pass, numbering every value', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => sql`(${i}, ${`n${i}`})`);
    const { text, values } = render(sql`INSERT INTO t (a, b) VALUES ${sql.join(rows)}`);
    expect(values).toHaveLength(40_000);
    expect(values.slice(-2)).toEqual([19_999, 'n19999']);
    expect(text.endsWith('($39999, $40000)')).toBe(true);
  });
});
