import { describe, expect, it } from 'vitest';
import { changedFields } from '../../forms/stale-changes';
import { USER_FIELDS, scopeFor } from './user-scope';

describe('a user’s scope follows the role', () => {
  it('keeps the council for council roles, the federation for federation users, and clears the rest', () => {
    expect(scopeFor('regional', 'c1', 'f1')).toEqual({ regionalCouncilId: 'c1', federationId: null });
    expect(scopeFor('organizer', 'c1', '')).toEqual({ regionalCouncilId: 'c1', federationId: null });
    expect(scopeFor('federation', 'c1', 'f1')).toEqual({ regionalCouncilId: null, federationId: 'f1' });
    expect(scopeFor('leadership', 'c1', 'f1')).toEqual({ regionalCouncilId: null, federationId: null });
    expect(scopeFor('admin', '', '')).toEqual({ regionalCouncilId: null, federationId: null });
  });

  it('names what someone else changed on the user', () => {
    const base = { displayName: '山田', role: 'regional', regionalCouncilId: 'c1', federationId: null };
    expect(changedFields(USER_FIELDS, base, { ...base, role: 'federation', regionalCouncilId: null, federationId: 'f1' })).toEqual([
      'role',
      'regionalCouncilId',
      'federationId',
    ]);
  });
});
