import { describe, expect, it, vi } from 'vitest';

// the typed client reads the page's origin when it is made; no request is sent here
vi.hoisted(() => vi.stubGlobal('window', { location: { origin: 'http://localhost' } }));

import { exportUrl } from '../platform/tables/export-url';
import { growthQuery, lossCausesQuery } from './queries';

/** A report's file is asked with the filters of the query that fetched its figures. */
const fileOf = (query: { source: { path: string; query?: object; params?: Record<string, string> } }) =>
  exportUrl(query.source.path, (query.source.query ?? {}) as Record<string, string>, 'xlsx', query.source.params);

describe('a report query and its export', () => {
  it('exports 組合員数の推移 under 公表値 with asPublished, as the figures were fetched', () => {
    const growth = growthQuery({ from: '2025-04', to: '2026-03', groupBy: 'total', asPublished: true });
    expect(growth.queryKey).toContainEqual(expect.objectContaining({ asPublished: true }));
    expect(fileOf(growth)).toBe('/api/v1/reports/growth?from=2025-04&to=2026-03&groupBy=total&asPublished=true&format=xlsx');
  });

  it('exports the live figures when they are the ones on screen', () => {
    expect(fileOf(growthQuery({ from: '2025-04', to: '2026-03', groupBy: 'federation', asPublished: undefined }))).not.toContain('asPublished');
  });

  it('keeps a council’s filter in the file', () => {
    expect(fileOf(lossCausesQuery({ from: '2025-04', to: '2026-03', regionalCouncilId: 'c1' }))).toContain('regionalCouncilId=c1');
  });
});
