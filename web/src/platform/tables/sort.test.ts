import { describe, expect, it } from 'vitest';
import { sortRows } from './sort';

describe('sortRows', () => {
  const rows = [
    { name: '横浜', members: 120 },
    { name: '川崎', members: 80 },
    { name: '相模原', members: 120 },
  ];

  it('orders numbers as numbers, keeping ties in their order', () => {
    expect(sortRows(rows, (r) => r.members, 'descending').map((r) => r.name)).toEqual(['横浜', '相模原', '川崎']);
    expect(sortRows(rows, (r) => r.members, 'ascending').map((r) => r.name)).toEqual(['川崎', '横浜', '相模原']);
  });

  it('orders text in Japanese collation and leaves the input alone', () => {
    const copy = [...rows];
    expect(sortRows(rows, (r) => r.name, 'ascending')).toHaveLength(3);
    expect(rows).toEqual(copy);
  });
});
