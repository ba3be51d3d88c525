import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { connect, recreateDatabase } from './lib/database';
import { multipartBody, writeCsvWithHugeCell, writeSharedStringsBomb, writeXlsxZipBomb } from './lib/hostile-files';
import { Api } from './lib/http';
import { bytesUnder, leftSince, megabytes, type Leftovers } from './lib/leftovers';
import { PeakRss } from './lib/memory';
import { BULK_ITEMS, postBulkRounds, readReports } from './lib/ordinary-load';
import { startProcess, stop, waitForHealth } from './lib/processes';
import { ms } from './lib/stats';
import { seedBenchUnions } from './lib/structure';

/**
 * Hostile input against the API and the worker as production runs them (separate processes,
 * from dist/, with the Node options of package.json's start scripts: the heap cap), on a
 * fresh database (rengo_bench_hostile_input): `npm run build && node dist/bench/hostile-input.js`.
 * For each case: the answer, the time until it was refused (for an import: until
 * GET /imports/:id shows it rejected), the size of that answer, and the peak resident memory
 * of the API and the worker during the case. Then the ordinary load: BENCH_BULK_CLIENTS (4)
 * clients posting 10,000-item bulk bodies at once, BENCH_BULK_ROUNDS (5) rounds, then
 * BENCH_READERS (16) clients reading the dashboard's reports, BENCH_READS (800) requests.
 * Last, the files left in the uploads folder and in os.tmpdir(): the processes are given a
 * TMPDIR of their own, so what is there is theirs (the uploads folder is its default inside).
 * Every wait is bounded (BENCH_CASE_SECONDS, 60; the ordinary load BENCH_ORDINARY_SECONDS,
 * 180, per phase): a case that takes longer is printed as such. BENCH_CASES picks cases by
 * name (comma-separated; `ordinary` alone for the load). A process that dies is noted and
 * started again. Nothing is asserted.
 */
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rengo';
const PORT = 3993;
const CASE_MS = Number(process.env.BENCH_CASE_SECONDS ?? 60) * 1000;
const ORDINARY_MS = Number(process.env.BENCH_ORDINARY_SECONDS ?? 180) * 1000;
const BULK_CLIENTS = Number(process.env.BENCH_BULK_CLIENTS ?? 4);
const BULK_ROUNDS = Number(process.env.BENCH_BULK_ROUNDS ?? 5);
const READERS = Number(process.env.BENCH_READERS ?? 16);
const READS = Number(process.env.BENCH_READS ?? 800);
const ZIP_BOMB_MB = Number(process.env.BENCH_ZIP_BOMB_MB ?? 300);
const SHARED_STRINGS = Number(process.env.BENCH_SHARED_STRINGS ?? 300_000);
const HUGE_CELL_MB = Number(process.env.BENCH_HUGE_CELL_MB ?? 50);
const ADMIN = { email: 'bench-hostile@bench.rengo', password: 'bench-hostile-password' };
/** The processes' os.tmpdir() (TMPDIR), so that whatever they leave there is theirs; the uploads folder is its default inside it. */
const PROCESS_TMP = join(tmpdir(), 'rengo-bench-hostile-input-tmp');
const UPLOADS = join(PROCESS_TMP, 'rengo-uploads');
const FINAL_STATES = ['rejected', 'checked', 'failed', 'committed'];

interface Outcome {
  answer: string;
  ms: number;
  bytes?: number;
  note?: string;
}

/** The API and the worker, started again when one has died (production's supervisor would). */
class Processes {
  api!: ChildProcess;
  worker!: ChildProcess;
  readonly deaths: string[] = [];

  constructor(private readonly env: Record<string, string>) {
    this.api = startProcess('api', env);
    this.worker = startProcess('worker', env);
  }

  pids = (): Record<string, number | undefined> => ({ api: this.api.pid, worker: this.worker.pid });

  /** Notes and restarts whichever process has exited; answers what it noted. */
  async revive(baseUrl: string): Promise<string[]> {
    const noted: string[] = [];
    for (const which of ['api', 'worker'] as const) {
      const child = this[which];
      if (child.exitCode === null && child.signalCode === null) continue;
      noted.push(`${which} had exited (${child.signalCode ?? `code ${child.exitCode}`})`);
      this[which] = startProcess(which, this.env);
    }
    if (noted.length) await waitForHealth(baseUrl);
    this.deaths.push(...noted);
    return noted;
  }

  async stop(): Promise<void> {
    await stop(this.api);
    await stop(this.worker);
  }
}

/** One request, bounded by CASE_MS; a broken connection is an answer too. */
async function send(
  api: Api,
  method: string,
  path: string,
  init: { body?: Buffer | string; headers?: Record<string, string>; token?: boolean } = {},
): Promise<Outcome & { text: string }> {
  const started = Date.now();
  try {
    const res = await fetch(`${api.baseUrl}/api/v1${path}`, {
      method,
      headers: { 'accept-encoding': 'identity', ...(init.token === false ? {} : { authorization: `Bearer ${api.token}` }), ...init.headers },
      body: init.body,
      signal: AbortSignal.timeout(CASE_MS),
    });
    const text = await res.text();
    return { answer: String(res.status), ms: Date.now() - started, bytes: Buffer.byteLength(text), text };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const name =
      (error as Error).name === 'TimeoutError' ? `no answer in ${CASE_MS / 1000} s` : `connection: ${cause?.code ?? cause?.message ?? String(error)}`;
    return { answer: name, ms: Date.now() - started, text: '' };
  }
}

/** Polls GET /imports/:id until a final state or CASE_MS after `started`. */
async function untilFinal(api: Api, id: string, started: number): Promise<Outcome> {
  let last: { state?: string; errorCount?: number; errors?: { message: string }[] } = {};
  let bytes = 0;
  while (Date.now() - started < CASE_MS) {
    const got = await send(api, 'GET', `/imports/${id}`);
    if (got.answer !== '200') return { answer: `GET /imports/:id ${got.answer}`, ms: Date.now() - started, bytes: got.bytes };
    last = JSON.parse(got.text);
    bytes = got.bytes ?? 0;
    if (FINAL_STATES.includes(last.state ?? '')) {
      const first = last.errors?.[0]?.message.slice(0, 60) ?? '';
      return { answer: `202, then ${last.state}`, ms: Date.now() - started, bytes, note: `${last.errorCount ?? 0} errors${first ? `: ${first}` : ''}` };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { answer: `202, still ${last.state} after ${CASE_MS / 1000} s`, ms: Date.now() - started, bytes };
}

async function upload(api: Api, fileName: string, content: Buffer): Promise<Outcome> {
  const started = Date.now();
  const { body, contentType } = multipartBody('membership-changes', fileName, content);
  const sent = await send(api, 'POST', '/imports', { body, headers: { 'content-type': contentType } });
  if (sent.answer !== '202') return { ...sent, note: sent.text.slice(0, 80) };
  return untilFinal(api, (JSON.parse(sent.text) as { id: string }).id, started);
}

/** The hostile cases by name, each sent as a client would, the files built beforehand in `inputs`. */
function hostileCases(api: Api, inputs: string, council: string): Record<string, () => Promise<Outcome>> {
  const json = { 'content-type': 'application/json' };
  const tenMbArray = `[${'0,'.repeat(5 * 1024 * 1024 - 1)}0]`;
  const item = '{"unionId":"00000000-0000-4000-8000-000000000000","effectiveOn":"2025-04-01","delta":1,"cause":"new_hire","employmentType":"regular"}';
  const tenMbBody = `{"items":[${Array.from({ length: Math.ceil((10 * 1024 * 1024) / item.length) }, () => item).join(',')}]}`;
  const withNote = async (sent: Promise<Outcome & { text: string }>): Promise<Outcome> => {
    const { text, ...outcome } = await sent;
    return { ...outcome, note: text.slice(0, 80) };
  };
  return {
    'login-10mb-array': () => withNote(send(api, 'POST', '/auth/login', { body: tenMbArray, headers: json, token: false })),
    'bulk-10mb-no-token': () => withNote(send(api, 'POST', '/membership-changes/bulk', { body: tenMbBody, headers: json, token: false })),
    'union-nul-name': () =>
      withNote(
        send(api, 'POST', '/unions', {
          body: JSON.stringify({ name: 'ベンチ\u0000労組', regionalCouncilId: council, employerName: 'ベンチ株式会社' }),
          headers: json,
        }),
      ),
    'unions-q-nul': () => withNote(send(api, 'GET', '/unions?q=a%00b')),
    'upload-nul-file-name': () =>
      upload(api, 'bad\u0000name.csv', Buffer.from('組合コード,発効日,増減数,事由,雇用形態,性別\r\nB-1,2025-04-01,1,新規採用者の加入,正社員,女性\r\n')),
    'xlsx-zip-bomb': () => upload(api, 'bomb.xlsx', readFileSync(join(inputs, 'bomb.xlsx'))),
    'xlsx-shared-strings-bomb': () => upload(api, 'strings.xlsx', readFileSync(join(inputs, 'strings.xlsx'))),
    'csv-50mb-cell': () => upload(api, 'cell.csv', readFileSync(join(inputs, 'cell.csv'))),
  };
}

async function buildInputs(inputs: string, wanted: (name: string) => boolean): Promise<void> {
  const built: string[] = [];
  if (wanted('xlsx-zip-bomb')) {
    const inflated = await writeXlsxZipBomb(join(inputs, 'bomb.xlsx'), ZIP_BOMB_MB);
    built.push(`zip bomb ${megabytes(bytesUnder(join(inputs, 'bomb.xlsx')))} -> ${megabytes(inflated)}`);
  }
  if (wanted('xlsx-shared-strings-bomb')) {
    const inflated = await writeSharedStringsBomb(join(inputs, 'strings.xlsx'), SHARED_STRINGS, 100);
    built.push(`shared strings ${megabytes(bytesUnder(join(inputs, 'strings.xlsx')))} -> ${megabytes(inflated)}`);
  }
  if (wanted('csv-50mb-cell')) built.push(`CSV ${megabytes(await writeCsvWithHugeCell(join(inputs, 'cell.csv'), HUGE_CELL_MB))}`);
  if (built.length) console.log(`inputs: ${built.join('; ')}`);
}

/** The ordinary load: two rows, bulk then reports. */
async function ordinaryLoad(api: Api, unionIds: string[], row: (name: string, outcome: Outcome) => Record<string, number>): Promise<void> {
  const bulk = await postBulkRounds(api, unionIds, BULK_CLIENTS, BULK_ROUNDS, Date.now() + ORDINARY_MS);
  const bulkNote = `${bulk.rows.toLocaleString('en-US')} rows, ${Math.round(bulk.rows / bulk.seconds).toLocaleString('en-US')} rows/s, ${bulk.retries} retried after 503`;
  const writing = row(`ordinary: ${BULK_CLIENTS} clients x ${BULK_ROUNDS} bulk bodies of ${BULK_ITEMS.toLocaleString('en-US')}`, {
    answer: bulk.failures.length ? `${bulk.failures.length} failed` : 'all 201',
    ms: bulk.seconds * 1000,
    note: bulk.failures.length ? `${bulkNote}; ${bulk.failures[0]}` : bulkNote,
  });
  const reads = await readReports(api, READERS, READS, Date.now() + ORDINARY_MS);
  const statuses = Object.entries(reads.statuses)
    .map(([status, count]) => `${count} x ${status}`)
    .join(', ');
  const reading = row(`ordinary: ${READERS} clients reading reports`, {
    answer: statuses,
    ms: reads.latency.p95,
    note: `p50 ${ms(reads.latency.p50)}, ${reads.retries} retried after 503${reads.failures.length ? `; ${reads.failures.length} failed: ${reads.failures[0]}` : ''}`,
  });
  console.log(
    `\nordinary load, peak RSS over both phases: API ${Math.max(writing.api, reading.api).toFixed(0)} MB, worker ${Math.max(writing.worker, reading.worker).toFixed(0)} MB (budget 300 MB each)`,
  );
}

const describe = (left: Leftovers): string => `${left.count} (${megabytes(left.bytes)})${left.names.length ? `: ${left.names.slice(0, 4).join(', ')}` : ''}`;

async function main(): Promise<void> {
  const only = process.env.BENCH_CASES?.split(',').map((name) => name.trim());
  const wanted = (name: string): boolean => !only || only.includes(name);
  const url = await recreateDatabase(SERVER, 'rengo_bench_hostile_input');
  const db = await connect(url);
  const { council } = await seedBenchUnions(db, 1000);
  const unionIds = (await db.query(`SELECT id FROM unions ORDER BY code`)).rows.map((r: { id: string }) => r.id);
  await db.end();
  rmSync(PROCESS_TMP, { recursive: true, force: true });
  mkdirSync(PROCESS_TMP);
  const inputs = await mkdtemp(join(tmpdir(), 'rengo-bench-hostile-input-'));
  await buildInputs(inputs, wanted);
  const env = {
    DATABASE_URL: url,
    PORT: String(PORT),
    QUEUE_PREFIX: 'bench_hostile_input',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    TMPDIR: PROCESS_TMP,
  };
  const processes = new Processes(env);
  const peaks = new PeakRss(processes.pids);
  const rows: string[] = [];
  const highest = { api: 0, worker: 0 };
  const row = (name: string, outcome: Outcome): Record<string, number> => {
    const peak = peaks.take();
    highest.api = Math.max(highest.api, peak.api || 0);
    highest.worker = Math.max(highest.worker, peak.worker || 0);
    const size = outcome.bytes === undefined ? '' : outcome.bytes < 10_000 ? `${outcome.bytes} B` : megabytes(outcome.bytes);
    const note = (outcome.note ?? '').replace(/\s+/g, ' ').replace(/\|/g, '/');
    rows.push(`| ${name} | ${outcome.answer} | ${ms(outcome.ms)} | ${size} | ${peak.api.toFixed(0)} MB | ${peak.worker.toFixed(0)} MB | ${note} |`);
    return peak;
  };
  try {
    const api = new Api(`http://127.0.0.1:${PORT}`);
    await waitForHealth(api.baseUrl);
    await api.login(ADMIN.email, ADMIN.password);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    row('start-up and sign-in', { answer: '', ms: 0 });
    for (const [name, run] of Object.entries(hostileCases(api, inputs, council))) {
      if (!wanted(name)) continue;
      const outcome = await run();
      const deaths = await processes.revive(api.baseUrl);
      row(name, deaths.length ? { ...outcome, note: `${deaths.join('; ')}; ${outcome.note ?? ''}` } : outcome);
      if (deaths.length) await api.login(ADMIN.email, ADMIN.password);
    }
    if (wanted('ordinary')) {
      await ordinaryLoad(api, unionIds, row);
      const ledger = await connect(url);
      const [{ written }] = (await ledger.query(`SELECT count(*)::int AS written FROM membership_changes WHERE source = 'bulk'`)).rows;
      await ledger.end();
      console.log(
        `ledger rows the bulk bodies wrote: ${written.toLocaleString('en-US')} (${(BULK_CLIENTS * BULK_ROUNDS * BULK_ITEMS).toLocaleString('en-US')} sent; a retry after 503 writes once)`,
      );
    }
    const left = (): Leftovers => leftSince(PROCESS_TMP, new Map(), [basename(UPLOADS)]);
    console.log('\n| case | answer | time to refuse | answer size | API peak RSS | worker peak RSS | note |\n| --- | --- | --- | --- | --- | --- | --- |');
    console.log(rows.join('\n'));
    console.log(`\npeak RSS over the whole run: API ${highest.api.toFixed(0)} MB, worker ${highest.worker.toFixed(0)} MB (budget 300 MB each)`);
    console.log(`processes that died and were restarted: ${processes.deaths.length ? processes.deaths.join('; ') : 'none'}`);
    console.log(`left in the uploads folder (${UPLOADS}): ${describe(leftSince(UPLOADS, new Map()))}`);
    console.log(`left in the processes' os.tmpdir() (${PROCESS_TMP}) besides the uploads, while running: ${describe(left())}`);
    await processes.stop();
    console.log(`... and after both stopped: ${describe(left())}`);
  } finally {
    peaks.stop();
    await processes.stop();
    rmSync(inputs, { recursive: true, force: true });
    rmSync(PROCESS_TMP, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
