import { createWriteStream, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { from as copyFrom } from 'pg-copy-streams';
import { connect, recreateDatabase } from './lib/database';
import { Api } from './lib/http';
import { peakRssMb, startProcess, stop, waitForHealth } from './lib/processes';
import { line, rate } from './lib/stats';
import { seedBenchUnions } from './lib/structure';

/**
 * Spreadsheet imports at volume: `npm run build && node dist/bench/imports.js`.
 *  1. A 100,000-row .xlsx checked and committed through the API and the worker, with
 *     the peak resident memory of each process (target < 300 MB each).
 *  2. BENCH_IMPORT_ROWS (default 1,000,000) CSV rows: the commit (staging -> ledger +
 *     outbox, one INSERT ... SELECT in one transaction) beside a bare COPY of the same
 *     rows into an unindexed table, in the same run (target: commit >= 1/3 of COPY).
 * Uses its own database (rengo_bench_imports) and queue prefix; DATABASE_URL names the server.
 */
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rengo';
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const XLSX_ROWS = Number(process.env.BENCH_XLSX_ROWS ?? 100_000);
const PORT = 3997;
const UNIONS = 1000;
const ADMIN = { email: 'bench-imports@bench.rengo', password: 'bench-imports-password' };
const CAUSES = ['新規採用者の加入', '転入', '自己都合退職', '定年退職'];
const SIGN = [1, 1, -1, -1];

const row = (i: number): (string | number)[] => {
  const c = i % 4;
  const day = `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  return [`B-${i % UNIONS}`, day, SIGN[c] * ((i % 5) + 1), CAUSES[c], i % 3 ? '正社員' : 'パートタイム', i % 2 ? '女性' : '男性'];
};
const HEADER = ['組合コード', '発効日', '増減数', '事由', '雇用形態', '性別'];

async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(`\ufeff${HEADER.join(',')}\r\n`);
  for (let i = 0; i < rows; i++) if (!out.write(`${row(i).join(',')}\r\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

async function writeXlsx(path: string, rows: number): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const sheet = book.addWorksheet('増減');
  sheet.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(row(i)).commit();
  await book.commit();
}

async function until(api: Api, id: string, states: string[]): Promise<any> {
  for (;;) {
    const entry = await api.call('GET', `/imports/${id}`);
    if (states.includes(entry.state)) return entry;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Upload, check, commit; answers the seconds of each step. */
async function importFile(api: Api, path: string, name: string): Promise<{ check: number; commit: number; entry: any }> {
  const form = new FormData();
  form.append('kind', 'membership-changes');
  form.append('file', await openAsBlob(path), name);
  const started = Date.now();
  const res = await fetch(`${api.baseUrl}/api/v1/imports`, { method: 'POST', headers: { authorization: `Bearer ${api.token}` }, body: form });
  if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const checked = await until(api, id, ['checked', 'rejected']);
  if (checked.state !== 'checked' || checked.errorCount) throw new Error(`check: ${JSON.stringify(checked).slice(0, 500)}`);
  const check = (Date.now() - started) / 1000;
  const committing = Date.now();
  await api.call('POST', `/imports/${id}/commit`);
  const entry = await until(api, id, ['committed', 'failed']);
  if (entry.state !== 'committed') throw new Error(`commit: ${entry.failure}`);
  return { check, commit: (Date.now() - committing) / 1000, entry };
}

/** The same rows, COPYed into an unindexed table: the floor any commit is measured against. */
async function bareCopy(url: string, importId: string): Promise<number> {
  const client = await connect(url);
  try {
    await client.query(`CREATE TABLE bench_bare_copy (LIKE import_rows)`);
    // the rows as the commit read them: export the ledger rows of that import as COPY text
    if (!/^[0-9a-f-]{36}$/.test(importId)) throw new Error('not an import id');
    await client.query(
      `CREATE TEMP TABLE source AS SELECT '${importId}'::uuid AS import_id, (row_number() OVER ())::int AS row_number, union_id, effective_on, delta, cause, employment_type, gender
       FROM membership_changes WHERE import_id = '${importId}'`,
    );
    const text = (
      await client.query(
        `SELECT string_agg(concat_ws(E'\\t', import_id, row_number, union_id, effective_on, delta, '\\N', cause, employment_type, gender, '\\N'), E'\\n') AS t FROM source`,
      )
    ).rows[0].t as string;
    const started = Date.now();
    const stream = client.query(copyFrom('COPY bench_bare_copy FROM STDIN'));
    const done = new Promise((resolve, reject) => stream.on('finish', resolve).on('error', reject));
    const chunk = 1 << 20;
    for (let at = 0; at < text.length; at += chunk) if (!stream.write(text.slice(at, at + chunk))) await once(stream, 'drain');
    stream.end('\n');
    await done;
    return (Date.now() - started) / 1000;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const url = await recreateDatabase(SERVER, 'rengo_bench_imports');
  const client = await connect(url);
  await seedBenchUnions(client, UNIONS);
  await client.end();
  const env = {
    DATABASE_URL: url,
    PORT: String(PORT),
    QUEUE_PREFIX: 'bench_imports',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
  };
  const apiProcess = startProcess('api', env);
  const workerProcess = startProcess('worker', env);
  const dir = tmpdir();
  const xlsxPath = join(dir, 'bench-imports.xlsx');
  const csvPath = join(dir, 'bench-imports.csv');
  try {
    const api = new Api(`http://127.0.0.1:${PORT}`);
    await waitForHealth(api.baseUrl);
    await api.login(ADMIN.email, ADMIN.password);

    console.log(`\n.xlsx of ${XLSX_ROWS.toLocaleString('en-US')} rows through the API and the worker`);
    await writeXlsx(xlsxPath, XLSX_ROWS);
    const xlsx = await importFile(api, xlsxPath, 'bench.xlsx');
    line('upload + check', `${xlsx.check.toFixed(1)} s (${rate(XLSX_ROWS, xlsx.check)})`);
    line('commit', `${xlsx.commit.toFixed(1)} s (${rate(XLSX_ROWS, xlsx.commit)})`);
    line('peak RSS: API / worker', `${peakRssMb(apiProcess.pid).toFixed(0)} MB / ${peakRssMb(workerProcess.pid).toFixed(0)} MB (target < 300 MB each)`);

    console.log(`\nCSV of ${ROWS.toLocaleString('en-US')} rows: commit beside a bare COPY`);
    await writeCsv(csvPath, ROWS);
    const csv = await importFile(api, csvPath, 'bench.csv');
    line('upload + check', `${csv.check.toFixed(1)} s (${rate(ROWS, csv.check)})`);
    line('commit (staging -> ledger + outbox)', `${csv.commit.toFixed(1)} s (${rate(ROWS, csv.commit)})`);
    const copy = await bareCopy(url, csv.entry.id);
    line('bare COPY into an unindexed table', `${copy.toFixed(1)} s (${rate(ROWS, copy)})`);
    line('commit rate / COPY rate', `${(copy / csv.commit).toFixed(2)} (target >= 0.33)`);
    line('peak RSS: API / worker', `${peakRssMb(apiProcess.pid).toFixed(0)} MB / ${peakRssMb(workerProcess.pid).toFixed(0)} MB`);
  } finally {
    await stop(apiProcess);
    await stop(workerProcess);
    rmSync(xlsxPath, { force: true });
    rmSync(csvPath, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
