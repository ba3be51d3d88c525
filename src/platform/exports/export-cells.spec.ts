import { csvField, xlsxValue } from './export-cells';
import { contentDisposition, parseFormat } from './export-format';

describe('export cells', () => {
  it('writes numbers and percentages as Excel reads them back', () => {
    expect(csvField(307994, 'number')).toBe('307994');
    expect(csvField(-20, 'number')).toBe('-20');
    expect(csvField(0.352113, 'percent')).toBe('35.2113%');
    expect(csvField(null, 'percent')).toBe('');
    expect(xlsxValue(0.352113, 'percent')).toBe(0.352113);
    expect(xlsxValue('12', 'number')).toBeNull();
  });

  it('writes calendar days, months and timestamps on the Japan calendar', () => {
    expect(csvField('2026-04-01', 'date')).toBe('2026/04/01');
    expect(csvField('2026-04', 'month')).toBe('2026/04');
    // 2026-03-31T15:30Z is 2026-04-01 00:30 in Tokyo
    expect(csvField('2026-03-31T15:30:00.000Z', 'datetime')).toBe('2026/04/01 00:30');
    expect(xlsxValue('2026-04-01', 'date')).toEqual(new Date(Date.UTC(2026, 3, 1)));
    expect(xlsxValue(new Date('2026-03-31T15:30:00Z'), 'datetime')).toEqual(new Date(Date.UTC(2026, 3, 1, 0, 30)));
    expect(xlsxValue('not a day', 'date')).toBeNull();
  });

  it('quotes what CSV must and keeps text from running as a formula', () => {
    expect(csvField('株式会社みなと', 'text')).toBe('株式会社みなと');
    expect(csvField('a,b', 'text')).toBe('"a,b"');
    expect(csvField('say "hi"', 'text')).toBe('"say ""hi"""');
    expect(csvField('line\r\nbreak', 'text')).toBe('"line\r\nbreak"');
    expect(csvField('=HYPERLINK("x")', 'text')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(['賃金', '労働時間'], 'text')).toBe('賃金、労働時間');
  });
});

describe('export format', () => {
  it('names the file in Japanese with an ASCII fallback', () => {
    expect(contentDisposition('組織拡大の推移', 'growth', '2026-04-01', 'xlsx')).toBe(
      `attachment; filename="growth-2026-04-01.xlsx"; filename*=UTF-8''${encodeURIComponent('組織拡大の推移_2026-04-01.xlsx')}`,
    );
    expect(contentDisposition('減少要因(前期比)', 'loss-causes', '2026-04-01', 'csv')).toContain(`filename*=UTF-8''%E6%B8%9B%E5%B0%91%E8%A6%81%E5%9B%A0%28`);
  });

  it('takes xlsx and csv only, naming format otherwise', () => {
    expect(parseFormat('csv')).toBe('csv');
    expect(() => parseFormat('pdf')).toThrow(
      expect.objectContaining({
        response: expect.objectContaining({ details: [{ field: 'format', code: 'NOT_ONE_OF', message: 'must be one of xlsx, csv' }] }),
      }),
    );
    expect(() => parseFormat(['csv', 'xlsx'])).toThrow();
  });
});
