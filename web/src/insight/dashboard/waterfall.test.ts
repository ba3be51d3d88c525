import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../platform/api/client';
import { netChangeRows, waterfall } from './waterfall';

type Cause = Schemas['NetChangeMonthDto']['gains'][number]['cause'];

const label = (cause: string) => ({ new_hire: '新規採用', new_organizing: '新規組織化', retirement: '定年退職', resignation: '自己都合退職' })[cause] ?? cause;
const c = (cause: Cause, members: number) => ({ cause, label: cause, members });
const report = {
  asOf: null,
  from: '2026-04',
  to: '2026-06',
  months: [
    { month: '2026-04', gains: [c('new_hire', 120)], losses: [c('retirement', -30), c('resignation', -10)], adjustment: 0, net: 80 },
    { month: '2026-05', gains: [c('new_hire', 5), c('new_organizing', 40)], losses: [c('resignation', -60)], adjustment: 0, net: -15 },
    { month: '2026-06', gains: [], losses: [], adjustment: -7, net: -7 },
  ],
};

describe('the net-change waterfall', () => {
  it('tabulates each cause per month as the API signs it, with totals and the net', () => {
    const rows = netChangeRows(report, label);
    expect(rows.map((r) => [r.label, r.values, r.total])).toEqual([
      ['新規採用', [120, 5, 0], 125],
      ['新規組織化', [0, 40, 0], 40],
      ['増加 計', [120, 45, 0], 165],
      ['定年退職', [-30, 0, 0], -30],
      ['自己都合退職', [-10, -60, 0], -70],
      ['減少 計', [-40, -60, 0], -100],
      ['調査による補正', [0, 0, -7], -7],
      ['純増減', [80, -15, -7], 58],
    ]);
  });

  it('leaves out the survey row when no survey corrected anything', () => {
    const rows = netChangeRows({ ...report, months: report.months.slice(0, 2) }, label);
    expect(rows.map((r) => r.kind)).not.toContain('adjustment');
  });

  it('floats each month from the running net: losses below it, gains above, the next month where it ended', () => {
    const { series, running } = waterfall(report, label);
    expect(running).toEqual([80, 65, 58]);
    expect(series.map((s) => s.name)).toEqual(['基準', '定年退職', '自己都合退職', '調査による補正(減)', '新規採用', '新規組織化']);
    const base = series[0].data;
    expect(base).toEqual([-40, 20, 58]);
    // a column's top is where it started plus its gains; its bottom where it started less its losses
    const height = (i: number) => series.slice(1).reduce((sum, s) => sum + s.data[i], 0);
    expect([0, 1, 2].map((i) => base[i] + height(i))).toEqual([120, 125, 65]);
  });
});
