import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import type { DemoLogin } from '../../src/demo/demo-users';
import { desktop, screenshot, seriousAxeFindings, signIn } from '../support/browser';
import { startConsoleOnDemo } from '../support/console-on-demo';
import { clearImportsQueue } from '../support/imports';
import { TestApp } from '../support/test-app';
import { WorkerProcess, clearQueue, outboxSize, startWorker, waitFor } from '../support/worker-process';

/**
 * 取込 in a real browser against the real API and worker: the demo federation officer
 * (UAゼンセン) takes the template, sends a Shift_JIS CSV with two mistakes, reads them by
 * 行 and 列, sends the fixed file, 取り込む, and the members are counted once.
 */
describe('web console: imports (取込)', () => {
  jest.setTimeout(180_000);
  let t: TestApp;
  let browser: Browser;
  let worker: WorkerProcess;
  let demo: Record<string, DemoLogin>;

  beforeAll(async () => {
    ({ browser, t, demo } = await startConsoleOnDemo({ logLevel: 'error' }));
    worker = await startWorker(t, 'imports-worker');
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await clearImportsQueue(t);
    await clearQueue(t);
    await t?.close();
  });

  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const month = today.slice(0, 7);

  /** A CSV as Japanese Excel saves it: Shift_JIS (CP932), CRLF. */
  const shiftJisCsv = (rows: (string | number | null)[][]): Buffer => iconv.encode(rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'cp932');

  async function sendFile(page: Page, name: string, content: Buffer): Promise<void> {
    await page.getByLabel('ファイル', { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: content });
    await page.getByRole('button', { name: '検証', exact: true }).click();
  }

  it('the federation officer checks a Shift_JIS CSV, fixes its two mistakes, imports it once, and the members count once', async () => {
    const officer = await t.login(demo.federation.email, demo.federation.password);
    const me = (await t.request('GET', '/me', { token: officer })).body;
    const unions = (await t.request('GET', `/unions?limit=500&status=active&federationId=${me.federationId}`, { token: officer })).body.items;
    const [a, b] = unions.filter((u: { code: string | null }) => u.code);
    const members = async (id: string): Promise<number> => (await t.request('GET', `/unions/${id}`, { token: officer })).body.currentMembers;
    const growth = async (id: string) => {
      const report = await t.request('GET', `/reports/growth?from=${month}&to=${month}&groupBy=union&federationId=${me.federationId}`, { token: officer });
      expect(report.status).toBe(200);
      return report.body.groups.find((g: { key: string }) => g.key === id)?.months[0] ?? { increase: 0, decrease: 0, net: 0 };
    };
    const before = { a: await members(a.id), b: await members(b.id), growthA: await growth(a.id), growthB: await growth(b.id) };

    const { context, page, problems } = await desktop(browser);
    await signIn(page, t.baseUrl, demo.federation.email, demo.federation.password);
    // 取込 is in the menu next to 組合員数
    const menu = page.getByRole('navigation');
    await menu.getByRole('link', { name: '取込' }).click();
    await page.getByRole('heading', { level: 1, name: '取込', exact: true }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await page.getByLabel('種類').inputValue()).toBe('membership-changes');
    // prospects are kept by the chapter's staff (as POST /prospects), so a federation officer is not offered them
    expect(await page.getByLabel('種類').locator('option').allTextContents()).toEqual([
      '組合員の増減',
      '年次組合員数調査',
      '組合',
      '企業',
      '企業間の関係',
      '機関の男女別構成',
    ]);

    // the templates of the kind: the CSV's header row, and an Excel workbook
    const [csvTemplate] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'ひな形(CSV)' }).click()]);
    const header = (await readFile(await csvTemplate.path(), 'utf8'))
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0]
      .split(',');
    expect(header).toEqual(expect.arrayContaining(['組合コード', '発効日', '増減数', '事由', '雇用形態']));
    expect(csvTemplate.suggestedFilename()).toMatch(/\.csv$/);
    const [xlsxTemplate] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'ひな形(Excel)' }).click()]);
    expect((await readFile(await xlsxTemplate.path())).subarray(0, 2).toString()).toBe('PK');
    expect(xlsxTemplate.suggestedFilename()).toMatch(/\.xlsx$/);

    // a file with two mistakes: an impossible day (row 4) and a decrease cause with a positive number (row 5)
    const head = ['組合コード', '発効日', '増減数', '事由', '雇用形態', '性別'];
    const good = [
      [a.code, today, 7, '新規採用者の加入', '正社員', '女性'],
      [b.code, today, 5, '新規採用者の加入', 'パートタイム', '男性'],
    ];
    await sendFile(
      page,
      '4月増減.csv',
      shiftJisCsv([head, ...good, [a.code, '2026-02-30', 2, '新規採用者の加入', '正社員', '男性'], [b.code, today, 3, '自己都合退職', '正社員', '女性']]),
    );
    const problemTable = page.getByRole('table', { name: 'ファイルの誤り' });
    await problemTable.waitFor();
    await page.getByRole('alert').filter({ hasText: '4行中 2行に誤りがあります' }).waitFor();
    const headers = await problemTable.getByRole('columnheader').allTextContents();
    expect(headers.map((h) => h.replace(/[ ▲▼]/g, ''))).toEqual(['行', '列', '値', '内容']);
    const cells = async () => (await problemTable.getByRole('row').all()).slice(1).map((row) => row.getByRole('cell').allTextContents());
    const rows = await Promise.all(await cells());
    expect(rows.map(([row, column, value]) => [row, column, value])).toEqual([
      ['4', '発効日', '2026-02-30'],
      ['5', '増減数', '3'],
    ]);
    expect(rows[0][3]).toBe('存在しない日付です');
    expect(rows[1][3]).toContain('減少の事由');
    // sorted by 行: the last rows first, then back
    await problemTable.getByRole('button', { name: /行/ }).click();
    expect((await Promise.all(await cells())).map((r) => r[0])).toEqual(['5', '4']);
    await problemTable.getByRole('button', { name: /行/ }).click();
    expect(await page.getByRole('button', { name: '取り込む' }).count()).toBe(0);
    // the problems as a CSV for Excel: UTF-8 with BOM
    const [problemsCsv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '誤りの一覧をCSVで保存' }).click()]);
    const saved = await readFile(await problemsCsv.path());
    expect([...saved.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(saved.toString('utf8').split('\r\n').slice(0, 3)).toEqual([
      '\uFEFF行,列,値,内容',
      '4,発効日,2026-02-30,存在しない日付です',
      expect.stringMatching(/^5,増減数,3,/),
    ]);
    expect(problemsCsv.suggestedFilename()).toBe('4月増減_誤り一覧.csv');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'imports');

    // the fixed file, checked again, then 取り込む
    const fixed = shiftJisCsv([head, ...good, [a.code, today, 2, '新規採用者の加入', '正社員', '男性'], [b.code, today, -3, '自己都合退職', '正社員', '女性']]);
    await sendFile(page, '4月増減_修正.csv', fixed);
    await page.getByRole('status').filter({ hasText: '4行すべてに誤りはありません' }).waitFor();
    await page.getByText('2組合・増 14人・減 3人・差引 +11人').waitFor();
    await page.getByRole('button', { name: '取り込む' }).click();
    await page.getByRole('status').filter({ hasText: '4件を台帳に書き込みました' }).waitFor();
    await page.getByRole('button', { name: '書き込んだ台帳の行を表示' }).click();
    const ledger = page.getByTestId('import-ledger-rows');
    await ledger.getByRole('row').nth(4).waitFor();
    expect(await ledger.getByRole('row').count()).toBe(5);
    // the rows come first, the unions' names a moment later (looked up by id): wait for them before counting
    await ledger.getByRole('cell', { name: a.name, exact: true }).nth(1).waitFor();
    expect(await ledger.getByRole('cell', { name: a.name, exact: true }).count()).toBe(2);

    // counted once, in the unions' members and in the growth report
    await waitFor('the import applied to the rollups', async () => (await outboxSize(t)) === 0 && (await members(a.id)) === before.a + 9);
    expect(await members(a.id)).toBe(before.a + 9);
    expect(await members(b.id)).toBe(before.b + 2);
    const afterA = await growth(a.id);
    const afterB = await growth(b.id);
    expect([afterA.increase - before.growthA.increase, afterA.net - before.growthA.net]).toEqual([9, 9]);
    expect([afterB.increase - before.growthB.increase, afterB.decrease - before.growthB.decrease, afterB.net - before.growthB.net]).toEqual([5, 3, 2]);

    // the same file again: checked, but 取り込む says which import already holds it, and nothing is counted twice
    await sendFile(page, '4月増減_修正(2).csv', fixed);
    await page.getByRole('status').filter({ hasText: '4行すべてに誤りはありません' }).waitFor();
    await page.getByRole('button', { name: '取り込む' }).click();
    const duplicate = page.getByRole('alert').filter({ hasText: '同じ内容のファイルはすでに取り込まれています' });
    await duplicate.waitFor();
    await duplicate.getByText('「4月増減_修正.csv」').waitFor();
    expect(await members(a.id)).toBe(before.a + 9);

    // the history: who, what became of each file; 取消 takes the committed file back with a reason
    const history = page.getByRole('table', { name: /最近の取込/ });
    const committedRow = history.getByRole('row').filter({ hasText: '4月増減_修正.csv' });
    await committedRow.getByText('取込済み').waitFor();
    await committedRow.getByText('UAゼンセン 神奈川(あなた)').waitFor();
    await history.getByRole('row').filter({ hasText: '4月増減.csv' }).getByText('誤りあり').waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'imports-committed');
    await committedRow.getByRole('button', { name: '4月増減_修正.csvの取込を取消' }).click();
    const dialog = page.getByRole('dialog', { name: '取込を取り消す' });
    await dialog.getByRole('button', { name: '取り消す' }).click();
    await dialog.getByText('取り消す理由を入力してください').waitFor();
    await dialog.getByLabel('取り消す理由').fill('発効日の月を誤ったため');
    await dialog.getByRole('button', { name: '取り消す' }).click();
    await page.getByRole('status').filter({ hasText: '「4月増減_修正.csv」の取込を取り消しました' }).waitFor();
    await committedRow.getByText('取消済み').waitFor();
    await waitFor('the reversal applied to the rollups', async () => (await outboxSize(t)) === 0 && (await members(a.id)) === before.a);
    expect(await members(b.id)).toBe(before.b);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps 取込 from leadership, who import nothing', async () => {
    const { context, page } = await desktop(browser);
    await signIn(page, t.baseUrl, demo.leadership.email, demo.leadership.password);
    expect(await page.getByRole('navigation').getByRole('link', { name: '取込' }).count()).toBe(0);
    await page.goto(`${t.baseUrl}/imports`);
    await page.waitForURL((url) => url.pathname === '/dashboard');
    await context.close();
  });
});
