import { describe, expect, it } from 'vitest';
import { compositionBody, countOf, organizationOf, organizationValue } from './composition-form';

describe('the composition form', () => {
  it('reads counts typed with full-width digits and leaves empty ones out', () => {
    expect([countOf('１２'), countOf(' 3 '), countOf('')]).toEqual([12, 3, undefined]);
    expect(
      compositionBody({
        organization: 'confederation:',
        bodyKind: 'executive_committee',
        fiscalYear: '2026',
        seats: '10',
        women: '３',
        men: '7',
        unspecified: '0',
        womenQuota: true,
      }),
    ).toEqual({ seats: 10, women: 3, men: 7, unspecified: 0, womenQuota: true });
  });

  it('names an organization by kind and id, the confederation without one', () => {
    expect(organizationValue({ kind: 'confederation', id: null })).toBe('confederation:');
    expect(organizationOf('federation:abc')).toEqual({ kind: 'federation', id: 'abc' });
    expect(organizationOf('confederation:')).toEqual({ kind: 'confederation', id: null });
  });
});
