/** The days a month range covers: 2026-02..2026-03 → 2026-02-01..2026-03-31. */
export function periodDays(from: string, to: string): { from: string; to: string } {
  const [year, month] = to.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${from}-01`, to: `${to}-${String(lastDay).padStart(2, '0')}` };
}
