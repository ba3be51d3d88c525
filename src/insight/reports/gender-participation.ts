/**
 * The arithmetic of the gender participation report (ジェンダー平等推進計画), without SQL:
 * a body's women's share against the members' female share, its parity and status, and the
 * plan's targets. Shares compare as exact integer ratios, so a body exactly in proportion is
 * met whatever the rounding of the shares shown.
 */

export const PARITY_STATUSES = ['met', 'not_met', 'unknown'] as const;
export type ParityStatus = (typeof PARITY_STATUSES)[number];

/** The plan's targets, in its order. */
export const GENDER_TARGETS = [
  'member_gender_surveyed',
  'woman_officer',
  'executive_share_in_proportion',
  'woman_top_officer',
  'decision_bodies_in_proportion',
] as const;
export type GenderTarget = (typeof GENDER_TARGETS)[number];

/**
 * "Member gender surveyed" (組合員の男女比率の把握) is met when the gender of at least this
 * share of the members is known (female or male, not unspecified). Below it the female share
 * is an estimate from a part of the members, so the target is 未達, and the report shows the
 * coverage beside the share. docs/gender-equality.md explains the choice.
 */
export const SURVEYED_COVERAGE = 0.9;

/** Bodies whose women count as officers (役員): the executive committee and the top officers. */
const OFFICER_BODIES = ['executive_committee', 'top_officers'];
/** Decision bodies (議決機関) of the fifth target. */
const DECISION_BODIES = ['convention_delegates', 'central_committee'];

export interface MemberGender {
  members: number;
  female: number;
  male: number;
  unspecified: number;
}

export interface Counts {
  seats: number;
  women: number;
  men: number;
  unspecified: number;
  womenQuota: boolean;
}

export interface Comparison {
  /** women / seats (null without a composition or seats). */
  womenShare: number | null;
  /** (womenShare - memberFemaleShare) in points, one decimal (null when either is unknown). */
  gapPoints: number | null;
  /** womenShare / memberFemaleShare (null when either is unknown or no member is a woman). */
  parity: number | null;
  status: ParityStatus;
}

const round = (x: number, places: number): number => Math.round(x * 10 ** places) / 10 ** places;

export function memberShares(m: MemberGender): { memberFemaleShare: number | null; memberGenderCoverage: number | null } {
  return {
    // as the gender report computes it (GenderService: female / members, 4 places)
    memberFemaleShare: m.members ? round(m.female / m.members, 4) : null,
    memberGenderCoverage: m.members ? round((m.female + m.male) / m.members, 4) : null,
  };
}

/** Women and seats against the members: met when women / seats >= female / members, compared exactly. */
export function compare(women: number | null, seats: number | null, m: MemberGender): Comparison {
  if (women === null || seats === null || seats === 0) return { womenShare: null, gapPoints: null, parity: null, status: 'unknown' };
  const womenShare = round(women / seats, 4);
  if (!m.members) return { womenShare, gapPoints: null, parity: null, status: 'unknown' };
  const gapPoints = round((women / seats - m.female / m.members) * 100, 1);
  // no woman among the members: any share is in proportion; parity has no meaning
  if (m.female === 0) return { womenShare, gapPoints, parity: null, status: 'met' };
  const met = women * m.members >= m.female * seats;
  const ratio = round((women * m.members) / (seats * m.female), 4);
  // the rounding never shows 1.0000 for a body that falls short, nor 0.9999 for one in proportion
  return { womenShare, gapPoints, parity: met ? Math.max(1, ratio) : Math.min(0.9999, ratio), status: met ? 'met' : 'not_met' };
}

export interface BodyYear {
  kind: string;
  counts: Counts | null;
}

const sumOf = (bodies: BodyYear[], kinds: string[]): { seats: number; women: number } | null => {
  const recorded = bodies.filter((b) => kinds.includes(b.kind) && b.counts);
  if (!recorded.length) return null;
  return recorded.reduce((sum, b) => ({ seats: sum.seats + (b.counts?.seats ?? 0), women: sum.women + (b.counts?.women ?? 0) }), { seats: 0, women: 0 });
};

/** The executive committee(s) of an organization taken together (null when none recorded this year). */
export function executive(bodies: BodyYear[], m: MemberGender): Comparison & { seats: number | null; women: number | null } {
  const sum = sumOf(bodies, ['executive_committee']);
  return { seats: sum?.seats ?? null, women: sum?.women ?? null, ...compare(sum?.women ?? null, sum?.seats ?? null, m) };
}

const aWoman = (bodies: BodyYear[], kinds: string[]): ParityStatus => {
  const sum = sumOf(bodies, kinds);
  return sum === null ? 'unknown' : sum.women > 0 ? 'met' : 'not_met';
};

/** The plan's five targets for one organization and year: 達成 (met), 未達 (not_met) or 未把握 (unknown). */
export function targets(bodies: BodyYear[], m: MemberGender): { target: GenderTarget; status: ParityStatus }[] {
  const { memberGenderCoverage } = memberShares(m);
  const surveyed: ParityStatus = memberGenderCoverage === null ? 'unknown' : memberGenderCoverage >= SURVEYED_COVERAGE ? 'met' : 'not_met';
  const decision = bodies
    .filter((b) => DECISION_BODIES.includes(b.kind) && b.counts)
    .map((b) => compare(b.counts?.women ?? null, b.counts?.seats ?? null, m).status);
  const decisionStatus: ParityStatus =
    decision.length === 0 || decision.includes('unknown') ? 'unknown' : decision.every((s) => s === 'met') ? 'met' : 'not_met';
  const status: Record<GenderTarget, ParityStatus> = {
    member_gender_surveyed: surveyed,
    woman_officer: aWoman(bodies, OFFICER_BODIES),
    executive_share_in_proportion: executive(bodies, m).status,
    woman_top_officer: aWoman(bodies, ['top_officers']),
    decision_bodies_in_proportion: decisionStatus,
  };
  return GENDER_TARGETS.map((target) => ({ target, status: status[target] }));
}
