/**
 * Normalising what a union office types into a cell: full-width digits, signs and spaces
 * (NFKC), Japanese calendar eras, Excel's date cells and serial numbers. Each function
 * answers the value in the API's words, or a Japanese message saying what is wrong.
 */
/** A failure says what is wrong twice: a stable `code` (UPPER_SNAKE) and the Japanese message. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(code: string, message: string): Parsed<T> => ({ ok: false, code, message });

/** A cell as text: NFKC (全角 → 半角, including the minus sign), trimmed; Excel dates stay dates. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    // exceljs rich text, formula results and hyperlinks
    const cell = value as { richText?: { text: string }[]; result?: unknown; text?: unknown };
    if (Array.isArray(cell.richText)) return cellText(cell.richText.map((r) => r.text).join(''));
    if ('result' in cell) return cellText(cell.result);
    if (typeof cell.text === 'string') return cellText(cell.text);
    return '';
  }
  const raw = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  return raw
    .normalize('NFKC')
    .replace(/[\u2212\u2010\u2011\u2012\u2013\u2014\u2015\uff0d]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export function integerIn(value: unknown, min: number, max: number): Parsed<number> {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= min && value <= max ? ok(value) : fail('INTEGER_OUT_OF_RANGE', `${min}から${max}までの整数を入力してください`);
  }
  const text = cellText(value).replace(/,/g, '').replace(/^\+/, '');
  if (!/^-?\d+$/.test(text)) return fail('NOT_AN_INTEGER', '整数を入力してください');
  const n = Number(text);
  return n >= min && n <= max ? ok(n) : fail('INTEGER_OUT_OF_RANGE', `${min}から${max}までの整数を入力してください`);
}

const ERAS: Record<string, number> = { 令和: 2018, 平成: 1988, R: 2018, H: 1988 };

function isoDate(year: number, month: number, day: number): Parsed<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2200 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return fail('DATE_DOES_NOT_EXIST', '存在しない日付です');
  }
  return ok(date.toISOString().slice(0, 10));
}

/** Excel's serial day 1 is 1900-01-01, counting its phantom 1900-02-29. */
function fromSerial(serial: number): Parsed<string> {
  if (!Number.isInteger(serial) || serial < 61 || serial > 110_000) return fail('DATE_UNREADABLE', '日付として読めません');
  return ok(new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10));
}

/**
 * `2026-04-01`, `2026/4/1`, `2026年4月1日`, `令和8年4月1日` (元年 too), `R8.4.1`,
 * an Excel date cell or a serial number. An impossible day (2026-02-30) is refused.
 */
export function calendarDate(value: unknown): Parsed<string> {
  if (value instanceof Date) {
    // exceljs gives date cells as UTC midnight of the day shown
    return Number.isNaN(value.getTime()) ? fail('DATE_UNREADABLE', '日付として読めません') : ok(value.toISOString().slice(0, 10));
  }
  if (typeof value === 'number') return fromSerial(value);
  const text = cellText(value).replace(/\s/g, '');
  if (text === '') return fail('DATE_MISSING', '日付を入力してください');
  const western = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (western) return isoDate(Number(western[1]), Number(western[2]), Number(western[3]));
  const era = /^(令和|平成|R|H)(元|\d{1,2})[年.](\d{1,2})[月.](\d{1,2})日?$/i.exec(text);
  if (era) {
    const year = era[2] === '元' ? 1 : Number(era[2]);
    return isoDate(ERAS[era[1].toUpperCase()] + year, Number(era[3]), Number(era[4]));
  }
  if (/^\d{5}$/.test(text)) return fromSerial(Number(text));
  return fail('DATE_FORMAT', '日付は 2026-04-01、2026/4/1 または 令和8年4月1日 の形で入力してください');
}

/** A code list as the file may spell it: the code itself or its Japanese (or English) label. */
export class CodeList {
  private readonly byWord = new Map<string, string>();

  /** `what`: the list's name (事由), `codes`: those a row may take, in the template's order. */
  constructor(
    readonly what: string,
    private readonly labels: Readonly<Record<string, readonly [string, string]>>,
    readonly codes: readonly string[],
  ) {
    for (const code of codes) {
      for (const word of [code, ...(labels[code] ?? [])]) this.byWord.set(cellText(word).toLowerCase(), code);
    }
  }

  /** The Japanese label of a code (the code itself when it has none). */
  label(code: string): string {
    return this.labels[code]?.[0] ?? code;
  }

  read(value: unknown): Parsed<string> {
    const code = this.byWord.get(cellText(value).toLowerCase());
    return code ? ok(code) : fail('CODE_UNKNOWN', `${this.what}「${cellText(value)}」はありません。コードまたは一覧の名称で入力してください`);
  }
}
