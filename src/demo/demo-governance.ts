import { query, sql } from '../platform/database/sql';
import { DemoContext } from './demo-context';

/**
 * The demo's decision bodies (ジェンダー平等): the confederation's, most federations' and every
 * council's executive committee and top officers (三役), with a few delegates' meetings and the
 * confederation's women's committee, over the current and the previous fiscal year, as counts.
 * Women's seats are drawn around each organization's own female member share (from the demo
 * ledger), so some bodies are in proportion and most fall short, as in life; a few
 * federations record nothing, and 横浜地域連合 has not yet recorded this year, so 未把握 shows.
 */
const NOT_REPORTING = new Set(['f09', 'f17', 'f21', 'f23', 'f26']);
/** Councils that have recorded last year only (the demo's regional user records this year's). */
const LAST_YEAR_ONLY = new Set(['yokohama']);
const WITH_DELEGATES = new Set(['f01', 'f02', 'f03', 'f04', 'f07']);
const WITH_QUOTA = new Set(['f03', 'f04', 'f07', 'f12', 'kawasaki', 'shonan']);

interface Owner {
  kind: 'confederation' | 'federation' | 'regional_council';
  code: string;
  id: string | null;
  /** female / members in the demo ledger (0.2 without members). */
  femaleShare: number;
}

export async function loadGovernance(ctx: DemoContext): Promise<void> {
  const thisYear = fiscalYearNow();
  const shares = await femaleShares(ctx);
  const owners: Owner[] = [
    { kind: 'confederation', code: 'rengo', id: null, femaleShare: shares.get('all') ?? 0.2 },
    ...[...ctx.federations].map(([code, id]): Owner => ({ kind: 'federation', code, id, femaleShare: shares.get(id) ?? 0.2 })),
    ...[...ctx.councils].map(([code, id]): Owner => ({ kind: 'regional_council', code, id, femaleShare: shares.get(id) ?? 0.2 })),
  ];
  for (const owner of owners) {
    if (NOT_REPORTING.has(owner.code)) continue;
    const years = LAST_YEAR_ONLY.has(owner.code) ? [thisYear - 1] : [thisYear - 1, thisYear];
    const quota = owner.kind === 'confederation' || WITH_QUOTA.has(owner.code);
    // how close this organization comes to proportion: a few above, most below
    const reach = 0.35 + ctx.random() * 0.85;
    const executive = await body(ctx, owner, 'executive_committee', '執行委員会');
    const seats = owner.kind === 'confederation' ? 40 : 15 + Math.floor(ctx.random() * 16);
    for (const [i, year] of years.entries()) {
      // the later year a little closer to the plan
      const women = Math.min(seats, Math.round(seats * owner.femaleShare * (reach + i * 0.08)));
      await composition(ctx, executive, year, seats, women, 0, quota);
    }
    const officers = await body(ctx, owner, 'top_officers', '三役');
    const womanOfficer = ctx.random() < 0.35 || owner.kind === 'confederation';
    for (const year of years) await composition(ctx, officers, year, 4, womanOfficer && year === thisYear ? 1 : 0, 0, false);
    if (owner.kind === 'confederation' || WITH_DELEGATES.has(owner.code)) {
      const delegates = await body(ctx, owner, 'convention_delegates', '定期大会代議員');
      const delegateSeats = owner.kind === 'confederation' ? 300 : 80 + Math.floor(ctx.random() * 80);
      for (const year of years) {
        const unspecified = Math.floor(delegateSeats * 0.02);
        const women = Math.round(delegateSeats * owner.femaleShare * (0.7 + ctx.random() * 0.4));
        await composition(ctx, delegates, year, delegateSeats, women, unspecified, quota);
      }
    }
    if (owner.kind === 'confederation') {
      const committee = await body(ctx, owner, 'women_committee', '女性委員会');
      for (const year of years) await composition(ctx, committee, year, 18, 18, 0, false);
    }
  }
}

/** The fiscal year (from April) of today in Japan. */
function fiscalYearNow(): number {
  const today = new Date(Date.now() + 9 * 3600_000);
  return today.getUTCMonth() + 1 >= 4 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
}

/** Female share of members by federation id, council id and 'all', from the demo ledger as written so far. */
async function femaleShares(ctx: DemoContext): Promise<Map<string, number>> {
  const rows = await query<{ key: string; female: number; members: number }[]>(
    ctx.manager,
    sql`SELECT coalesce(k.key, 'all') AS key, sum(m.delta) FILTER (WHERE m.gender = 'female')::int AS female, sum(m.delta)::int AS members
          FROM membership_changes m JOIN unions u ON u.id = m.union_id
          CROSS JOIN LATERAL (VALUES (u.federation_id::text), (u.regional_council_id::text), (NULL)) AS k(key)
         GROUP BY k.key`,
  );
  return new Map(rows.filter((r) => r.members > 0).map((r) => [r.key, (r.female ?? 0) / r.members]));
}

async function body(ctx: DemoContext, owner: Owner, kind: string, name: string): Promise<string> {
  const [row] = await query<{ id: string }[]>(
    ctx.manager,
    sql`INSERT INTO governance_bodies (organization_kind, federation_id, regional_council_id, kind, name, created_by, updated_by)
        VALUES (${owner.kind}, ${owner.kind === 'federation' ? owner.id : null}, ${owner.kind === 'regional_council' ? owner.id : null},
                ${kind}, ${name}, ${ctx.users.get('admin') ?? null}, ${ctx.users.get('admin') ?? null})
        RETURNING id`,
  );
  return row.id;
}

async function composition(ctx: DemoContext, bodyId: string, year: number, seats: number, women: number, unspecified: number, quota: boolean): Promise<void> {
  await query(
    ctx.manager,
    sql`INSERT INTO governance_compositions (body_id, fiscal_year, seats, women, men, unspecified, women_quota, created_by, updated_by)
        VALUES (${bodyId}, ${year}, ${seats}, ${women}, ${seats - women - unspecified}, ${unspecified}, ${quota},
                ${ctx.users.get('admin') ?? null}, ${ctx.users.get('admin') ?? null})`,
  );
}
