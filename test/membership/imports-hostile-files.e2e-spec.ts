import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCouncil, makeFederation, makeUnion } from '../support/factories';
import { distinctStrings, repeatedRows, workbookParts, zipOf } from '../support/hostile-xlsx';
import { Cell, check, clearImportsQueue, xlsxFile } from '../support/imports';
import { TestApp, bootTestApp } from '../support/test-app';
import { WorkerProcess, clearQueue, startWorker } from '../support/worker-process';

const HEADER = ['組合コード', '発効日', '増減数', '事由', '雇用形態'];
const ROW = ['HOS-001', '2026-04-01', '1', '転入', '正社員'];

/**
 * Spreadsheets as an attacker (or a broken export) sends them: a zip bomb, one that lies
 * about its sizes, a shared-strings bomb, a CSV with a 50 MB cell. Each is refused early
 * with a Japanese reason, the import's answer stays small, and the worker leaves nothing in
 * its temporary folder, not even for an ordinary workbook.
 */
describe('imports: hostile files', () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let worker: WorkerProcess;
  let workerTmp: string;
  const leftInTmp = async (): Promise<string[]> => readdir(workerTmp);

  beforeAll(async () => {
    t = await bootTestApp();
    const council = await makeCouncil(t);
    const federation = await makeFederation(t);
    const union = await makeUnion(t, { regionalCouncilId: council, federationId: federation });
    await t.db.query(`UPDATE unions SET code = 'HOS-001' WHERE id = $1`, [union]);
    workerTmp = await mkdtemp(join(tmpdir(), 'rengo-worker-tmp-'));
    worker = await startWorker(t, 'hostile-files-worker', { env: { TMPDIR: workerTmp, UPLOADS_DIR: t.config.uploadsDir } });
  });
  afterAll(async () => {
    await worker?.stop();
    await clearImportsQueue(t);
    await clearQueue(t);
    await t.close();
    await rm(workerTmp, { recursive: true, force: true });
  });

  it('reads an ordinary 2,000-row workbook (its sheet stored before its shared strings) and leaves nothing in the temporary folder', async () => {
    const rows: Cell[][] = [HEADER, ...Array.from({ length: 2000 }, (_, i) => ['HOS-001', '2026-04-01', (i % 5) + 1, '転入', '正社員'])];
    const entry = await check(t, t.adminToken, 'membership-changes', await xlsxFile(rows));
    expect(entry.state).toBe('checked');
    expect(entry.rowsValid).toBe(2000);
    expect(entry.summary.increase).toBe(2000 * 3);
    expect(await leftInTmp()).toEqual([]);
  });

  it('refuses a zip bomb (a sheet that inflates to 300 MB from a few hundred KB) from its directory, at once', async () => {
    const bomb = await zipOf(workbookParts(() => repeatedRows(HEADER, ROW, 2_000_000)));
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const started = Date.now();
    const entry = await check(t, t.adminToken, 'membership-changes', bomb, 'bomb.xlsx');
    expect(entry.state).toBe('rejected');
    expect(entry.errors[0].message).toContain('100倍を超えて展開されます');
    expect(entry.rowsRead).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await leftInTmp()).toEqual([]);
  });

  it('refuses a bomb that lies about its size in the directory while it inflates, after a megabyte', async () => {
    const liar = await zipOf(workbookParts(() => repeatedRows(HEADER, ROW, 2_000_000), undefined, true));
    const entry = await check(t, t.adminToken, 'membership-changes', liar, 'liar.xlsx');
    expect(entry.state).toBe('rejected');
    expect(entry.errors[0].message).toContain('xl/worksheets/sheet1.xml');
    expect(entry.rowsRead).toBeLessThan(1000);
    expect(await leftInTmp()).toEqual([]);
  });

  it('refuses shared strings over their cap before caching them all', async () => {
    const sheet = () => repeatedRows(HEADER, ROW, 1000);
    const file = await zipOf(workbookParts(sheet, () => distinctStrings(1_400_000)));
    const entry = await check(t, t.adminToken, 'membership-changes', file, 'strings.xlsx');
    expect(entry.state).toBe('rejected');
    expect(entry.errors[0].message).toContain('共有文字列）が32MBを超えています');
    expect(await leftInTmp()).toEqual([]);
  });

  it('refuses a CSV record of 50 MB naming its row, and the import answers in kilobytes', async () => {
    const csv = Buffer.concat([Buffer.from(`${HEADER.join(',')}\r\n"`), Buffer.alloc(50 * 1024 * 1024, 'a'), Buffer.from('",2026-04-01,1,転入,正社員\r\n')]);
    const entry = await check(t, t.adminToken, 'membership-changes', csv, 'huge-cell.csv');
    expect(entry.state).toBe('rejected');
    expect(entry.errors[0].message).toContain('2行目が長すぎます');
    const one = await t.request('GET', `/imports/${entry.id}`, { token: t.adminToken });
    expect(JSON.stringify(one.body).length).toBeLessThan(10_000);
    const list = await t.request('GET', '/imports', { token: t.adminToken });
    expect(JSON.stringify(list.body).length).toBeLessThan(100_000);
  });

  it('quotes a long bad cell cut short, in the value and the message', async () => {
    const longCode = 'X'.repeat(500_000);
    const csv = Buffer.from(`${HEADER.join(',')}\r\n${longCode},2026-04-01,1,転入,正社員\r\n`);
    const entry = await check(t, t.adminToken, 'membership-changes', csv, 'long-code.csv');
    expect(entry.state).toBe('checked');
    expect(entry.errors).toHaveLength(1);
    expect(entry.errors[0].row).toBe(2);
    expect(entry.errors[0].value.length).toBeLessThan(150);
    expect(entry.errors[0].value).toContain('500,000文字');
    expect(entry.errors[0].message.length).toBeLessThan(400);
  });
});
