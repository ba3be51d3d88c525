import type { Browser } from 'playwright-core';
import type { DemoLogin } from '../../src/demo/demo-users';
import { desktop, screenshot, seriousAxeFindings, signIn } from '../support/browser';
import { readCsv, readWorkbook } from '../support/exports';
import { startConsoleOnDemo } from '../support/console-on-demo';
import { TestApp } from '../support/test-app';

/**
 * Exports from the console: leadership downloads the dashboard's breakdown table as Excel
 * and the workbook holds the API's numbers for the same filters.
 */
describe('console exports in a browser', () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let browser: Browser;
  let demo: Record<string, DemoLogin>;

  beforeAll(async () => {
    ({ browser, t, demo } = await startConsoleOnDemo());
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('leadership downloads the breakdown by federation as Excel with the numbers the API answers', async () => {
    const { context, page, problems } = await desktop(browser);
    await signIn(page, t.baseUrl, demo.leadership.email, demo.leadership.password);
    await page.getByRole('heading', { level: 1, name: 'ダッシュボード' }).waitFor();
    const breakdown = page.getByRole('group', { name: '構成組織別の組合員数と純増減の出力' });
    await breakdown.getByRole('button', { name: 'Excelで出力' }).waitFor();
    // every table on the dashboard offers both files
    const tables = [
      '目標の進捗とマイルストーン',
      '組合員数の推移',
      '要因別の増減',
      '減少要因',
      '構成組織別の組合員数と純増減',
      '女性組合員の比率',
      '会費収入の見込み',
      'ジェンダー平等推進計画の達成状況',
    ];
    for (const table of tables) {
      await page
        .getByRole('group', { name: `${table}の出力` })
        .getByRole('button', { name: 'CSVで出力' })
        .waitFor();
    }
    expect(await page.getByRole('button', { name: 'Excelで出力' }).count()).toBe(tables.length);
    expect(await page.getByRole('button', { name: 'CSVで出力' }).count()).toBe(await page.getByRole('button', { name: 'Excelで出力' }).count());

    const [download] = await Promise.all([page.waitForEvent('download'), breakdown.getByRole('button', { name: 'Excelで出力' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^組織拡大の推移_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const url = new URL(download.url());
    expect(url.pathname).toBe('/api/v1/reports/growth');
    expect(url.searchParams.get('groupBy')).toBe('federation');
    expect(url.searchParams.get('format')).toBe('xlsx');

    const { sheets } = await readWorkbook(await streamBytes(await download.createReadStream()));
    url.searchParams.delete('format');
    const token = await t.login(demo.leadership.email, demo.leadership.password);
    const json = (await t.request('GET', `/reports/growth?${url.searchParams.toString()}`, { token })).body;
    const lastMonth = json.groups[0].months.at(-1)!.month;
    const expected = json.groups.map((g: any) => [g.label, g.months.at(-1).members]);
    const rows = (sheets.get('推移(全体)') as unknown[][]).slice(1);
    const read = rows.filter((r) => (r[1] as Date).toISOString().startsWith(lastMonth)).map((r) => [r[0], r[6]]);
    expect(read).toEqual(expected);
    expect(expected.length).toBeGreaterThan(5);
    expect(read.every(([, members]) => typeof members === 'number')).toBe(true);

    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'dashboard-exports', { fullPage: false });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('offers both files on every list and report screen; a federation downloads its members as CSV for Excel', async () => {
    const { context, page, problems } = await desktop(browser);
    await signIn(page, t.baseUrl, demo.admin.email, demo.admin.password);
    const screens: [string, string, string[]][] = [
      ['/goals', '目標', ['目標の一覧']],
      ['/loss-causes', '減少要因', ['要因別の減少と減少の多い単組', '減少の多い単組']],
      ['/structure', '組織', ['単組']],
      ['/admin/periods', '月次締め', ['締めた月']],
      ['/admin/users', 'ユーザー', ['ユーザー']],
      ['/members', '組合員数', ['単組と現在の組合員数']],
      ['/gender-equality', 'ジェンダー平等', ['ジェンダー平等推進計画の達成状況']],
    ];
    for (const [path, title, tables] of screens) {
      await page.goto(`${t.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
      for (const table of tables) {
        const group = page.getByRole('group', { name: `${table}の出力`, exact: true });
        await group.getByRole('button', { name: 'Excelで出力' }).waitFor();
        await group.getByRole('button', { name: 'CSVで出力' }).waitFor();
      }
      expect({ path, findings: await seriousAxeFindings(page) }).toEqual({ path, findings: [] });
    }
    await context.close();

    const federation = await desktop(browser);
    await signIn(federation.page, t.baseUrl, demo.federation.email, demo.federation.password);
    const group = federation.page.getByRole('group', { name: '単組と現在の組合員数の出力' });
    await group.getByRole('button', { name: 'CSVで出力' }).waitFor();
    const [download] = await Promise.all([federation.page.waitForEvent('download'), group.getByRole('button', { name: 'CSVで出力' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^組合一覧_\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await streamBytes(await download.createReadStream());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = readCsv(bytes).slice(1);
    const token = await t.login(demo.federation.email, demo.federation.password);
    const me = (await t.request('GET', '/me', { token })).body;
    const unions = (await t.request('GET', `/unions?federationId=${me.federationId}&status=active&limit=500`, { token })).body;
    expect(rows.map((r) => r[1]).sort()).toEqual(unions.items.map((u: any) => u.name).sort());
    expect(rows.map((r) => Number(r[9])).reduce((a, b) => a + b, 0)).toBe(unions.items.reduce((sum: number, u: any) => sum + u.currentMembers, 0));
    expect([...problems, ...federation.problems]).toEqual([]);
    await federation.context.close();
  });
});

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
