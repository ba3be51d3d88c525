import { LedgerEntry, appendToLedger } from '../membership/membership-changes/ledger-writer';
import { Cause, EmploymentType, Gender } from '../membership/vocabulary';
import { query, sql } from '../platform/database/sql';
import { sortCounts, surveyContentHash } from '../membership/membership-surveys/survey-adjustments';
import { DemoContext } from './demo-context';

/**
 * 24 months of membership history for the demo unions, ending last month (Asia/Tokyo),
 * about 310,000 members in all and slightly shrinking, so 40万 is a stretch.
 *  - Opening balance: one `other_increase` entry per union x employment type x gender,
 *    dated the day BEFORE the first month (note 期首残高), so the 24 months show only
 *    real flows (no giant "increase" in the first month) while every month-end count
 *    includes the opening. Not a survey adjustment: no survey stands behind it.
 *  - Monthly flows by cause, seasonal as in Japanese workplaces: new hires join on 1
 *    April, retirements on 31 March, promotions out of the bargaining unit in April and
 *    October, fixed-term contracts end in March and September. Decreases follow the
 *    national survey's order (resignation, then retirement, ...); non-regular enrollment
 *    grows month by month; a few new_organizing, restructurings, dissolutions, mergers.
 *  - An annual survey (30 June) for about 40% of the unions, with small adjustments.
 */
interface Union {
  id: string;
  kind: 'enterprise' | 'general' | 'direct';
  status: 'active' | 'dissolved' | 'merged';
  federation: string | null;
}
type Bucket = [EmploymentType, Gender];

const TARGET_OPENING = 315_000;
const MONTHS = 24;
/** Shares of the year falling in each month (index 0 = January). */
const SPREAD = Array(12).fill(1 / 12) as number[];
const season = (weights: Record<number, number>): number[] => {
  const raw = SPREAD.map((base, i) => base * (weights[i + 1] ?? 1));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / sum);
};
type Pool = 'all' | 'regular' | 'non_regular';
/** Decrease causes: annual rate per member of the pool they leave from, and their season. */
const DECREASES: [Cause, number, number[], Pool][] = [
  ['resignation', 0.036, season({ 3: 2, 4: 1.4, 12: 0.7 }), 'all'],
  ['retirement', 0.026, season({ 3: 12, 9: 3 }), 'regular'],
  ['contract_end', 0.08, season({ 3: 4, 9: 2 }), 'non_regular'],
  ['promotion_to_management', 0.012, season({ 4: 10, 10: 4 }), 'regular'],
  ['transfer_out', 0.004, season({ 4: 4, 10: 3 }), 'all'],
  ['other_decrease', 0.002, SPREAD, 'all'],
  ['withdrawal', 0.001, SPREAD, 'all'],
  ['death', 0.0005, SPREAD, 'all'],
];
const NON_REGULAR: EmploymentType[] = ['part_time', 'fixed_term', 'dispatch'];
const inPool = (bucketKey: string, pool: Pool): boolean =>
  pool === 'all' || (pool === 'regular' ? bucketKey.startsWith('regular/') : NON_REGULAR.some((t) => bucketKey.startsWith(`${t}/`)));
/** Unions of these federations are mostly part-time (retail), public-sector fixed-term, or mostly women. */
const PART_TIME_HEAVY = new Set(['f03', 'f99']);
const FIXED_TERM_HEAVY = new Set(['f04', 'f07', 'f17']);
/** Women among regular members (non-regular members: more); the chapter ends near 29%. */
const FEMALE_SHARE: Record<string, number> = {
  f03: 0.32,
  f04: 0.36,
  f07: 0.42,
  f12: 0.6,
  f16: 0.4,
  f24: 0.36,
  f99: 0.45,
  f01: 0.1,
  f10: 0.07,
  f05: 0.12,
  f02: 0.17,
};
const DEFAULT_FEMALE = 0.15;
const SIZE_FACTOR: Record<string, number> = { f01: 2.6, f02: 2.2, f04: 2, f03: 1.6, f10: 1.6, f06: 1.4, f08: 1.3 };

export async function loadMembershipHistory(ctx: DemoContext): Promise<void> {
  const unions = await query<Union[]>(
    ctx.manager,
    sql`SELECT u.id, u.kind, u.status, f.code AS federation FROM unions u LEFT JOIN federations f ON f.id = u.federation_id ORDER BY u.code, u.id`,
  );
  if (unions.length === 0) return;
  const history = new History(ctx, monthsEndingLastMonth());
  history.open(unions);
  // dissolutions and mergers, never in June (the survey month)
  const closing = new Map(
    unions
      .filter((u) => u.status !== 'active')
      .map((u) => {
        const m = 6 + Math.floor(ctx.random() * 16);
        return [u.id, history.monthOf(m) === 6 ? m + 1 : m];
      }),
  );
  for (let m = 0; m < MONTHS; m++) {
    for (const union of unions) {
      if ((closing.get(union.id) ?? MONTHS) < m) continue;
      history.flows(union, m);
      if (closing.get(union.id) === m) history.close(union, m, unions);
      if (history.monthOf(m) === 6 && ctx.random() < 0.4) await history.survey(union, m);
    }
  }
  await appendToLedger(ctx.manager, history.entries, 'demo', ctx.users.get('admin') ?? null);
}

/** The first day of each of the 24 months ending last month, in Japan. */
function monthsEndingLastMonth(): string[] {
  const today = new Date(Date.now() + 9 * 3600_000);
  return Array.from({ length: MONTHS }, (_, i) => {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - MONTHS + i, 1));
    return d.toISOString().slice(0, 10);
  });
}

class History {
  readonly entries: LedgerEntry[] = [];
  /** The entry of each union|day|cause|bucket, so a day's members of one kind make one ledger row. */
  private readonly pending = new Map<string, LedgerEntry>();
  private readonly balances = new Map<string, Map<string, number>>();
  private readonly random: () => number;

  constructor(
    private readonly ctx: DemoContext,
    private readonly months: string[],
  ) {
    this.random = ctx.random;
  }

  monthOf(m: number): number {
    return Number(this.months[m].slice(5, 7));
  }

  /** Opening balances: sizes log-normal, scaled so the chapter starts at TARGET_OPENING. */
  open(unions: Union[]): void {
    const raw = unions.map((u) => {
      const base = u.kind === 'enterprise' ? 700 * Math.exp(1.1 * this.gauss()) : u.kind === 'general' ? 1200 : 250;
      return base * (SIZE_FACTOR[u.federation ?? ''] ?? 1) * (u.status === 'active' ? 1 : 0.3);
    });
    const scale = TARGET_OPENING / raw.reduce((a, b) => a + b, 0);
    const day = new Date(Date.parse(this.months[0]) - 86_400_000).toISOString().slice(0, 10);
    unions.forEach((u, i) => {
      const size = Math.max(12, Math.round(raw[i] * scale));
      for (const [bucket, share] of this.composition(u)) {
        const members = Math.round(size * share);
        if (members > 0) this.add(u, day, 'other_increase', bucket, members, '期首残高');
      }
    });
  }

  flows(u: Union, m: number): void {
    const month = this.monthOf(m);
    const size = this.total(u);
    for (const [cause, rate, shares, who] of DECREASES) {
      const n = this.poisson(this.total(u, who) * rate * shares[month - 1]);
      const day = cause === 'retirement' ? this.lastDay(m) : this.day(m);
      for (let k = 0; k < n; k++) this.removeOne(u, day, cause, who);
    }
    const regularHires = this.poisson(size * 0.058 * season({ 4: 14, 10: 2 })[month - 1]);
    for (let k = 0; k < regularHires; k++) this.add(u, month === 4 ? this.months[m] : this.day(m), 'new_hire', this.hire(u), 1);
    // organizing non-regular workers: a growing effort, stronger in part-time-heavy unions
    const enrollRate = (PART_TIME_HEAVY.has(u.federation ?? '') ? 0.04 : 0.012) * (1 + m / MONTHS);
    for (let k = this.poisson((size * enrollRate) / 12); k > 0; k--) this.add(u, this.day(m), 'non_regular_enrollment', this.nonRegular(u), 1);
    for (let k = this.poisson(size * 0.004 * season({ 4: 4, 10: 3 })[month - 1] * 1); k > 0; k--) this.add(u, this.day(m), 'transfer_in', this.existing(u), 1);
    for (let k = this.poisson((size * 0.001) / 12); k > 0; k--) this.add(u, this.day(m), 'other_increase', this.existing(u), 1);
    if ((u.kind === 'general' ? 0.08 : 0.003) > this.random()) {
      const [newMembers, day] = [15 + Math.floor(this.random() * 60), this.day(m)];
      for (let k = 0; k < newMembers; k++) this.add(u, day, 'new_organizing', this.nonRegular(u), 1, '新規組織化');
    }
    if (this.random() < 0.04 / 12 && u.kind === 'enterprise') {
      const cut = Math.round(size * (0.03 + this.random() * 0.06));
      for (let k = 0; k < cut; k++) this.removeOne(u, this.lastDay(m), 'restructuring', 'all');
    }
  }

  /** A dissolved union loses everyone; a merged one hands its members to another union of its federation. */
  close(u: Union, m: number, unions: Union[]): void {
    const day = this.lastDay(m);
    const into = unions.find((o) => o.status === 'active' && o.federation === u.federation && o.id !== u.id);
    for (const [key, members] of this.balances.get(u.id) ?? []) {
      if (members <= 0) continue;
      const bucket = key.split('/') as Bucket;
      if (u.status === 'merged' && into) {
        this.add(u, day, 'other_decrease', bucket, -members, '組織統合');
        this.add(into, day, 'merger_in', bucket, members, '組織統合');
      } else {
        this.add(u, day, 'dissolution', bucket, -members);
      }
    }
  }

  /** The annual survey on 30 June: a few counts differ a little from the ledger. */
  async survey(u: Union, m: number): Promise<void> {
    const day = `${this.months[m].slice(0, 7)}-30`;
    const current = [...(this.balances.get(u.id) ?? [])].filter(([, n]) => n > 0);
    if (current.length === 0) return;
    const counts = current.map(([key, members]) => {
      const [employmentType, gender] = key.split('/') as Bucket;
      const off = members > 20 && this.random() < 0.35 ? Math.round(members * (this.random() * 0.035 - 0.02)) : 0;
      return { employmentType, gender, members: members + off };
    });
    const sorted = sortCounts(counts);
    const total = sorted.reduce((s, c) => s + c.members, 0);
    const hash = surveyContentHash(u.id, day, sorted);
    const [{ id }] = await query<{ id: string }[]>(
      this.ctx.manager,
      sql`INSERT INTO membership_surveys (union_id, surveyed_on, counts, total_members, content_hash, recorded_by)
          VALUES (${u.id}, ${day}, ${JSON.stringify(sorted)}, ${total}, ${hash}, ${this.ctx.users.get('admin') ?? null}) RETURNING id`,
    );
    for (const c of counts) {
      const delta = c.members - (this.balances.get(u.id)?.get(`${c.employmentType}/${c.gender}`) ?? 0);
      if (delta !== 0) this.add(u, day, 'survey_adjustment', [c.employmentType, c.gender], delta, `組合員数調査 ${day}`, id);
    }
  }

  private composition(u: Union): [Bucket, number][] {
    const f = u.federation ?? '';
    const partTime = PART_TIME_HEAVY.has(f) || u.kind === 'general' ? 0.3 : 0.05 + this.random() * 0.05;
    const fixedTerm = FIXED_TERM_HEAVY.has(f) || u.kind === 'general' ? 0.15 : 0.04 + this.random() * 0.03;
    const dispatch = u.kind === 'general' ? 0.05 : 0.005;
    const types: [EmploymentType, number][] = [
      ['regular', 1 - partTime - fixedTerm - dispatch - 0.01],
      ['part_time', partTime],
      ['fixed_term', fixedTerm],
      ['dispatch', dispatch],
      ['other', 0.01],
    ];
    const female = (FEMALE_SHARE[f] ?? DEFAULT_FEMALE) * (0.85 + this.random() * 0.3);
    const unspecified = this.random() < 0.15 ? 0.05 : 0;
    return types.flatMap(([type, share]): [Bucket, number][] => {
      const f2 = type === 'regular' ? female : Math.min(0.8, female + 0.25);
      return [
        [[type, 'female'], share * f2 * (1 - unspecified)],
        [[type, 'male'], share * (1 - f2) * (1 - unspecified)],
        [[type, 'unspecified'], share * unspecified],
      ];
    });
  }

  private hire(u: Union): Bucket {
    const r = this.random();
    const type: EmploymentType = r < 0.86 ? 'regular' : r < 0.93 ? 'part_time' : r < 0.98 ? 'fixed_term' : 'other';
    const female = Math.min(0.7, (FEMALE_SHARE[u.federation ?? ''] ?? DEFAULT_FEMALE) * 1.3);
    return [type, this.random() < female ? 'female' : 'male'];
  }

  private nonRegular(u: Union): Bucket {
    const r = this.random();
    const female = Math.min(0.8, (FEMALE_SHARE[u.federation ?? ''] ?? DEFAULT_FEMALE) + 0.25);
    return [NON_REGULAR[r < 0.6 ? 0 : r < 0.9 ? 1 : 2], this.random() < female ? 'female' : 'male'];
  }

  /** A bucket drawn in proportion to the union's current members. */
  private existing(u: Union, who: Pool = 'all'): Bucket | null {
    const eligible = [...(this.balances.get(u.id) ?? [])].filter(([key, n]) => n > 0 && inPool(key, who));
    const total = eligible.reduce((s, [, n]) => s + n, 0);
    let r = this.random() * total;
    for (const [key, n] of eligible) {
      r -= n;
      if (r < 0) return key.split('/') as Bucket;
    }
    return null;
  }

  private removeOne(u: Union, day: string, cause: Cause, who: Pool): void {
    const bucket = this.existing(u, who);
    if (bucket) this.add(u, day, cause, bucket, -1);
  }

  /** Adds to the union's balance and to the entry of the same day, cause and bucket (one ledger row per group). */
  private add(u: Union, day: string, cause: Cause, bucket: Bucket | null, delta: number, note?: string, surveyId?: string): void {
    if (!bucket) return;
    const key = bucket.join('/');
    const balances = this.balances.get(u.id) ?? new Map<string, number>();
    this.balances.set(u.id, balances);
    balances.set(key, (balances.get(key) ?? 0) + delta);
    const mergeable = this.pending.get(`${u.id}|${day}|${cause}|${key}`);
    if (mergeable && cause !== 'survey_adjustment') {
      mergeable.delta += delta;
      return;
    }
    const entry: LedgerEntry = {
      unionId: u.id,
      effectiveOn: day,
      delta,
      cause,
      employmentType: bucket[0],
      gender: bucket[1],
      note: note ?? null,
      surveyId: surveyId ?? null,
    };
    this.entries.push(entry);
    this.pending.set(`${u.id}|${day}|${cause}|${key}`, entry);
  }

  private total(u: Union, who: Pool = 'all'): number {
    let sum = 0;
    for (const [key, n] of this.balances.get(u.id) ?? []) if (n > 0 && inPool(key, who)) sum += n;
    return sum;
  }

  private day(m: number): string {
    return `${this.months[m].slice(0, 8)}${String(1 + Math.floor(this.random() * 28)).padStart(2, '0')}`;
  }

  private lastDay(m: number): string {
    const [y, mo] = this.months[m].split('-').map(Number);
    return new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
  }

  private gauss(): number {
    return Math.sqrt(-2 * Math.log(1 - this.random())) * Math.cos(2 * Math.PI * this.random());
  }

  private poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.gauss()));
    let k = 0;
    for (let p = this.random(), limit = Math.exp(-mean); p > limit; p *= this.random()) k++;
    return k;
  }
}
