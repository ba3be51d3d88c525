import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { isStaleSave, staleOutcome } from './stale-save';

interface Rec {
  name: string;
  count: number;
  tags: string[];
  version: number;
}
interface Values {
  name: string;
  count: string;
  tags: string[];
}

const flow = {
  fields: { name: '名前', count: '人数', tags: 'タグ' },
  valuesOf: (r: Rec): Values => ({ name: r.name, count: String(r.count), tags: r.tags }),
  compared: (r: Rec) => ({ name: r.name, count: r.count, tags: r.tags }),
  inWords: (r: Rec, field: 'name' | 'count' | 'tags') => (field === 'count' ? `${r.count}人` : field === 'tags' ? r.tags.join('、') : r.name),
};

describe('a stale save', () => {
  const base: Rec = { name: '本部', count: 10, tags: ['a'], version: 1 };
  const current: Rec = { name: '本部', count: 13, tags: ['a', 'b'], version: 2 };

  it('keeps what the person typed and takes the other change where they typed nothing', () => {
    const mine: Values = { name: '本部(改)', count: '10', tags: ['a'] };
    const outcome = staleOutcome(flow, mine, base, current);
    expect(outcome.values).toEqual({ name: '本部(改)', count: '13', tags: ['a', 'b'] });
  });

  it('keeps the person’s edit of a field the other person changed too', () => {
    const mine: Values = { name: '本部', count: '20', tags: ['a'] };
    expect(staleOutcome(flow, mine, base, current).values.count).toBe('20');
  });

  it('names what the other person changed, as it reads now, in the form’s order', () => {
    const outcome = staleOutcome(flow, flow.valuesOf(base), base, current);
    expect(outcome.changes).toEqual([
      { label: '人数', current: '13人' },
      { label: 'タグ', current: 'a、b' },
    ]);
  });

  it('names nothing when only the version moved', () => {
    expect(staleOutcome(flow, flow.valuesOf(base), base, { ...base, version: 2 }).changes).toEqual([]);
  });

  it('is told from the API’s code, not from any 409', () => {
    expect(isStaleSave(new ApiError(409, { statusCode: 409, code: 'STALE_VERSION' }))).toBe(true);
    expect(isStaleSave(new ApiError(409, { statusCode: 409, code: 'DUPLICATE' }))).toBe(false);
    expect(isStaleSave(new ApiError(400, { statusCode: 400, code: 'STALE_VERSION' }))).toBe(false);
    expect(isStaleSave(new Error('x'))).toBe(false);
  });
});
