import kanagawa from './data/kanagawa.json';
import { query, sql } from '../platform/database/sql';
import { DemoContext } from './demo-context';

/** A demo union as later demo steps need it. */
export interface DemoUnion {
  id: string;
  councilCode: string;
  federationCode: string | null;
  kind: 'enterprise' | 'general' | 'direct';
}

/** Enterprise unions per council: most in 横浜 and 川崎, as in reality. */
const COUNCIL_UNIONS: Record<string, number> = {
  yokohama: 40,
  kawasaki: 25,
  sagamihara: 14,
  shonan: 13,
  'miura-hanto': 12,
  'ken-chuo': 12,
  seisho: 11,
  'ken-o': 10,
  'odawara-ashigara': 8,
};

/** How often a federation's unions appear; the large federations dominate. */
const FEDERATION_WEIGHTS: Record<string, number> = {
  f03: 14,
  f01: 13,
  f02: 11,
  f04: 11,
  f05: 7,
  f10: 4,
  f06: 4,
  f07: 3,
  f08: 3,
  f09: 3,
  f13: 3,
  f14: 3,
  f15: 3,
  f11: 2,
  f12: 2,
  f19: 2,
  f22: 2,
  f16: 1,
  f17: 1,
  f18: 1,
  f20: 1,
  f21: 1,
  f24: 1,
  f26: 1,
  f27: 1,
  f99: 1,
  f23: 0.5,
  f25: 0.5,
};

/** Local industry: heavy industry in 川崎, the auto plants of 三浦半島 and 県央, the US bases, tourism in 箱根, finance and the port in 横浜. */
const LOCAL_BIAS: Record<string, Record<string, number>> = {
  yokohama: { f12: 2, f16: 2, f23: 4, f13: 1.5, f03: 1.3 },
  kawasaki: { f10: 3, f14: 3, f02: 1.5, f20: 2 },
  'miura-hanto': { f01: 2, f17: 6, f23: 3 },
  'ken-o': { f01: 2, f05: 1.5 },
  'ken-chuo': { f17: 6, f05: 1.5 },
  sagamihara: { f02: 1.5, f05: 1.5, f17: 4 },
  'odawara-ashigara': { f22: 4, f15: 2 },
  shonan: { f01: 1.5, f02: 1.3 },
  seisho: { f15: 1.5, f26: 2 },
};
/** 全駐労 organizes the workers of the US bases, which lie only in these councils. */
const ONLY_IN: Record<string, string[]> = { f17: ['miura-hanto', 'ken-chuo', 'sagamihara'] };

/** [union name, employer name]; {x} is a fictional company stem, {m} the municipality, {p} the place (横須賀). */
const PATTERNS: Record<string, [string, string][]> = {
  f01: [
    ['{x}自動車労働組合', '{x}自動車株式会社'],
    ['{x}部品労働組合', '株式会社{x}部品'],
    ['神奈川{x}モーター労働組合', '株式会社神奈川{x}モーター'],
  ],
  f02: [
    ['{x}電機労働組合', '{x}電機株式会社'],
    ['{x}電子労働組合', '株式会社{x}電子'],
    ['{x}システムズ労働組合', '{x}システムズ株式会社'],
  ],
  f03: [
    ['{x}ストア労働組合', '株式会社{x}ストア'],
    ['{x}フーズ労働組合', '{x}フーズ株式会社'],
    ['{x}ドラッグユニオン', '株式会社{x}ドラッグ'],
    ['{x}ホームセンター労働組合', '株式会社{x}ホームセンター'],
    ['{x}ケアサービス労働組合', '株式会社{x}ケアサービス'],
    ['{x}繊維労働組合', '{x}繊維株式会社'],
  ],
  f04: [
    ['{m}職員労働組合', '{m}'],
    ['{m}水道労働組合', '{m}水道局'],
    ['{m}清掃労働組合', '{m}環境事業局'],
    ['{m}社会福祉協議会職員労働組合', '社会福祉法人{m}社会福祉協議会'],
    ['{x}福祉会職員労働組合', '社会福祉法人{x}福祉会'],
  ],
  f05: [
    ['{x}精機労働組合', '株式会社{x}精機'],
    ['{x}製作所労働組合', '株式会社{x}製作所'],
    ['{x}工業労働組合', '{x}工業株式会社'],
  ],
  f06: [
    ['{x}ポスタル労働組合', '株式会社{x}ポスタルサービス'],
    ['{x}郵便輸送労働組合', '{x}郵便輸送株式会社'],
  ],
  f07: [
    ['{m}教職員組合', '{m}教育委員会'],
    ['{x}学園教職員組合', '学校法人{x}学園'],
  ],
  f08: [
    ['{x}通信労働組合', '{x}通信株式会社'],
    ['{x}テレコム労働組合', '株式会社{x}テレコム'],
  ],
  f09: [
    ['{x}電鉄労働組合', '{x}電鉄株式会社'],
    ['{x}バス労働組合', '{x}バス株式会社'],
  ],
  f10: [
    ['{x}製鋼労働組合', '{x}製鋼株式会社'],
    ['{x}造船労働組合', '{x}造船株式会社'],
    ['{x}重工労働組合', '{x}重工業株式会社'],
  ],
  f11: [
    ['{x}電設労働組合', '{x}電設工業株式会社'],
    ['{x}エネルギーサービス労働組合', '株式会社{x}エネルギーサービス'],
  ],
  f12: [['{x}生命労働組合', '{x}生命保険株式会社']],
  f13: [
    ['{x}運輸労働組合', '{x}運輸株式会社'],
    ['{x}物流労働組合', '株式会社{x}物流'],
  ],
  f14: [
    ['{x}化学労働組合', '{x}化学工業株式会社'],
    ['{x}石油労働組合', '{x}石油精製株式会社'],
  ],
  f15: [
    ['{x}食品労働組合', '{x}食品株式会社'],
    ['{x}製菓労働組合', '株式会社{x}製菓'],
    ['{x}乳業労働組合', '{x}乳業株式会社'],
  ],
  f16: [['{x}損害保険労働組合', '{x}損害保険株式会社']],
  f17: [['全駐労{p}支部', '防衛省(在日米軍基地従業員)']],
  f18: [['{x}公務労働組合', '独立行政法人{x}機構']],
  f19: [
    ['{x}タクシー労働組合', '{x}交通株式会社'],
    ['{x}ハイヤー労働組合', '株式会社{x}ハイヤー'],
  ],
  f20: [['{x}電線労働組合', '{x}電線株式会社']],
  f21: [['{x}ステーションサービス労働組合', '株式会社{x}ステーションサービス']],
  f22: [
    ['{x}ホテル労働組合', '株式会社{x}ホテルズ'],
    ['{x}観光労働組合', '{x}観光株式会社'],
  ],
  f23: [['{x}海運労働組合', '{x}汽船株式会社']],
  f24: [['{x}労働金庫職員労働組合', '{x}労働金庫']],
  f25: [['{x}エアサービス労働組合', '株式会社{x}エアサービス']],
  f26: [['{x}ゴム労働組合', '{x}ゴム工業株式会社']],
  f27: [
    ['{m}水道労働組合', '{m}上下水道局'],
    ['{x}水道サービス労働組合', '株式会社{x}水道サービス'],
  ],
  f99: [['{x}医療生協労働組合', '{x}医療生活協同組合']],
};

/** Invented stems for fictional employers. */
const STEMS = (
  '湘陽 相晴 港栄 浜風 丹嶺 鶴翔 緑峰 柏陽 青嵐 明浜 富嶺 瑞浜 翠湘 凪浜 朝凪 潮音 汐見 白帆 星港 相武 ' +
  '金澄 本牧台 戸塚野 大船台 綾和 座栄 海老名野 秦嶺 足柄野 箱嶺 三崎浜 葉山台 茅湘 寒川野 厚嶺 愛川台 橋本台 淵陽 ' +
  '中原台 高津浜 麻生台 磯陽 瀬谷野 旭浜 若嶺 桜湘 菫浜 楓台 椿港 柊陽 樫野 榛名台 晴海台 光港 暁浜 燈台 雅湘 萌浜'
).split(' ');

interface Planned {
  name: string;
  employer: string;
  councilCode: string;
  federationCode: string | null;
  municipality: string;
  kind: DemoUnion['kind'];
}

/** About 150 plausible unions over the nine councils and the federations; the same on every load (ctx.random). */
export async function loadUnions(ctx: DemoContext): Promise<void> {
  const plan = planUnions(ctx.random);
  for (const [i, u] of plan.entries()) {
    const status = pickWeighted(ctx.random, [
      ['active', 94],
      ['dissolved', 4],
      ['merged', 2],
    ]);
    const code = `u${String(i + 1).padStart(3, '0')}`;
    const federationId = u.federationCode ? (ctx.federations.get(u.federationCode) ?? null) : null;
    const affiliated = ctx.random() < 0.1 ? null : affiliatedOn(ctx.random);
    await query(
      ctx.manager,
      sql`INSERT INTO unions (code, name, federation_id, regional_council_id, employer_name, municipality, affiliated_on, status, kind)
          VALUES (${code}, ${u.name}, ${federationId}, ${ctx.councils.get(u.councilCode)}, ${u.employer}, ${u.municipality}, ${affiliated},
                  ${u.kind === 'enterprise' ? status : 'active'}, ${u.kind})`,
    );
  }
}

/** The demo unions, read back for later steps (DemoContext holds only councils, federations and users). */
export async function demoUnions(ctx: DemoContext): Promise<DemoUnion[]> {
  return query<DemoUnion[]>(
    ctx.manager,
    sql`SELECT u.id, c.code AS "councilCode", f.code AS "federationCode", u.kind
     FROM unions u
     JOIN regional_councils c ON c.id = u.regional_council_id
     LEFT JOIN federations f ON f.id = u.federation_id
     ORDER BY u.code, u.id`,
  );
}

function planUnions(random: () => number): Planned[] {
  const councils = new Map(kanagawa.regionalCouncils.map((c) => [c.code, c.municipalities]));
  const used = new Set<string>();
  const municipalityIn = (code: string): string => {
    const list = councils.get(code) ?? [];
    // the council's main city (listed first) has the most workplaces
    return pickWeighted(
      random,
      list.map((m, i): [string, number] => [m, i === 0 ? 3 : 1]),
    );
  };
  const plan: Planned[] = [];
  for (const [councilCode, count] of Object.entries(COUNCIL_UNIONS)) {
    const federations = Object.entries(FEDERATION_WEIGHTS)
      .filter(([code]) => !ONLY_IN[code] || ONLY_IN[code].includes(councilCode))
      .map(([code, weight]): [string, number] => [code, weight * (LOCAL_BIAS[councilCode]?.[code] ?? 1)]);
    for (let n = 0; n < count; n++) {
      const federationCode = pickWeighted(random, federations);
      const municipality = municipalityIn(councilCode);
      const [name, employer] = uniqueNames(random, PATTERNS[federationCode], municipality, used);
      plan.push({ name, employer, councilCode, federationCode, municipality, kind: 'enterprise' });
    }
  }
  const general = '(個人加盟・複数事業所)';
  plan.push(
    { name: '連合ユニオン神奈川', employer: general, councilCode: 'yokohama', federationCode: null, municipality: '横浜市', kind: 'general' },
    { name: '地域ゼネラル連合 湘南ユニオン', employer: general, councilCode: 'shonan', federationCode: 'f99', municipality: '藤沢市', kind: 'general' },
    { name: '地域ゼネラル連合 県央ユニオン', employer: general, councilCode: 'ken-o', federationCode: 'f99', municipality: '厚木市', kind: 'general' },
  );
  for (const councilCode of ['kawasaki', 'sagamihara']) {
    const municipality = municipalityIn(councilCode);
    const [name, employer] = uniqueNames(random, [['{x}労働組合', '株式会社{x}']], municipality, used);
    plan.push({ name, employer, councilCode, federationCode: null, municipality, kind: 'direct' });
  }
  return plan;
}

/** A union name not used yet; after many tries (patterns without a stem run out) a plain stem pattern. */
function uniqueNames(random: () => number, patterns: [string, string][], municipality: string, used: Set<string>): [string, string] {
  for (let attempt = 0; ; attempt++) {
    const choices: [string, string][] = attempt < 50 ? patterns : [['{x}労働組合', '株式会社{x}']];
    const [unionPattern, employerPattern] = choices[Math.floor(random() * choices.length)];
    const stem = STEMS[Math.floor(random() * STEMS.length)];
    const fill = (pattern: string): string =>
      pattern
        .replace('{x}', stem)
        .replace('{m}', municipality)
        .replace('{p}', municipality.replace(/[市町村]$/, ''));
    const name = fill(unionPattern);
    if (!used.has(name)) {
      used.add(name);
      return [name, fill(employerPattern)];
    }
  }
}

function pickWeighted<T>(random: () => number, options: [T, number][]): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let r = random() * total;
  for (const [value, weight] of options) {
    r -= weight;
    if (r < 0) return value;
  }
  return options[options.length - 1][0];
}

/** A day between Rengo Kanagawa's founding (1989) and 2024. */
function affiliatedOn(random: () => number): string {
  const year = 1989 + Math.floor(random() * 36);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
