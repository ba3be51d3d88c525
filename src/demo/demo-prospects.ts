import { randomBytes } from 'node:crypto';
import { query, sql } from '../platform/database/sql';
import { LedgerEntry, appendToLedger } from '../membership/membership-changes/ledger-writer';
import { EmploymentType, Gender } from '../membership/vocabulary';
import { tokyoToday } from '../platform/time/tokyo-date';
import { PROGRESS_STAGES, Stage, WORKING_STAGES, stageIndex } from '../organizing/prospects/stage-rules';
import { hashPassword } from '../platform/users/users.service';
import kanagawa from './data/kanagawa.json';
import { DemoContext } from './demo-context';

/** Fictional workplaces: a name stem with its reading, and an industry with its sector and likely federation. */
const STEMS: [string, string][] = [
  ['かもめ', 'カモメ'],
  ['あおば', 'アオバ'],
  ['しおさい', 'シオサイ'],
  ['はまかぜ', 'ハマカゼ'],
  ['みどり野', 'ミドリノ'],
  ['つばさ', 'ツバサ'],
  ['ひだまり', 'ヒダマリ'],
  ['こだま', 'コダマ'],
  ['わかば', 'ワカバ'],
  ['ほくと', 'ホクト'],
  ['やまびこ', 'ヤマビコ'],
  ['しらなみ', 'シラナミ'],
  ['ことぶき', 'コトブキ'],
  ['あさなぎ', 'アサナギ'],
  ['すずらん', 'スズラン'],
  ['たまゆら', 'タマユラ'],
  ['いろは', 'イロハ'],
  ['ゆりかご', 'ユリカゴ'],
  ['なぎさ', 'ナギサ'],
  ['ひばり', 'ヒバリ'],
];
const INDUSTRIES = [
  { word: '運送', kana: 'ウンソウ', place: '配送センター', sector: 'sec2', federation: 'f13', workers: [40, 250] },
  { word: 'ロジスティクス', kana: 'ロジスティクス', place: '物流倉庫', sector: 'sec2', federation: 'f13', workers: [80, 400] },
  { word: '介護サービス', kana: 'カイゴサービス', place: 'デイサービスセンター', sector: 'sec4', federation: 'f03', workers: [20, 120] },
  { word: 'ストア', kana: 'ストア', place: '駅前店', sector: 'sec4', federation: 'f03', workers: [30, 200] },
  { word: '食品工業', kana: 'ショクヒンコウギョウ', place: '第二工場', sector: 'sec1', federation: 'f15', workers: [60, 300] },
  { word: '精機', kana: 'セイキ', place: '本社工場', sector: 'sec1', federation: 'f05', workers: [30, 180] },
  { word: '電子', kana: 'デンシ', place: '開発センター', sector: 'sec1', federation: 'f02', workers: [50, 350] },
  { word: 'システムズ', kana: 'システムズ', place: 'サポートセンター', sector: 'sec3', federation: 'f08', workers: [40, 220] },
  { word: '交通', kana: 'コウツウ', place: '営業所', sector: 'sec2', federation: 'f19', workers: [60, 260] },
  { word: 'ホテル', kana: 'ホテル', place: '本館', sector: 'sec4', federation: 'f22', workers: [40, 160] },
  { word: 'ビルサービス', kana: 'ビルサービス', place: '管理事業所', sector: 'sec4', federation: 'f03', workers: [30, 150] },
  { word: '保育園', kana: 'ホイクエン', place: '第一園', sector: 'sec7', federation: null, workers: [15, 60] },
];
/** Final stages of the 60 demo prospects: every stage, most still early on the path. */
const FINAL_STAGES: [Stage, number][] = [
  ['identified', 10],
  ['contacted', 10],
  ['engaged', 9],
  ['committee', 6],
  ['founded', 4],
  ['affiliated', 7],
  ['on_hold', 6],
  ['lost', 8],
];
const LOST_REASONS = ['事業所閉鎖のため断念', '中心メンバーが退職', '会社側の強い反対で準備会が解散', '既存の従業員会で対応することになった', '連絡が途絶えた'];
const SUMMARIES: Record<string, string[]> = {
  identified: ['始業前に事業所前でビラを配布。', '構成組織から紹介を受け、事業所の所在と規模を確認。', '相談者の職場として訪問先リストに追加。'],
  contacted: ['昼休みに数名と名刺交換。残業代への不満が多い。', '電話でパート従業員の代表と話し、次回の面談を約束。', '資料を手渡し、労働組合の役割を説明。'],
  engaged: ['有志5名と面談。雇止めへの不安と賃金体系の不透明さが共通の関心。', '労働相談を受け、職場の課題を整理。', '中心メンバーと今後の進め方を相談。'],
  committee: ['結成準備会を開催。規約案と要求案を検討。', '準備会で加入呼びかけの分担を決定。', '結成大会の日程と会場を確認。'],
  founded: ['結成大会を開催し、執行部を選出。', '会社への結成通知と団体交渉の申し入れを支援。'],
};
const OUTCOMES: Record<string, (string | null)[]> = {
  identified: ['turned_away', 'materials_left', null],
  contacted: ['card_exchanged', 'revisit_promised', 'materials_left'],
  engaged: ['meeting_held', 'consultation_taken', 'revisit_promised'],
  committee: ['meeting_held'],
  founded: ['meeting_held'],
};
const KINDS: Record<string, string[]> = {
  identified: ['leaflet', 'visit'],
  contacted: ['visit', 'phone'],
  engaged: ['meeting', 'consultation', 'online'],
  committee: ['meeting'],
  founded: ['meeting'],
};

const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const at = (day: string, hour: number): string => `${day}T${String(hour).padStart(2, '0')}:00:00+09:00`;

/**
 * About 60 prospects over the nine councils, in every stage, each with a plausible history of
 * stage moves and visits over the past 18 months (relative to today), consultations that led to
 * some of them, an organizer per council, follow-ups due for the demo organizer, and a union
 * with its new_organizing members for each affiliated one. Seeded: the same on every load.
 */
export async function loadProspects(ctx: DemoContext): Promise<void> {
  const { manager, random } = ctx;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const today = tokyoToday();
  const admin = ctx.users.get('admin') ?? null;
  const demoOrganizer = ctx.users.get('organizer') as string;
  const yokohamaStaff = ctx.users.get('regional') ?? admin;

  const organizers = new Map<string, string[]>();
  for (const council of kanagawa.regionalCouncils) {
    const email = `organizer-${council.code}@demo.rengo-kanagawa.jp`;
    const passwordHash = await hashPassword(randomBytes(12).toString('base64url'));
    const name = `${council.name.replace('地域連合', '')} オルガナイザー`;
    const [row] = await query<{ id: string }[]>(
      manager,
      sql`INSERT INTO users (email, password_hash, display_name, role, regional_council_id)
          VALUES (${email}, ${passwordHash}, ${name}, 'organizer', ${ctx.councils.get(council.code)}) RETURNING id`,
    );
    organizers.set(council.code, council.code === 'yokohama' ? [demoOrganizer, row.id] : [row.id]);
  }

  const finals = FINAL_STAGES.flatMap(([stage, n]) => Array.from({ length: n }, () => stage));
  const otherCouncils = kanagawa.regionalCouncils.map((c) => c.code).filter((code) => code !== 'yokohama');
  for (let i = 0; i < finals.length; i++) {
    const final = finals[i];
    // a third in 横浜, where the demo users work; the rest round the other councils
    const councilCode = i % 3 === 0 ? 'yokohama' : otherCouncils[(i - Math.ceil(i / 3)) % otherCouncils.length];
    const council = kanagawa.regionalCouncils.find((c) => c.code === councilCode) as (typeof kanagawa.regionalCouncils)[number];
    const councilOrganizers = organizers.get(councilCode) as string[];
    // the demo organizer works most of 横浜's workplaces, among them one engaged and one founded to carry on
    const organizer = councilCode === 'yokohama' && (i % 2 === 0 || final === 'engaged' || final === 'founded') ? demoOrganizer : pick(councilOrganizers);
    const staff = councilCode === 'yokohama' ? yokohamaStaff : admin;
    const [stem, stemKana] = STEMS[i % STEMS.length];
    const industry = INDUSTRIES[(i * 7 + Math.floor(i / STEMS.length)) % INDUSTRIES.length];
    const employerName = industry.word === '保育園' ? `社会福祉法人${stem}会` : `株式会社${stem}${industry.word}`;
    const kana = industry.word === '保育園' ? `${stemKana}カイ` : `${stemKana}${industry.kana}`;
    const workers = between(industry.workers[0], industry.workers[1]);
    const source = final === 'lost' || i % 5 === 0 ? 'consultation' : pick(['referral', 'federation', 'corporate_group', 'outreach', 'outreach'] as const);

    // the path: start, then one step at a time (sometimes a step back), then the pause or the loss
    const reach = final === 'on_hold' ? between(1, 3) : final === 'lost' ? between(0, 3) : stageIndex(final);
    const start = source === 'consultation' && reach >= 2 && random() < 0.5 ? 2 : 0;
    const path: Stage[] = [PROGRESS_STAGES[start]];
    for (let s = start + 1; s <= reach; s++) {
      if (s >= 2 && s <= 3 && random() < 0.25) path.push(PROGRESS_STAGES[s], PROGRESS_STAGES[s - 1]);
      path.push(PROGRESS_STAGES[s]);
    }
    if (final === 'on_hold' || final === 'lost') path.push(final);

    const lastDaysAgo = final === 'affiliated' ? between(20, 240) : between(3, 45);
    const createdDaysAgo = Math.min(540, lastDaysAgo + 10 + (path.length - 1) * between(30, 70));
    const days = [addDays(today, -createdDaysAgo)];
    for (let s = 1; s < path.length; s++) {
      const remaining = createdDaysAgo - lastDaysAgo;
      days.push(addDays(today, -createdDaysAgo + Math.round((remaining * s) / (path.length - 1))));
    }
    const lastDay = days[days.length - 1];
    const municipality = pick(council.municipalities);
    const targetFederation = industry.federation ? (ctx.federations.get(industry.federation) ?? null) : null;
    const workforce = [Math.round(workers * 0.4), Math.round(workers * 0.45), Math.round(workers * 0.1)];
    const union =
      final === 'affiliated'
        ? await foundUnion(ctx, {
            employerName,
            unionName: `${stem}${industry.word}労働組合`,
            councilCode,
            municipality,
            federationId: targetFederation,
            workers,
            day: lastDay,
            staff,
          })
        : null;
    const establishment = `${municipality.replace(/[市町村]$/, '')}${industry.place}`;
    const [regular, partTime, fixedTerm] = workforce;
    const movedAt = at(lastDay, 17);
    const heldFrom = final === 'on_hold' ? path[path.length - 2] : null;
    const [prospect] = await query<{ id: string }[]>(
      manager,
      sql`INSERT INTO prospects (employer_name, employer_name_kana, establishment_name, municipality, regional_council_id, sector_code,
            target_federation_id, estimated_workers, workforce_regular, workforce_part_time, workforce_fixed_term, workforce_dispatch,
            source, stage, stage_changed_at, held_from_stage, assigned_organizer_ids, version, created_at, updated_at, created_by, updated_by, union_id)
          VALUES (${employerName}, ${kana}, ${establishment}, ${municipality}, ${ctx.councils.get(councilCode)}, ${industry.sector},
            ${targetFederation}, ${workers}, ${regular}, ${partTime}, ${fixedTerm}, ${workers - regular - partTime - fixedTerm},
            ${source}, ${final}, ${movedAt}, ${heldFrom}, ${[organizer]}, ${path.length}, ${at(days[0], 10)}, ${movedAt}, ${staff}, ${staff}, ${union?.id ?? null})
          RETURNING id`,
    );
    for (let s = 0; s < path.length; s++) {
      const byStaff = s === 0 || path[s] === 'lost' || path[s] === 'affiliated';
      const kind = s === 0 ? 'created' : path[s] === 'affiliated' ? 'affiliated' : 'moved';
      const note =
        path[s] === 'lost'
          ? pick(LOST_REASONS)
          : path[s] === 'on_hold'
            ? '会社の繁忙期のため活動を一時中断'
            : union && path[s] === 'affiliated'
              ? `${union.members}名で加盟`
              : null;
      const from = s === 0 ? null : path[s - 1];
      const changedAt = at(days[s], s === 0 ? 10 : 17);
      await query(
        manager,
        sql`INSERT INTO prospect_stage_changes (prospect_id, kind, from_stage, to_stage, note, changed_by, changed_at)
            VALUES (${prospect.id}, ${kind}, ${from}, ${path[s]}, ${note}, ${byStaff ? staff : organizer}, ${changedAt})`,
      );
    }

    // visits during each stay in a working stage
    let nextAction: string | null = null;
    for (let s = 0; s < path.length; s++) {
      const stage = path[s];
      if (!(WORKING_STAGES as readonly string[]).includes(stage)) continue;
      const until = s + 1 < path.length ? days[s + 1] : today;
      const span = Math.max(1, (Date.parse(until) - Date.parse(days[s])) / 86_400_000);
      const visits = between(1, stage === 'identified' ? 2 : 3);
      for (let v = 0; v < visits; v++) {
        const occurredOn = addDays(days[s], Math.min(span - 1, Math.floor((span * (v + 0.5)) / visits)));
        nextAction = addDays(occurredOn, between(7, 30));
        // drawn in this order, so the seeded demo stays the same
        const kind = pick(KINDS[stage]);
        const outcome = pick(OUTCOMES[stage]);
        const contacts = between(1, 4 + stageIndex(stage) * 3);
        const support = Math.max(1, 4 - stageIndex(stage) + between(-1, 1));
        const summary = pick(SUMMARIES[stage]);
        const recordedAt = at(occurredOn, 19);
        await query(
          manager,
          sql`INSERT INTO visits (prospect_id, organizer_id, occurred_on, kind, outcome, contacts_reached, support_level, summary, next_action_on,
                created_at, updated_at, created_by, updated_by)
              VALUES (${prospect.id}, ${organizer}, ${occurredOn}, ${kind}, ${outcome}, ${contacts}, ${support}, ${summary}, ${nextAction},
                ${recordedAt}, ${recordedAt}, ${organizer}, ${organizer})`,
        );
      }
    }
    if (final !== 'lost' && final !== 'affiliated') {
      // the demo organizer finds work due today or overdue; a plan long past is replaced by a new one
      let due = organizer === demoOrganizer && i % 4 !== 3 ? addDays(today, -between(0, 10)) : nextAction;
      if (due && due < addDays(today, -30)) due = addDays(today, between(-14, 21));
      await query(manager, sql`UPDATE prospects SET next_action_on = ${due} WHERE id = ${prospect.id}`);
    }
    if (source === 'consultation') {
      const receivedOn = addDays(days[0], -between(3, 20));
      const channel = pick(['street', 'phone', 'web', 'walk_in']);
      const topics = pick([['non_renewal'], ['wages', 'hours'], ['harassment'], ['dismissal', 'non_renewal'], ['social_insurance']]);
      const workersConcerned = between(2, 15);
      const summary = '同じ職場の複数の労働者から相談。職場全体の問題として組合づくりを提案。';
      await query(
        manager,
        sql`INSERT INTO consultations (received_on, regional_council_id, channel, topics, employer_name, workers_concerned, summary, prospect_id, created_by, updated_by)
            VALUES (${receivedOn}, ${ctx.councils.get(councilCode)}, ${channel}, ${topics}, ${employerName}, ${workersConcerned}, ${summary}, ${prospect.id}, ${staff}, ${staff})`,
      );
    }
  }

  // consultations that have not (yet) led to a prospect
  for (let c = 0; c < 18; c++) {
    const council = kanagawa.regionalCouncils[c % kanagawa.regionalCouncils.length];
    const receivedOn = addDays(today, -between(1, 360));
    const channel = pick(['street', 'phone', 'web', 'walk_in']);
    const topics = pick([['dismissal'], ['non_renewal'], ['harassment', 'other'], ['wages'], ['hours', 'wages'], ['social_insurance']]);
    const workersConcerned = between(1, 3);
    const summary = pick([
      '雇止めの通告を受けたとの相談。契約更新の経緯を確認し、対応を助言。',
      '上司からの叱責が続くとの相談。記録の取り方を助言。',
      '残業代が支払われていないとの相談。労働時間の記録を確認。',
      '社会保険に加入させてもらえないとの相談。',
    ]);
    const by = council.code === 'yokohama' ? yokohamaStaff : admin;
    await query(
      manager,
      sql`INSERT INTO consultations (received_on, regional_council_id, channel, topics, workers_concerned, summary, created_by, updated_by)
          VALUES (${receivedOn}, ${ctx.councils.get(council.code)}, ${channel}, ${topics}, ${workersConcerned}, ${summary}, ${by}, ${by})`,
    );
  }
}

interface Founding {
  employerName: string;
  unionName: string;
  councilCode: string;
  municipality: string;
  federationId: string | null;
  workers: number;
  day: string;
  staff: string | null;
}

/** The union founded from an affiliated workplace, with its new_organizing members in the ledger. */
async function foundUnion(ctx: DemoContext, f: Founding): Promise<{ id: string; members: number }> {
  const [union] = await query<{ id: string }[]>(
    ctx.manager,
    sql`INSERT INTO unions (name, federation_id, regional_council_id, employer_name, municipality, affiliated_on, kind, created_by, updated_by)
        VALUES (${f.unionName}, ${f.federationId}, ${ctx.councils.get(f.councilCode)}, ${f.employerName}, ${f.municipality}, ${f.day}, 'enterprise', ${f.staff}, ${f.staff})
        RETURNING id`,
  );
  const members = Math.max(5, Math.round(f.workers * (0.4 + ctx.random() * 0.3)));
  const regular = Math.round(members * 0.45);
  const regularMen = Math.round(regular * 0.6);
  const partTimeWomen = Math.round((members - regular) * 0.75);
  const lines: [EmploymentType, Gender, number][] = [
    ['regular', 'male', regularMen],
    ['regular', 'female', regular - regularMen],
    ['part_time', 'female', partTimeWomen],
    ['part_time', 'male', members - regular - partTimeWomen],
  ];
  const entries: LedgerEntry[] = lines
    .filter(([, , n]) => n > 0)
    .map(([employmentType, gender, n]) => ({
      unionId: union.id,
      effectiveOn: f.day,
      delta: n,
      cause: 'new_organizing',
      employmentType,
      gender,
      note: `加盟: ${f.employerName}`,
    }));
  await appendToLedger(ctx.manager, entries, 'demo', f.staff);
  return { id: union.id, members };
}
