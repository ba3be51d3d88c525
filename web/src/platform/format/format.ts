/** How numbers, dates and fiscal years are written for people in Japan. Pure functions. */

/** A formatter made on its first use: each costs a phone tens of milliseconds to build, and most screens use one or two of them. */
function onFirstUse<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

const integer = onFirstUse(() => new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 }));
const decimal1 = onFirstUse(() => new Intl.NumberFormat('ja-JP', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));

/** 307994 → 「307,994」 */
export function formatNumber(value: number): string {
  return integer().format(value);
}

/** A signed change: 1200 → 「+1,200」, -35 → 「-35」, 0 → 「±0」. */
export function formatDelta(value: number): string {
  if (value === 0) return '±0';
  return `${value > 0 ? '+' : '-'}${integer().format(Math.abs(value))}`;
}

/** A percentage given as a percentage: 77 → 「77.0%」. */
export function formatPercent(percent: number): string {
  return `${decimal1().format(percent)}%`;
}

/** A share given as a fraction: 0.345 → 「34.5%」. */
export function formatShare(share: number): string {
  return formatPercent(share * 100);
}

/** A number with one decimal: 1234.5 → 「1,234.5」. */
export function formatDecimal(value: number): string {
  return decimal1().format(value);
}

const VOICED = 'ガギグゲゴザジズゼゾダヂヅデドバビブベボヴ';
const HALF_VOICED = 'パピプペポ';
const UNVOICED = 'カキクケコサシスセソタチツテトハヒフヘホウ';
const SEMI_BASE = 'ハヒフヘホ';
const SMALL = 'ァィゥェォッャュョヮヵヶ';
const LARGE = 'アイウエオツヤユヨワカケ';
/** The vowel each row ends in: ー lengthens the vowel before it (コーヒー reads コオヒイ). */
const VOWELS: [string, string][] = [
  ['ア', 'アカサタナハマヤラワ'],
  ['イ', 'イキシチニヒミリ'],
  ['ウ', 'ウクスツヌフムユル'],
  ['エ', 'エケセテネヘメレ'],
  ['オ', 'オコソトノホモヨロヲ'],
];
const vowelOf = (letter: string): string | undefined => VOWELS.find(([, row]) => row.includes(letter))?.[0];

/**
 * A reading's three keys, as a dictionary compares them: the letters (katakana, unvoiced, full
 * size, ー as the vowel it lengthens), then the voicing (カ before ガ before パ), then the form
 * (ー, then small, then full size; katakana before hiragana).
 */
function readingKeys(reading: string): [string, string, string] {
  let letters = '';
  let voicing = '';
  let form = '';
  for (const char of reading) {
    const code = char.charCodeAt(0);
    const hiragana = code >= 0x3041 && code <= 0x3096;
    const katakana = hiragana ? String.fromCharCode(code + 0x60) : char;
    const voiced = VOICED.indexOf(katakana);
    const halfVoiced = HALF_VOICED.indexOf(katakana);
    const small = SMALL.indexOf(katakana);
    const lengthened = char === 'ー' ? vowelOf(letters.at(-1) ?? '') : undefined;
    letters += lengthened ?? (voiced >= 0 ? UNVOICED[voiced] : halfVoiced >= 0 ? SEMI_BASE[halfVoiced] : small >= 0 ? LARGE[small] : katakana);
    voicing += voiced >= 0 ? '1' : halfVoiced >= 0 ? '2' : '0';
    form += lengthened ? 'a' : `${small >= 0 ? 'b' : 'c'}${hiragana ? 1 : 0}`;
  }
  return [letters, voicing, form];
}

/**
 * Reading order of kana, as a Japanese dictionary has it: アオバ, イズミ, ガス, カワ (カ and ガ
 * alike at first, the voiced one after an otherwise equal reading), hiragana and katakana
 * alike. The order `localeCompare(b, 'ja')` gives readings (tested), without a collator:
 * building the first one cost a phone about 60 ms, the longest step before 今日's cards were
 * drawn. Other text falls back to the order of its characters' codes.
 */
export function compareReadings(a: string, b: string): number {
  const [x, y] = [readingKeys(a), readingKeys(b)];
  return compareCodes(x[0], y[0]) || compareCodes(x[1], y[1]) || compareCodes(x[2], y[2]) || compareCodes(a, b);
}

/** Code-unit order, for ISO dates (YYYY-MM-DD) and ids, where it is the right order and costs nothing. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** A calendar date (YYYY-MM-DD): 「2026年4月1日」. */
export function formatDate(date: string): string {
  const m = DATE.exec(date);
  if (!m) return date;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

const tokyoDay = onFirstUse(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }));
const tokyoTime = onFirstUse(() => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hour12: false }));

/** The calendar day in Japan (YYYY-MM-DD) of an instant. */
export function tokyoDate(instant: Date): string {
  return tokyoDay().format(instant);
}

/** The current month in Japan (YYYY-MM). */
export const currentMonth = (): string => tokyoDate(new Date()).slice(0, 7);

/** A timestamp, in Japan time: 「2026年4月1日 09:30」. */
export function formatDateTime(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return `${formatDate(tokyoDate(instant))} ${tokyoTime().format(instant)}`;
}

/** A moment in a table, in Japan time: 「2026/04/01 09:30」 (same width on every row). */
export function formatTimestamp(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return `${tokyoDate(instant).replace(/-/g, '/')} ${tokyoTime().format(instant)}`;
}

/** A month (YYYY-MM): 「2026年4月」. */
export function formatMonth(month: string): string {
  const m = MONTH.exec(month);
  if (!m) return month;
  return `${Number(m[1])}年${Number(m[2])}月`;
}

/** The fiscal year (年度) a date or month falls in, named by the calendar year it starts in. */
export function fiscalYearOf(dateOrMonth: string, startMonth = 4): number {
  const [year, month] = dateOrMonth.split('-').map(Number);
  return month >= startMonth ? year : year - 1;
}

/** 2026 → 「2026年度」 */
export function formatFiscalYear(year: number): string {
  return `${year}年度`;
}

/** YYYY-MM plus n months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
