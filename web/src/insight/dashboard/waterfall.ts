import type { Schemas } from '../../platform/api/client';

type NetChange = Schemas['NetChangeReportDto'];

export type RowKind = 'gain' | 'gainTotal' | 'loss' | 'lossTotal' | 'adjustment' | 'net';

/** One line of the net-change table: a cause, a total, the survey's correction or the net, per month. */
export interface NetChangeRow {
  key: string;
  label: string;
  kind: RowKind;
  /** Per month of the report, signed as the API answers (losses negative). */
  values: number[];
  total: number;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** The causes that occur in any month, in the order the API lists them. */
function causesOf(report: NetChange, side: 'gains' | 'losses'): string[] {
  const seen: string[] = [];
  for (const month of report.months) for (const c of month[side]) if (!seen.includes(c.cause)) seen.push(c.cause);
  return seen;
}

function causeRows(report: NetChange, side: 'gains' | 'losses', label: (cause: string) => string): NetChangeRow[] {
  return causesOf(report, side).map((cause) => {
    const values = report.months.map((m) => m[side].find((c) => c.cause === cause)?.members ?? 0);
    return { key: cause, label: label(cause), kind: side === 'gains' ? 'gain' : 'loss', values, total: sum(values) };
  });
}

/** The table behind the waterfall: gains by cause, their total, losses by cause, their total, the survey's correction, the net. */
export function netChangeRows(report: NetChange, label: (cause: string) => string): NetChangeRow[] {
  const row = (key: string, name: string, kind: RowKind, values: number[]): NetChangeRow => ({ key, label: name, kind, values, total: sum(values) });
  const gains = causeRows(report, 'gains', label);
  const losses = causeRows(report, 'losses', label);
  const adjustment = report.months.map((m) => m.adjustment);
  return [
    ...gains,
    row(
      'gains',
      '増加 計',
      'gainTotal',
      report.months.map((m) => sum(m.gains.map((c) => c.members))),
    ),
    ...losses,
    row(
      'losses',
      '減少 計',
      'lossTotal',
      report.months.map((m) => sum(m.losses.map((c) => c.members))),
    ),
    ...(adjustment.some((a) => a !== 0) ? [row('adjustment', '調査による補正', 'adjustment', adjustment)] : []),
    row(
      'net',
      '純増減',
      'net',
      report.months.map((m) => m.net),
    ),
  ];
}

/** One stacked piece of the waterfall: a cause's members in each month (all positive heights). */
export interface WaterfallSeries {
  name: string;
  kind: 'base' | 'loss' | 'gain';
  data: number[];
}

export interface Waterfall {
  /** Stacked bottom to top: an invisible base, then the losses, then the gains. */
  series: WaterfallSeries[];
  /** The running net since the first month's start, after each month. */
  running: number[];
}

/**
 * Each month is a floating column that starts from the running net before it: its losses
 * reach down from there, its gains up, and the running net after it is where the next one
 * starts. The survey's correction counts as a gain or a loss by its sign.
 */
export function waterfall(report: NetChange, label: (cause: string) => string): Waterfall {
  const rows = netChangeRows(report, label);
  const adjustment = report.months.map((m) => m.adjustment);
  const lossRows = rows.filter((r) => r.kind === 'loss');
  const gainRows = rows.filter((r) => r.kind === 'gain');
  const adjustmentDown = adjustment.map((a) => Math.max(0, -a));
  const adjustmentUp = adjustment.map((a) => Math.max(0, a));
  const running: number[] = [];
  const base = report.months.map((m, i) => {
    const before = i === 0 ? 0 : running[i - 1];
    running.push(before + m.net);
    return before + sum(m.losses.map((c) => c.members)) - adjustmentDown[i];
  });
  const pieces: WaterfallSeries[] = [
    ...lossRows.map((r) => ({ name: r.label, kind: 'loss' as const, data: r.values.map((v) => -v) })),
    { name: '調査による補正(減)', kind: 'loss', data: adjustmentDown },
    ...gainRows.map((r) => ({ name: r.label, kind: 'gain' as const, data: r.values })),
    { name: '調査による補正(増)', kind: 'gain', data: adjustmentUp },
  ];
  return { series: [{ name: '基準', kind: 'base', data: base }, ...pieces.filter((p) => p.data.some((v) => v !== 0))], running };
}
