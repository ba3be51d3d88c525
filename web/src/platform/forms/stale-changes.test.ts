import { describe, expect, it } from 'vitest';
import { changedFields, describeChanges, keepEdits } from './stale-changes';

describe('a stale save, in words and in the form', () => {
  const names = { name: '名前', target: '目標人数', rows: '行' } as const;
  const base = { name: 'A', target: 100, rows: [1, 2] };

  it('names the changed fields in the form’s order, with their current values', () => {
    const current = { ...base, rows: [1, 3], target: 120 };
    const changed = changedFields(names, base, current);
    expect(changed).toEqual(['target', 'rows']);
    expect(describeChanges(names, changed, (f) => String(current[f]))).toEqual([
      { label: '目標人数', current: '120' },
      { label: '行', current: '1,3' },
    ]);
  });

  it('keeps what the person edited and takes the current value of the rest', () => {
    const mine = { ...base, name: 'B' };
    const current = { ...base, name: 'C', target: 120 };
    expect(keepEdits(mine, base, current)).toEqual({ name: 'B', target: 120, rows: [1, 2] });
  });
});
