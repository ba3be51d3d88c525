import { DemoContext } from './demo-context';
import { query, sql } from '../platform/database/sql';

/**
 * The demo's goals and loss reviews: the chapter goal 「40万連合神奈川」 with the plan's
 * phase milestones, allocated to the nine councils (deliberately 1,500 short of the chapter
 * target, so the allocation view shows a mismatch), federation goals with a partial council
 * breakdown, and three councils' reviews of their losses.
 */
const PHASE_I = '2025-09-30';
const PHASE_II = '2030-09-30';

/** Council allocations of the chapter goal: 398,500 in all, against 400,000. */
const COUNCIL_TARGETS: [string, string, number][] = [
  ['yokohama', '横浜地域連合', 150_000],
  ['kawasaki', '川崎地域連合', 72_000],
  ['sagamihara', '相模原地域連合', 36_000],
  ['shonan', '湘南地域連合', 28_000],
  ['miura-hanto', '三浦半島地域連合', 27_000],
  ['ken-chuo', '県中央地域連合', 25_000],
  ['seisho', '西湘地域連合', 22_000],
  ['ken-o', '県央地域連合', 21_500],
  ['odawara-ashigara', '小田原・足柄地域連合', 17_000],
];

const FEDERATION_GOALS: { code: string; name: string; target: number; byCouncil: [string, number][] }[] = [
  // only three councils allocated yet: the view shows 31,000 unallocated
  {
    code: 'f03',
    name: 'UAゼンセン神奈川 組織拡大目標',
    target: 95_000,
    byCouncil: [
      ['yokohama', 38_000],
      ['kawasaki', 17_000],
      ['sagamihara', 9_000],
    ],
  },
  { code: 'f01', name: '自動車総連神奈川 組織拡大目標', target: 60_000, byCouncil: [] },
  { code: 'f02', name: '電機連合神奈川 組織拡大目標', target: 48_000, byCouncil: [] },
];

const LOSS_REVIEWS: { council: string; from: string; to: string; causes: string[]; findings: string; countermeasures: string }[] = [
  {
    council: 'yokohama',
    from: '2025-04',
    to: '2026-03',
    causes: ['resignation', 'promotion_to_management'],
    findings:
      '2025年度の減少のうち約4割が自己都合退職で、特に入社3年未満の若年層で目立った。小売・金融系の単組では管理職昇格による組合員範囲外への移行も増えている。',
    countermeasures:
      '新入組合員向けの職場懇談会を四半期ごとに開き、労働相談の窓口を周知する。管理職昇格者の扱いは組合員範囲の見直しを単組と協議し、構成組織と事例を共有する。',
  },
  {
    council: 'kawasaki',
    from: '2025-10',
    to: '2026-03',
    causes: ['restructuring', 'contract_end'],
    findings: '臨海部の事業所再編(工場の集約・閉鎖)で二つの単組が大きく減少した。派遣・有期契約の雇止めも相次いだ。',
    countermeasures:
      '再編対象の事業所について基幹労連・JEC連合と情報を共有し、移籍先での組合加入を働きかける。雇止めの相談はまちかど労働相談につなぎ、地域ユニオンへの加入を案内する。',
  },
  {
    council: 'sagamihara',
    from: '2025-04',
    to: '2025-09',
    causes: ['retirement', 'contract_end'],
    findings: '定年退職が続く一方、定年後再雇用者の組合加入率が低く、そのまま組合員数の減少になっている。',
    countermeasures: '再雇用者の継続加入を単組に働きかけ、モデル協定を示す。第Ⅱ期の重点として非正規労働者の組織化と合わせて進める。',
  },
];

/** The first day of the current fiscal year (April), in Japan: the goals' baseline. */
function fiscalYearStart(): string {
  const today = new Date(Date.now() + 9 * 3600_000);
  const year = today.getUTCMonth() + 1 >= 4 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  return `${year}-04-01`;
}

export async function loadGoals(ctx: DemoContext): Promise<void> {
  const by = ctx.users.get('leadership') ?? null;
  const baseline = fiscalYearStart();
  const insertGoal = async (
    name: string,
    target: number,
    scope: { federationId?: string; regionalCouncilId?: string },
    parentId: string | null,
    milestones: { name: string; dueOn: string; targetMembers: number }[],
  ): Promise<string> => {
    const [row] = await query<{ id: string }[]>(
      ctx.manager,
      sql`INSERT INTO goals (name, target_members, target_on, baseline_on, federation_id, regional_council_id, parent_goal_id,
                          milestones, created_by, updated_by)
       VALUES (${name}, ${target}, ${PHASE_II}, ${baseline}, ${scope.federationId ?? null}, ${scope.regionalCouncilId ?? null}, ${parentId},
               ${JSON.stringify(milestones)}, ${by}, ${by}) RETURNING id`,
    );
    return row.id;
  };
  // Phase I: 96% of the way at the mid-term review; Phase II: the goal itself
  const phases = (target: number) => [
    { name: '第Ⅰ期(2025年9月 中間総括)', dueOn: PHASE_I, targetMembers: Math.round((target * 0.96) / 100) * 100 },
    { name: '第Ⅱ期(2030年9月)', dueOn: PHASE_II, targetMembers: target },
  ];

  const chapter = await insertGoal('40万連合神奈川', 400_000, {}, null, phases(400_000));
  for (const [code, name, target] of COUNCIL_TARGETS) {
    await insertGoal(`${name} 組織拡大目標`, target, { regionalCouncilId: ctx.councils.get(code) }, chapter, phases(target));
  }
  for (const goal of FEDERATION_GOALS) {
    const federationId = ctx.federations.get(goal.code);
    const id = await insertGoal(goal.name, goal.target, { federationId }, null, phases(goal.target));
    for (const [council, target] of goal.byCouncil) {
      const councilName = COUNCIL_TARGETS.find(([code]) => code === council)?.[1] ?? council;
      await insertGoal(`${goal.name}(${councilName})`, target, { federationId, regionalCouncilId: ctx.councils.get(council) }, id, []);
    }
  }

  for (const review of LOSS_REVIEWS) {
    const author = review.council === 'yokohama' ? ctx.users.get('regional') : ctx.users.get('admin');
    const by = author ?? null;
    await query(
      ctx.manager,
      sql`INSERT INTO loss_reviews (regional_council_id, period_from, period_to, causes, findings, countermeasures, created_by, updated_by)
          VALUES (${ctx.councils.get(review.council)}, ${`${review.from}-01`}, ${`${review.to}-01`}, ${review.causes}, ${review.findings},
                  ${review.countermeasures}, ${by}, ${by})`,
    );
  }
}
