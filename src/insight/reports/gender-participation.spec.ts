import { compare, executive, memberShares, targets } from './gender-participation';

const members = (female: number, male: number, unspecified = 0) => ({ members: female + male + unspecified, female, male, unspecified });
const counts = (seats: number, women: number) => ({ seats, women, men: seats - women, unspecified: 0, womenQuota: false });

describe('gender participation arithmetic', () => {
  it('is met exactly in proportion, however the shares round', () => {
    // 1 of 3 members is a woman (0.3333): 1 of 3 seats is in proportion, 333 of 1000 is not
    expect(compare(1, 3, members(1, 2))).toEqual({ womenShare: 0.3333, gapPoints: 0, parity: 1, status: 'met' });
    expect(compare(333, 1000, members(1, 2))).toMatchObject({ status: 'not_met', parity: 0.999 });
    expect(compare(3333, 10000, members(1, 2))).toMatchObject({ status: 'not_met', parity: 0.9999 });
    expect(compare(3334, 10000, members(1, 2))).toMatchObject({ status: 'met', parity: 1.0002 });
  });

  it('is unknown without a composition, seats or members; met by any body when no member is a woman', () => {
    expect(compare(null, null, members(1, 2)).status).toBe('unknown');
    expect(compare(0, 0, members(1, 2)).status).toBe('unknown');
    expect(compare(2, 10, members(0, 0)).status).toBe('unknown');
    expect(compare(0, 10, members(0, 5))).toEqual({ womenShare: 0, gapPoints: 0, parity: null, status: 'met' });
  });

  it('counts the unspecified in the members for the share, and out of the coverage', () => {
    expect(memberShares(members(30, 50, 20))).toEqual({ memberFemaleShare: 0.3, memberGenderCoverage: 0.8 });
    expect(memberShares(members(0, 0))).toEqual({ memberFemaleShare: null, memberGenderCoverage: null });
  });

  it('sums the executive committees and measures the plan’s five targets', () => {
    const m = members(30, 60, 10);
    const bodies = [
      { kind: 'executive_committee', counts: counts(20, 6) },
      { kind: 'top_officers', counts: counts(4, 0) },
      { kind: 'convention_delegates', counts: counts(100, 30) },
      { kind: 'central_committee', counts: null },
    ];
    expect(executive(bodies, m)).toMatchObject({ seats: 20, women: 6, womenShare: 0.3, status: 'met' });
    expect(targets(bodies, m)).toEqual([
      { target: 'member_gender_surveyed', status: 'met' },
      { target: 'woman_officer', status: 'met' },
      { target: 'executive_share_in_proportion', status: 'met' },
      { target: 'woman_top_officer', status: 'not_met' },
      { target: 'decision_bodies_in_proportion', status: 'met' },
    ]);
    // 89% of members' gender known: not surveyed; nothing recorded: the bodies' targets unknown
    expect(targets([], members(80, 9, 11)).map((x) => x.status)).toEqual(['not_met', 'unknown', 'unknown', 'unknown', 'unknown']);
    expect(targets([], members(81, 9, 10))[0].status).toBe('met');
  });
});
