import { describe, expect, it } from 'vitest';
import { exportUrl } from './export-url';

describe('exportUrl', () => {
  it('keeps the path and filters of the table and adds the format', () => {
    expect(exportUrl('/api/v1/reports/growth', { from: '2025-05', to: '2026-04', groupBy: 'federation' }, 'xlsx')).toBe(
      '/api/v1/reports/growth?from=2025-05&to=2026-04&groupBy=federation&format=xlsx',
    );
  });

  it('leaves out empty filters and paging, since an export gives every row', () => {
    expect(exportUrl('/api/v1/unions', { federationId: undefined, q: '', status: 'active', limit: 50, offset: 100 }, 'csv')).toBe(
      '/api/v1/unions?status=active&format=csv',
    );
  });

  it('fills path parameters and encodes values', () => {
    expect(exportUrl('/api/v1/goals/{id}/progress', {}, 'csv', { id: 'a b/c' })).toBe('/api/v1/goals/a%20b%2Fc/progress?format=csv');
    expect(exportUrl('/api/v1/prospects', { q: '株式会社&みなと' }, 'xlsx')).toBe(
      '/api/v1/prospects?q=%E6%A0%AA%E5%BC%8F%E4%BC%9A%E7%A4%BE%26%E3%81%BF%E3%81%AA%E3%81%A8&format=xlsx',
    );
  });

  it('repeats a filter given as a list and never sends format twice', () => {
    expect(exportUrl('/api/v1/visits', { organizerId: ['a', 'b'], format: 'csv' }, 'xlsx')).toBe('/api/v1/visits?organizerId=a&organizerId=b&format=xlsx');
  });

  it('refuses a path parameter it was not given', () => {
    expect(() => exportUrl('/api/v1/goals/{id}/allocations', {}, 'xlsx')).toThrow('needs id');
  });
});
