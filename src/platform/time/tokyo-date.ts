const TOKYO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar day in Japan, YYYY-MM-DD (the business day, whatever the server's zone). */
export function tokyoToday(now: Date = new Date()): string {
  return TOKYO_DAY.format(now);
}

/** The first and last day of a month YYYY-MM. */
export function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(last).padStart(2, '0')}` };
}
