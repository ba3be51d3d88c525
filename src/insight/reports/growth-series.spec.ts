import { assembleGrowth, LiveRow, PublishedRow } from './growth-series';

const live = (key: string, month: string | null, increase: number, decrease: number, adjustment = 0): LiveRow => ({
  key,
  month,
  increase,
  decrease,
  adjustment,
  net: increase - decrease + adjustment,
});

describe('assembleGrowth', () => {
  const months = ['2026-01', '2026-02', '2026-03'];
  const rows = [live('a', null, 100, 0), live('a', '2026-01', 10, 5), live('a', '2026-03', 0, 2, 1), live('b', '2026-02', 7, 0)];

  it('runs members from the opening balance and fills months without changes', () => {
    const groups = assembleGrowth(months, rows, [], new Set(), false);
    expect(groups.get('a')?.map((m) => [m.month, m.net, m.members])).toEqual([
      ['2026-01', 5, 105],
      ['2026-02', 0, 105],
      ['2026-03', -1, 104],
    ]);
    expect(groups.get('b')?.map((m) => m.members)).toEqual([0, 7, 7]);
  });

  it('shows published figures beside changed live ones for closed months, or instead of them', () => {
    const published: PublishedRow[] = [{ key: 'a', month: '2026-01', increase: 10, decrease: 3, adjustment: 0, net: 7, members: 107 }];
    const closed = new Set(['2026-01', '2026-02']);
    const beside = assembleGrowth(months, rows, published, closed, false);
    expect(beside.get('a')?.[0]).toEqual({
      month: '2026-01',
      increase: 10,
      decrease: 5,
      adjustment: 0,
      net: 5,
      members: 105,
      publishedMembers: 107,
      publishedNet: 7,
    });
    // 2026-02 for a: no published row, so published members were 0 and differ from 105
    expect(beside.get('a')?.[1]).toMatchObject({ members: 105, publishedMembers: 0, publishedNet: 0 });
    // unchanged since the close: nothing beside
    expect(beside.get('b')?.[0]).toEqual({ month: '2026-01', increase: 0, decrease: 0, adjustment: 0, net: 0, members: 0 });

    const instead = assembleGrowth(months, rows, published, closed, true);
    expect(instead.get('a')?.map((m) => [m.members, m.published ?? false])).toEqual([
      [107, true],
      [0, true],
      [104, false],
    ]);
  });
});
