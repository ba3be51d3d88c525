import { describe, expect, it } from 'vitest';
import {
  addMonths,
  compareCodes,
  compareReadings,
  fiscalYearOf,
  formatDate,
  formatDateTime,
  formatDelta,
  formatFiscalYear,
  formatMonth,
  formatNumber,
  formatPercent,
  formatShare,
  formatTimestamp,
  tokyoDate,
} from './format';

describe('Japanese formatters', () => {
  it('groups thousands with commas', () => {
    expect(formatNumber(307994)).toBe('307,994');
    expect(formatNumber(400000)).toBe('400,000');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-1234)).toBe('-1,234');
  });

  it('writes signed changes', () => {
    expect(formatDelta(1200)).toBe('+1,200');
    expect(formatDelta(-35)).toBe('-35');
    expect(formatDelta(0)).toBe('±0');
  });

  it('writes percents with one decimal', () => {
    expect(formatPercent(77)).toBe('77.0%');
    expect(formatPercent(76.99)).toBe('77.0%');
    expect(formatShare(0.345)).toBe('34.5%');
  });

  it('writes dates, months and timestamps the Japanese way', () => {
    expect(formatDate('2026-04-01')).toBe('2026年4月1日');
    expect(formatMonth('2026-04')).toBe('2026年4月');
    // 2026-03-31T15:30Z is April 1st, 00:30 in Tokyo
    expect(formatDateTime('2026-03-31T15:30:00Z')).toBe('2026年4月1日 00:30');
    expect(tokyoDate(new Date('2026-03-31T15:30:00Z'))).toBe('2026-04-01');
    expect(formatTimestamp('2026-04-01T00:30:00Z')).toBe('2026/04/01 09:30');
    expect(formatTimestamp('2026-03-31T15:05:00.123456Z')).toBe('2026/04/01 00:05');
  });

  it('names fiscal years by the year they start in (April by default)', () => {
    expect(fiscalYearOf('2026-04-01')).toBe(2026);
    expect(fiscalYearOf('2027-03-31')).toBe(2026);
    expect(fiscalYearOf('2026-03')).toBe(2025);
    expect(fiscalYearOf('2026-01', 1)).toBe(2026);
    expect(formatFiscalYear(2026)).toBe('2026年度');
  });

  it('moves months across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-04', -23)).toBe('2024-05');
  });

  it('sorts by Japanese reading and by code', () => {
    expect(['ウミベ', 'あおば', 'イズミ', 'ガス', 'カワ', 'キタ'].sort(compareReadings)).toEqual(['あおば', 'イズミ', 'ウミベ', 'ガス', 'カワ', 'キタ']);
    expect(compareReadings('アオバ', 'アオバ')).toBe(0);
    // the order the Japanese tailoring gives for readings
    const words = [
      'ヨコハマ',
      'あつぎ',
      'カワサキ',
      'ガクエン',
      'ザマ',
      'サガミハラ',
      'ハダノ',
      'バス',
      'パン',
      'ひらつか',
      'ハス',
      'キッテ',
      'キツネ',
      'ショウ',
      'シヨウ',
      'ジョウ',
      'アイ',
      'あい',
      'カ',
      'ガ',
      'コーヒー',
      'コオリ',
      'コウノ',
      'コープ',
      'サーム',
      'サイ',
      'サアム',
    ];
    expect([...words].sort(compareReadings)).toEqual([...words].sort((a, b) => a.localeCompare(b, 'ja')));
    expect(['2026-06-15', '2026-06-05', '2025-12-31'].sort(compareCodes)).toEqual(['2025-12-31', '2026-06-05', '2026-06-15']);
  });
});
