import { describe, expect, it } from 'vitest';
import { changedFields } from './review-changes';

describe('what changed under a stale edit', () => {
  const base = { periodFrom: '2025-04', periodTo: '2026-03', causes: ['resignation'], findings: 'a', countermeasures: 'b' };

  it('names the fields that differ', () => {
    expect(changedFields(base, { ...base, findings: 'A', causes: ['retirement'] })).toEqual(['causes', 'findings']);
  });

  it('names none when nothing changed', () => {
    expect(changedFields(base, { ...base, causes: ['resignation'] })).toEqual([]);
  });
});
