import { render } from '../../database/sql';
import type { CurrentUser } from './roles';
import { scopeOf, inScope } from './scope';

const user = (role: CurrentUser['role'], extra: Partial<CurrentUser> = {}): CurrentUser => ({
  id: 'u1',
  email: 'a@example.jp',
  displayName: 'テスト',
  role,
  regionalCouncilId: null,
  federationId: null,
  ...extra,
});
const council = user('regional', { regionalCouncilId: 'c1' });
const organizer = user('organizer', { regionalCouncilId: 'c2' });
const federation = user('federation', { federationId: 'f1' });

describe('scope', () => {
  it('gives admin and leadership everything, councils and federations their own', () => {
    expect(scopeOf(user('admin'))).toEqual({ kind: 'all' });
    expect(scopeOf(user('leadership'))).toEqual({ kind: 'all' });
    expect(scopeOf(council)).toEqual({ kind: 'council', regionalCouncilId: 'c1' });
    expect(scopeOf(organizer)).toEqual({ kind: 'council', regionalCouncilId: 'c2' });
    expect(scopeOf(federation)).toEqual({ kind: 'federation', federationId: 'f1' });
  });

  it('places unions by council and federation', () => {
    expect(render(inScope.union(scopeOf(user('admin')), 'u'))).toEqual({ text: 'TRUE', values: [] });
    expect(render(inScope.union(scopeOf(council), 'u'))).toEqual({ text: '(u.regional_council_id = $1::uuid)', values: ['c1'] });
    expect(render(inScope.union(scopeOf(federation), 'un'))).toEqual({ text: '(un.federation_id = $1::uuid)', values: ['f1'] });
  });

  it('gives a federation the prospects it is the target federation of', () => {
    expect(render(inScope.prospect(scopeOf(federation), 'p'))).toEqual({ text: '(p.target_federation_id = $1::uuid)', values: ['f1'] });
    expect(render(inScope.prospect(scopeOf(organizer), 'p'))).toEqual({ text: '(p.regional_council_id = $1::uuid)', values: ['c2'] });
  });

  it('shares chapter-wide goals with everyone', () => {
    expect(render(inScope.goal(scopeOf(council), 'g'))).toEqual({
      text: '((g.regional_council_id IS NULL AND g.federation_id IS NULL) OR g.regional_council_id = $1::uuid)',
      values: ['c1'],
    });
    expect(render(inScope.goal(scopeOf(user('leadership')), 'g'))).toEqual({ text: 'TRUE', values: [] });
  });

  it('gives a federation no council-only rows', () => {
    expect(render(inScope.council(scopeOf(federation), 'c'))).toEqual({ text: 'FALSE', values: [] });
    expect(render(inScope.council(scopeOf(council), 'c'))).toEqual({ text: '(c.regional_council_id = $1::uuid)', values: ['c1'] });
    expect(render(inScope.council(scopeOf(user('admin')), 'c'))).toEqual({ text: 'TRUE', values: [] });
  });

  it('refuses an alias that is not a plain name', () => {
    expect(() => inScope.union(scopeOf(council), 'u; DROP TABLE unions')).toThrow('not a plain identifier');
  });
});
