import type { CellKind } from './export-definition';

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/** Excel shows each kind this way (xlsx number formats). */
export const NUMBER_FORMATS: Partial<Record<CellKind, string>> = {
  number: '#,##0',
  decimal: '#,##0.0',
  percent: '0.0%',
  date: 'yyyy/mm/dd',
  month: 'yyyy"年"m"月"',
  datetime: 'yyyy/mm/dd hh:mm',
};

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A calendar value as a Date whose UTC fields are the Japan wall-clock ones: Excel keeps no
 * zone, so 2026-04-01 must land on 2026/04/01 whatever the server's zone.
 */
function wallClock(value: unknown, kind: 'date' | 'month' | 'datetime'): Date | null {
  if (!(value instanceof Date) && typeof value !== 'string') return null;
  if (kind === 'datetime') {
    const at = value instanceof Date ? value : new Date(value);
    return Number.isNaN(at.getTime()) ? null : new Date(at.getTime() + TOKYO_OFFSET_MS);
  }
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value instanceof Date ? value.toISOString() : value);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3] ?? '1'))) : null;
}

const asNumber = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
function asText(value: unknown): string {
  if (Array.isArray(value)) return value.map(asText).join('、');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  return JSON.stringify(value) ?? '';
}

/** The value of an xlsx cell: numbers and dates as such, the rest as text. */
export function xlsxValue(value: unknown, kind: CellKind): string | number | Date | null {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'number':
    case 'decimal':
    case 'percent':
      return asNumber(value);
    case 'date':
    case 'month':
    case 'datetime':
      return wallClock(value, kind);
    case 'text':
      return asText(value);
  }
}

/** Excel would run a text field starting with these as a formula; a leading ' keeps it text. */
const FORMULA_START = /^[=+\-@\t\r]/;

function quoted(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV field, written so Japanese Excel reads it back as the same number, date or text. */
export function csvField(value: unknown, kind: CellKind): string {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'number':
    case 'decimal':
      return asNumber(value)?.toString() ?? '';
    case 'percent': {
      const fraction = asNumber(value);
      return fraction === null ? '' : `${Number((fraction * 100).toFixed(4))}%`;
    }
    case 'date':
    case 'month':
    case 'datetime': {
      const at = wallClock(value, kind);
      if (!at) return '';
      const day = `${at.getUTCFullYear()}/${pad(at.getUTCMonth() + 1)}`;
      if (kind === 'month') return day;
      const date = `${day}/${pad(at.getUTCDate())}`;
      return kind === 'date' ? date : `${date} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
    }
    case 'text': {
      const text = asText(value);
      return quoted(FORMULA_START.test(text) ? `'${text}` : text);
    }
  }
}
