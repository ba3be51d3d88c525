import { query, sql } from '../platform/database/sql';
import { corporateNumberCheckDigit, normalizeCompanyName } from '../structure/companies/company-identity';
import type { IndustryCode, UnionPresence } from '../structure/companies/company.entity';
import type { RelationKind } from '../structure/companies/company-relation.entity';
import { DemoContext } from './demo-context';

/** An invented 法人番号 with a correct check digit (the 9999 prefix marks it as made up). */
const corporateNumber = (serial: number): string => {
  const base = `9999${String(serial).padStart(8, '0')}`;
  return `${corporateNumberCheckDigit(base)}${base}`;
};

interface DemoCompany {
  key: string;
  name: string;
  kana?: string;
  prefecture: string;
  municipality: string;
  industry: IndustryCode;
  employees: number | null;
  listed?: boolean;
  presence?: UnionPresence;
  otherUnion?: string;
  /** The parent's key, the kind and the voting share. */
  under?: [string, RelationKind, number];
  /** A demo union (by its employer name) of this company. */
  unionOf?: string;
}

const SOURCE = '有価証券報告書（2025年3月期）関係会社の状況';

/**
 * Three invented corporate groups in Kanagawa, so 企業グループ shows its point on first
 * start: 1) a manufacturer whose union is affiliated (a demo union becomes its company), with
 * an affiliated logistics subsidiary, four unorganized subsidiaries in Kanagawa (one already
 * a prospect of the Yokohama organizer), one with another union outside the chapter, one
 * unknown, an equity affiliate; 2) a Kawasaki group with an affiliated parent and a mix;
 * 3) a food group with no union at all (not on the target list of affiliated groups).
 */
export async function loadCompanies(ctx: DemoContext): Promise<void> {
  const pick = async (councilCode: string, skip = 0): Promise<{ id: string; employer: string; municipality: string | null }> => {
    const [row] = await query<{ id: string; employer: string; municipality: string | null }[]>(
      ctx.manager,
      sql`SELECT id, employer_name AS employer, municipality FROM unions
           WHERE kind = 'enterprise' AND status = 'active' AND regional_council_id = ${ctx.councils.get(councilCode)}
           ORDER BY name, id OFFSET ${skip} LIMIT 1`,
    );
    return row;
  };
  const shonanParent = await pick('shonan');
  const yokohamaChild = await pick('yokohama');
  const kawasakiParent = await pick('kawasaki');
  const stem = (employer: string): string => employer.replace(/株式会社|（株）|\(株\)/g, '').trim();
  const a = stem(shonanParent.employer);
  const k = stem(kawasakiParent.employer);
  const companies: DemoCompany[] = [
    // group 1: 藤沢 manufacturer
    {
      key: 'a',
      name: shonanParent.employer,
      prefecture: '神奈川県',
      municipality: shonanParent.municipality ?? '藤沢市',
      industry: 'E',
      employees: 6800,
      listed: true,
      unionOf: shonanParent.id,
    },
    {
      key: 'a-logi',
      name: yokohamaChild.employer,
      prefecture: '神奈川県',
      municipality: yokohamaChild.municipality ?? '横浜市',
      industry: 'H',
      employees: 950,
      under: ['a', 'consolidated_subsidiary', 100],
      unionOf: yokohamaChild.id,
    },
    {
      key: 'a-parts',
      name: `${a}部品株式会社`,
      prefecture: '神奈川県',
      municipality: '横浜市',
      industry: 'E',
      employees: 410,
      presence: 'none',
      under: ['a', 'consolidated_subsidiary', 100],
    },
    {
      key: 'a-service',
      name: `${a}サービス株式会社`,
      prefecture: '神奈川県',
      municipality: '横浜市',
      industry: 'R',
      employees: 260,
      presence: 'none',
      under: ['a', 'consolidated_subsidiary', 100],
    },
    {
      key: 'a-staff',
      name: `${a}スタッフ株式会社`,
      prefecture: '神奈川県',
      municipality: '横浜市',
      industry: 'R',
      employees: 320,
      presence: 'none',
      under: ['a-service', 'consolidated_subsidiary', 100],
    },
    {
      key: 'a-tech',
      name: `${a}テクノ株式会社`,
      prefecture: '神奈川県',
      municipality: '平塚市',
      industry: 'E',
      employees: 180,
      presence: 'none',
      under: ['a', 'consolidated_subsidiary', 80],
    },
    {
      key: 'a-eng',
      name: `${a}エンジニアリング株式会社`,
      prefecture: '神奈川県',
      municipality: '厚木市',
      industry: 'L',
      employees: 140,
      under: ['a', 'consolidated_subsidiary', 100],
    },
    {
      key: 'a-sales',
      name: `${a}販売株式会社`,
      prefecture: '東京都',
      municipality: '港区',
      industry: 'I',
      employees: 520,
      presence: 'other_union',
      otherUnion: `${a}販売労働組合（上部団体なし）`,
      under: ['a', 'consolidated_subsidiary', 100],
    },
    {
      key: 'a-chem',
      name: `${a}ケミカル株式会社`,
      prefecture: '神奈川県',
      municipality: '川崎市',
      industry: 'E',
      employees: 300,
      under: ['a', 'equity_affiliate', 34],
    },
    // group 2: 川崎
    {
      key: 'k',
      name: kawasakiParent.employer,
      prefecture: '神奈川県',
      municipality: kawasakiParent.municipality ?? '川崎市',
      industry: 'E',
      employees: 2400,
      listed: true,
      unionOf: kawasakiParent.id,
    },
    {
      key: 'k-logi',
      name: `${k}ロジスティクス株式会社`,
      prefecture: '神奈川県',
      municipality: '川崎市',
      industry: 'H',
      employees: 350,
      presence: 'none',
      under: ['k', 'consolidated_subsidiary', 100],
    },
    {
      key: 'k-maint',
      name: `${k}メンテナンス株式会社`,
      prefecture: '神奈川県',
      municipality: '横浜市',
      industry: 'R',
      employees: 210,
      presence: 'other_union',
      otherUnion: `${k}メンテナンスユニオン`,
      under: ['k', 'consolidated_subsidiary', 100],
    },
    {
      key: 'k-it',
      name: `${k}システムズ株式会社`,
      prefecture: '神奈川県',
      municipality: '相模原市',
      industry: 'G',
      employees: null,
      under: ['k', 'unconsolidated_subsidiary', 60],
    },
    // group 3: no union yet
    {
      key: 'f',
      name: '株式会社みなと湾岸食品',
      kana: 'ミナトワンガンショクヒン',
      prefecture: '神奈川県',
      municipality: '横浜市',
      industry: 'E',
      employees: 1200,
      presence: 'none',
    },
    {
      key: 'f-deli',
      name: 'みなと湾岸デリカ株式会社',
      prefecture: '神奈川県',
      municipality: '大和市',
      industry: 'E',
      employees: 480,
      presence: 'none',
      under: ['f', 'consolidated_subsidiary', 100],
    },
    {
      key: 'f-shop',
      name: 'みなと湾岸フードサービス株式会社',
      prefecture: '神奈川県',
      municipality: '横浜市',
      industry: 'M',
      employees: 650,
      under: ['f', 'consolidated_subsidiary', 100],
    },
  ];
  const ids = new Map<string, string>();
  let serial = 101;
  for (const c of companies) {
    const [row] = await query<{ id: string }[]>(
      ctx.manager,
      sql`INSERT INTO companies (corporate_number, edinet_code, name, name_kana, name_normalized, prefecture, municipality, industry_code,
                                 employees_count, employees_as_of, employees_source, listed, union_presence, other_union_name)
          VALUES (${corporateNumber(serial++)}, ${c.listed ? `E9${String(serial).padStart(4, '0')}` : null}, ${c.name}, ${c.kana ?? null},
                  ${normalizeCompanyName(c.name)}, ${c.prefecture}, ${c.municipality}, ${c.industry}, ${c.employees},
                  ${c.employees === null ? null : '2025-03-31'}, ${c.employees === null ? null : SOURCE}, ${c.listed ?? (c.under ? false : null)},
                  ${c.presence ?? 'unknown'}, ${c.otherUnion ?? null})
          RETURNING id`,
    );
    ids.set(c.key, row.id);
    if (c.unionOf) await query(ctx.manager, sql`UPDATE unions SET company_id = ${row.id} WHERE id = ${c.unionOf}`);
  }
  for (const c of companies.filter((x) => x.under)) {
    const [parent, kind, share] = c.under!;
    await query(
      ctx.manager,
      sql`INSERT INTO company_relations (parent_id, child_id, kind, voting_share, start_on, source, confidence)
          VALUES (${ids.get(parent)}, ${ids.get(c.key)}, ${kind}, ${share}, '2015-04-01', ${SOURCE}, 'high')`,
    );
  }
  // the Yokohama organizer already works on one subsidiary: the tree shows its stage
  const organizer = ctx.users.get('organizer') as string;
  const staff = ctx.users.get('regional') as string;
  const service = companies.find((c) => c.key === 'a-service')!;
  const [prospect] = await query<{ id: string }[]>(
    ctx.manager,
    sql`INSERT INTO prospects (employer_name, municipality, regional_council_id, sector_code, estimated_workers, source, stage, assigned_organizer_ids,
                               next_action_on, company_id, created_by, updated_by)
        VALUES (${service.name}, ${service.municipality}, ${ctx.councils.get('yokohama')}, 'sec4', ${service.employees}, 'corporate_group', 'contacted',
                ${[organizer]}, (now() AT TIME ZONE 'Asia/Tokyo')::date + 3, ${ids.get('a-service')}, ${staff}, ${staff})
        RETURNING id`,
  );
  await query(
    ctx.manager,
    sql`INSERT INTO prospect_stage_changes (prospect_id, kind, from_stage, to_stage, changed_by)
        VALUES (${prospect.id}, 'created', NULL, 'identified', ${staff}), (${prospect.id}, 'moved', 'identified', 'contacted', ${organizer})`,
  );
}
