import type { Browser } from 'playwright-core';
import type { DemoLogin } from '../src/demo/demo-users';
import { CONSOLE_DIR, desktop, launchChromium, screenshot, seriousAxeFindings, signIn } from './support/browser';
import { loadDemo } from './support/demo';
import { readWorkbook } from './support/exports';
import { TestApp, bootTestApp } from './support/test-app';

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
    browser = await launchChromium();
    t = await bootTestApp({ consoleDir: CONSOLE_DIR });
    demo = await loadDemo(t);
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
    for (const table of ['目標の進捗とマイルストーン', '組合員数の推移', '構成組織別の組合員数と純増減', '減少要因']) {
      await page.getByRole('group', { name: `${table}の出力` }).getByRole('button', { name: 'CSVで出力' }).waitFor();
    }
    expect(await page.getByRole('button', { name: 'Excelで出力' }).count()).toBe(4);
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
    const lastMonth = json.groups[0].months.at(-1).month;
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
});

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
