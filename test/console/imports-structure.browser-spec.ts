import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import type { DemoLogin } from '../../src/demo/demo-users';
import { desktop, screenshot, seriousAxeFindings, signIn } from '../support/browser';
import { startConsoleOnDemo } from '../support/console-on-demo';
import { clearImportsQueue } from '../support/imports';
import { TestApp } from '../support/test-app';
import { WorkerProcess, clearQueue, startWorker } from '../support/worker-process';

/**
 * 取込 of 組合 and 事業所(組織化対象) in a real browser against the real API and worker: the
 * admin takes the template, sends a file with a mistake, reads it by 行 and 列, sends the
 * fixed file and 取り込む; the unions and prospects are registered, and 取消 is not offered.
 */
describe('web console: imports of unions and prospects (取込)', () => {
  jest.setTimeout(180_000);
  let t: TestApp;
  let browser: Browser;
  let worker: WorkerProcess;
  let demo: Record<string, DemoLogin>;

  beforeAll(async () => {
    ({ browser, t, demo } = await startConsoleOnDemo({ logLevel: 'error' }));
    worker = await startWorker(t, 'imports-structure-browser-worker');
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await clearImportsQueue(t);
    await clearQueue(t);
    await t?.close();
  });

  const shiftJisCsv = (rows: (string | number)[][]): Buffer => iconv.encode(rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'cp932');

  async function sendFile(page: Page, name: string, content: Buffer): Promise<void> {
    const chooser = page.locator('.file-chooser');
    // the chooser reads in Japanese whatever the browser's own language (this one's is English)
    expect(await chooser.innerText()).toContain('ファイルを選択');
    await page.getByLabel('ファイル', { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: content });
    expect(await chooser.innerText()).toContain(name);
    await page.getByRole('button', { name: '検証', exact: true }).click();
  }

  it('the admin registers unions and prospects from files, mistakes shown by 行 and 列, without 取消', async () => {
    const federations = (await t.request('GET', '/federations?limit=100', { token: t.adminToken })).body.items;
    const councils = (await t.request('GET', '/regional-councils?limit=100', { token: t.adminToken })).body.items;
    const federation = federations[0];
    const council = councils.find((c: { municipalities: string[] }) => c.municipalities.length > 0)!;
    const unionsBefore = (await t.request('GET', '/unions?limit=1', { token: t.adminToken })).body.total;

    const { context, page, problems } = await desktop(browser);
    await signIn(page, t.baseUrl, demo.admin.email, demo.admin.password);
    await page.getByRole('navigation').getByRole('link', { name: '取込' }).click();
    await page.getByRole('heading', { level: 1, name: '取込', exact: true }).waitFor();
    await page.getByLabel('種類').selectOption('unions');
    const [csvTemplate] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'ひな形(CSV)' }).click()]);
    const header = (await readFile(await csvTemplate.path(), 'utf8'))
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0]
      .split(',');
    expect(header).toEqual(['組合コード', '組合名', '構成組織コード', '地域連合コード', '事業主名', '市区町村', '加盟日', '状態', '組合種別']);
    expect(csvTemplate.suggestedFilename()).toBe('組合_取込テンプレート.csv');

    const row = (code: string, fed: string) => [code, `${code}労働組合`, fed, council.code, `株式会社${code}`, '', '2026/4/1', '活動中', '企業別組合'];
    await sendFile(page, '組合.csv', shiftJisCsv([header, row('imp-browser-a', federation.code), row('imp-browser-b', 'no-such-federation')]));
    const problemTable = page.getByRole('table', { name: 'ファイルの誤り' });
    await problemTable.waitFor();
    const cells = await problemTable.getByRole('row').nth(1).getByRole('cell').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['3', '構成組織コード', 'no-such-federation']);
    expect(cells[3]).toContain('構成組織「no-such-federation」はありません');
    expect(await page.getByRole('button', { name: '取り込む' }).count()).toBe(0);

    await sendFile(page, '組合_修正.csv', shiftJisCsv([header, row('imp-browser-a', federation.code), row('imp-browser-b', federation.name)]));
    await page.getByRole('status').filter({ hasText: '2行すべてに誤りはありません' }).waitFor();
    await page.getByText('新しい組合 2件').waitFor();
    await page.getByRole('button', { name: '取り込む' }).click();
    await page.getByRole('status').filter({ hasText: '2件の組合を登録しました' }).waitFor();
    expect((await t.request('GET', '/unions?limit=1', { token: t.adminToken })).body.total).toBe(unionsBefore + 2);
    const registered = (await t.request('GET', '/unions?q=imp-browser&limit=10', { token: t.adminToken })).body.items;
    expect(registered.map((u: { code: string | null; federationId: string | null }) => [u.code, u.federationId]).sort()).toEqual([
      ['imp-browser-a', federation.id],
      ['imp-browser-b', federation.id],
    ]);

    // prospects: the admin is offered them; the municipality names the council
    await page.getByLabel('種類').selectOption('prospects');
    const prospectHead = ['事業主名', '市区町村', '従業員数', '経緯', '段階'];
    await sendFile(page, '事業所.csv', shiftJisCsv([prospectHead, ['株式会社取込テスト', council.municipalities[0], 40, '紹介', '接触']]));
    await page.getByText('新しい事業所(組織化対象) 1件').waitFor();
    await page.getByRole('button', { name: '取り込む' }).click();
    await page.getByRole('status').filter({ hasText: '1件の事業所(組織化対象)を登録しました' }).waitFor();
    const prospects = (await t.request('GET', `/prospects?q=${encodeURIComponent('取込テスト')}`, { token: t.adminToken })).body.items;
    expect(prospects).toMatchObject([{ employerName: '株式会社取込テスト', stage: 'contacted', source: 'referral' }]);

    // the history: committed, and 取消 is not offered for structure imports
    const history = page.getByRole('table', { name: /最近の取込/ });
    await history.getByRole('row').filter({ hasText: '組合_修正.csv' }).getByText('取込済み').waitFor();
    await history.getByRole('row').filter({ hasText: '事業所.csv' }).getByText('取込済み').waitFor();
    expect(await history.getByRole('button', { name: /取込を取消/ }).count()).toBe(0);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'imports-structure');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('council staff find 取込 in their menu, are offered their kinds only, and see their council’s history', async () => {
    const token = await t.login(demo.regional.email, demo.regional.password);
    const me = (await t.request('GET', '/me', { token })).body;
    const council = (await t.request('GET', `/regional-councils/${me.regionalCouncilId}`, { token })).body;

    const { context, page, problems } = await desktop(browser);
    await signIn(page, t.baseUrl, demo.regional.email, demo.regional.password);
    await page.getByRole('navigation').getByRole('link', { name: '取込' }).click();
    await page.getByRole('heading', { level: 1, name: '取込', exact: true }).waitFor();
    expect(await page.getByLabel('種類').locator('option').allTextContents()).toEqual([
      '組合',
      '事業所(組織化対象)',
      '企業',
      '企業間の関係',
      '機関の男女別構成',
    ]);
    // the admin's files of the test above are not the council's
    await page.getByText('まだ取り込んだファイルはありません。').waitFor();

    await page.getByLabel('種類').selectOption('prospects');
    const head = ['事業主名', '市区町村', '従業員数', '経緯'];
    await sendFile(page, '地域の事業所.csv', shiftJisCsv([head, ['株式会社地域取込', council.municipalities[0], 12, '紹介']]));
    await page.getByText('新しい事業所(組織化対象) 1件').waitFor();
    await page.getByRole('button', { name: '取り込む' }).click();
    await page.getByRole('status').filter({ hasText: '1件の事業所(組織化対象)を登録しました' }).waitFor();
    const history = page.getByRole('table', { name: /最近の取込/ });
    await history.getByRole('row').filter({ hasText: '地域の事業所.csv' }).getByText('取込済み').waitFor();
    expect(await history.getByRole('row').filter({ hasText: '組合_修正.csv' }).count()).toBe(0);
    const created = (await t.request('GET', `/prospects?q=${encodeURIComponent('地域取込')}`, { token })).body.items;
    expect(created).toMatchObject([{ regionalCouncilId: council.id, createdBy: me.id }]);
    await screenshot(page, 'imports-regional');
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
