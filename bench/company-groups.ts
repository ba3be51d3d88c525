import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.setup';
import { LedgerEntry, appendToLedger } from '../src/membership/membership-changes/ledger-writer';
import { loadConfig } from '../src/platform/config/app-config';
import { hashPassword } from '../src/platform/users/users.service';
import { dataSourceOptions } from '../src/platform/database/data-source-options';
import { corporateNumberCheckDigit, normalizeCompanyName } from '../src/structure/companies/company-identity';
import { recreateDatabase } from './lib/database';
import { Api } from './lib/http';
import { line, ms, summarize, timed } from './lib/stats';

/**
 * How fast 企業グループ answers: `npx nest build && node dist/bench/company-groups.js`.
 *
 * Builds its own database (rengo_bench_company_groups) with one group of BENCH_GROUP_SIZE
 * (default 2,000) companies four levels deep (1 parent, 20 children, 200 grandchildren, the
 * rest below them), a union with ledger history on every seventh company, prospects (with
 * visits) on every fifth, and BENCH_OTHER_GROUPS (default 300) other groups of 10 companies,
 * so the target list aggregates many groups. Starts the API in this process and times,
 * over HTTP, BENCH_RUNS (default 20) calls after 3 warm-up calls each of:
 *  - GET /company-groups/:companyId from a leaf (the up-walk and the whole tree), as admin
 *    and as an organizer (prospects of their council only);
 *  - GET /company-groups?hasAffiliatedUnion=true&hasUnorganized=true&prefecture=神奈川県.
 * Prints p50 and max of each. DATABASE_URL names the server.
 */
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rengo';
const SIZE = Number(process.env.BENCH_GROUP_SIZE ?? 2000);
const OTHER_GROUPS = Number(process.env.BENCH_OTHER_GROUPS ?? 300);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const ADMIN = { email: 'bench-groups@bench.rengo', password: 'bench-groups-password' };
const PREFECTURES = ['神奈川県', '神奈川県', '神奈川県', '東京都'];
const CITIES = ['横浜市', '川崎市', '藤沢市', '厚木市', '港区'];

interface Row {
  id: string;
  parent: string | null;
  name: string;
}

let serial = 1;
const corporateNumber = (): string => {
  const base = `8888${String(serial++).padStart(8, '0')}`;
  return `${corporateNumberCheckDigit(base)}${base}`;
};

/** A tree of `size` companies: 1 parent, 20 children, 200 grandchildren, the rest spread below the grandchildren. */
function groupTree(size: number, label: string): Row[] {
  const rows: Row[] = [{ id: randomUUID(), parent: null, name: `${label}ホールディングス株式会社` }];
  const levels: Row[][] = [rows.slice()];
  const widths = [20, 10];
  while (rows.length < size) {
    const above = levels[levels.length - 1];
    const level: Row[] = [];
    const width = widths[levels.length - 1] ?? Math.ceil((size - rows.length) / above.length);
    for (const parent of above) {
      for (let i = 0; i < width && rows.length < size; i++) {
        const row = { id: randomUUID(), parent: parent.id, name: `${label}関連${rows.length}株式会社` };
        rows.push(row);
        level.push(row);
      }
    }
    levels.push(level);
  }
  return rows;
}

async function seed(db: DataSource): Promise<{ leaf: string; council: string }> {
  const [{ id: council }] = await db.query(
    `INSERT INTO regional_councils (code, name, municipalities) VALUES ('bench', 'ベンチ地域連合', '{横浜市,川崎市,藤沢市,厚木市}') RETURNING id`,
  );
  await db.query(`INSERT INTO sectors (code, name, name_en) VALUES ('bench', 'ベンチ', 'bench')`);
  const [{ id: federation }] = await db.query(`INSERT INTO federations (code, name, sector_code) VALUES ('bench', 'ベンチ産別', 'bench') RETURNING id`);
  const groups = [groupTree(SIZE, 'ベンチ'), ...Array.from({ length: OTHER_GROUPS }, (_, g) => groupTree(10, `ベンチ別${g}`))];
  const all = groups.flat();
  await db.query(
    `INSERT INTO companies (id, corporate_number, name, name_normalized, prefecture, municipality, industry_code, employees_count, employees_as_of,
                            employees_source, union_presence)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::date[], $10::text[], $11::text[])`,
    [
      all.map((r) => r.id),
      all.map(() => corporateNumber()),
      all.map((r) => r.name),
      all.map((r) => normalizeCompanyName(r.name)),
      all.map((_, i) => PREFECTURES[i % PREFECTURES.length]),
      all.map((_, i) => CITIES[i % CITIES.length]),
      all.map(() => 'E'),
      all.map((_, i) => 100 + (i % 900)),
      all.map(() => '2025-03-31'),
      all.map(() => '有価証券報告書'),
      all.map((_, i) => (i % 3 === 0 ? 'none' : i % 3 === 1 ? 'unknown' : 'other_union')),
    ],
  );
  const edges = all.filter((r) => r.parent !== null);
  await db.query(
    `INSERT INTO company_relations (parent_id, child_id, kind, voting_share, confidence)
     SELECT p, c, 'consolidated_subsidiary', 100, 'high' FROM unnest($1::uuid[], $2::uuid[]) AS e (p, c)`,
    [edges.map((r) => r.parent), edges.map((r) => r.id)],
  );
  const unionized = all.filter((_, i) => i % 7 === 0);
  const unionIds: string[] = [];
  for (const company of unionized) {
    const [{ id }] = await db.query(
      `INSERT INTO unions (name, federation_id, regional_council_id, employer_name, company_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [`${company.name}労働組合`, federation, council, company.name, company.id],
    );
    unionIds.push(id);
  }
  const entries: LedgerEntry[] = unionIds.flatMap((unionId, i) => [
    { unionId, effectiveOn: '2024-04-01', delta: 50 + (i % 200), cause: 'new_organizing', employmentType: 'regular' },
    { unionId, effectiveOn: '2025-01-15', delta: -(1 + (i % 5)), cause: 'retirement', employmentType: 'regular' },
  ]);
  await db.transaction((manager) => appendToLedger(manager, entries, 'api', null));
  await db.query(`SELECT aggregation_rebuild()`);
  const [{ id: organizer }] = await db.query(
    `INSERT INTO users (email, password_hash, display_name, role, regional_council_id) VALUES ('bench-organizer@bench.rengo', $2, 'bench', 'organizer', $1) RETURNING id`,
    [council, await hashPassword(ADMIN.password)],
  );
  const prospects = all.filter((_, i) => i % 5 === 0 && i % 7 !== 0);
  await db.query(
    `INSERT INTO prospects (employer_name, municipality, regional_council_id, estimated_workers, source, stage, assigned_organizer_ids, company_id)
     SELECT n, '横浜市', $1, 100, 'corporate_group', 'contacted', ARRAY[$2::uuid], c FROM unnest($3::text[], $4::uuid[]) AS p (n, c)`,
    [council, organizer, prospects.map((r) => r.name), prospects.map((r) => r.id)],
  );
  await db.query(`INSERT INTO visits (prospect_id, organizer_id, occurred_on, kind, summary) SELECT id, $1, '2025-11-01', 'visit', '訪問' FROM prospects`, [
    organizer,
  ]);
  await db.query(`INSERT INTO users (email, password_hash, display_name, role) VALUES ($1, $2, 'bench', 'admin')`, [
    ADMIN.email,
    await hashPassword(ADMIN.password),
  ]);
  await db.query('ANALYZE');
  return { leaf: groups[0][groups[0].length - 1].id, council };
}

async function time(label: string, call: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push((await timed(call))[1]);
  const s = summarize(samples);
  line(label, `p50 ${ms(s.p50)}  max ${ms(s.max)}  (${s.count} runs)`);
}

async function main(): Promise<void> {
  const url = await recreateDatabase(SERVER, 'rengo_bench_company_groups');
  const db = new DataSource(dataSourceOptions(url));
  await db.initialize();
  const config = {
    ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', JWT_SECRET: 'bench-company-groups-secret-0123456789' }),
    databaseUrl: url,
    queuePrefix: 'bench_company_groups',
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
  };
  console.log(`seeding: one group of ${SIZE} companies and ${OTHER_GROUPS} groups of 10 …`);
  const [{ leaf }, seedMs] = await timed(() => seed(db));
  line('seeded in', ms(seedMs));
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  try {
    const port = (app.getHttpServer().address() as { port: number }).port;
    const admin = new Api(`http://127.0.0.1:${port}`);
    await admin.login(ADMIN.email, ADMIN.password);
    const tree = await admin.call('GET', `/company-groups/${leaf}`);
    line('tree size (companies)', String(tree.totals.companies));
    console.log(`\nGET over HTTP, load average ${loadavg()[0].toFixed(1)} on ${process.env.BENCH_MACHINE ?? 'this machine'}:`);
    await time(`tree of ${tree.totals.companies} companies (admin)`, () => admin.call('GET', `/company-groups/${leaf}`));
    const organizer = new Api(admin.baseUrl);
    await organizer.login('bench-organizer@bench.rengo', ADMIN.password);
    await time(`tree of ${tree.totals.companies} companies (organizer)`, () => organizer.call('GET', `/company-groups/${leaf}`));
    const targets = `/company-groups?hasAffiliatedUnion=true&hasUnorganized=true&prefecture=${encodeURIComponent('神奈川県')}`;
    const list = await admin.call('GET', targets);
    await time(`target list (${OTHER_GROUPS + 1} groups, ${list.total} match)`, () => admin.call('GET', targets));
  } finally {
    await app.close();
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
