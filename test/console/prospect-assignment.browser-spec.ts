import type { Browser, Page } from 'playwright-core';
import type { DemoLogin } from '../../src/demo/demo-users';
import { desktop, seriousAxeFindings, signIn } from '../support/browser';
import { startConsoleOnDemo } from '../support/console-on-demo';
import { TestApp } from '../support/test-app';

/**
 * 担当オルガナイザー in a real browser against the demo: council staff choose the organizers
 * of a new workplace on 新規事業所 and change them on its page (someone else's change meanwhile
 * is said, and the choice kept); the organizer reads the names and cannot change them.
 * (The way from 企業グループ to the organizer's 今日 is in company-groups.browser-spec.ts.)
 */
describe('web console in a browser: 担当オルガナイザー', () => {
  jest.setTimeout(180_000);
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

  async function heading(page: Page, name: string): Promise<void> {
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  }

  it('staff choose organizers on 新規事業所 and on the prospect page, a stale save is said; the organizer reads the names only', async () => {
    const token = await t.login(demo.regional.email, demo.regional.password);
    const me = (await t.request('GET', '/me', { token })).body;
    const organizers = (await t.request('GET', `/regional-councils/${me.regionalCouncilId}/organizers`, { token })).body.items as {
      id: string;
      displayName: string;
    }[];
    expect(organizers.length).toBeGreaterThanOrEqual(2);
    const organizerToken = await t.login(demo.organizer.email, demo.organizer.password);
    const demoOrganizer = (await t.request('GET', '/me', { token: organizerToken })).body;
    const other = organizers.find((o) => o.id !== demoOrganizer.id) as { id: string; displayName: string };

    const { context, page, problems } = await desktop(browser);
    await signIn(page, t.baseUrl, demo.regional.email, demo.regional.password);
    await page.goto(`${t.baseUrl}/prospects/new`);
    await heading(page, '新規事業所');
    const form = page.getByRole('form', { name: '新規事業所' });
    await form.getByLabel('事業主名').fill('株式会社たんとう物流');
    await form.getByLabel('推定従業員数').fill('35');
    const onCreate = form.getByRole('group', { name: '担当オルガナイザー' });
    expect(await onCreate.getByRole('checkbox').count()).toBe(organizers.length);
    await onCreate.getByRole('checkbox', { name: other.displayName, exact: true }).check();
    await form.getByRole('button', { name: '登録' }).click();
    await heading(page, '株式会社たんとう物流');
    const id = new URL(page.url()).pathname.split('/').pop() as string;
    const created = (await t.request('GET', `/prospects/${id}`, { token })).body;
    expect(created.assignedOrganizerIds).toEqual([other.id]);

    // the page shows the choice; someone else changes it meanwhile; the save says so and keeps this person's ticks
    const group = page.getByRole('group', { name: '担当オルガナイザー' });
    const box = (name: string) => group.getByRole('checkbox', { name, exact: true });
    expect(await box(other.displayName).isChecked()).toBe(true);
    expect(await box(demoOrganizer.displayName).isChecked()).toBe(false);
    expect(await seriousAxeFindings(page)).toEqual([]);
    const meanwhile = await t.request('PATCH', `/prospects/${id}`, { token: t.adminToken, body: { assignedOrganizerIds: [], version: created.version } });
    expect(meanwhile.status).toBe(200);
    await box(demoOrganizer.displayName).check();
    const save = page.getByRole('form', { name: '担当オルガナイザーの変更' }).getByRole('button', { name: '保存', exact: true });
    await save.click();
    await page.getByRole('alert').filter({ hasText: 'ほかの人が先に変更しました。' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: '担当オルガナイザー: 現在は「未定」' }).count()).toBe(1);
    expect(await box(demoOrganizer.displayName).isChecked()).toBe(true);
    await save.click();
    await page.getByRole('status').filter({ hasText: '担当オルガナイザーを保存しました。' }).waitFor();
    const saved = (await t.request('GET', `/prospects/${id}`, { token })).body;
    expect([...saved.assignedOrganizerIds].sort()).toEqual([demoOrganizer.id, other.id].sort());
    expect(saved.version).toBe(created.version + 2);
    // saved again at once, from the new version (no stale notice of one's own save)
    await page.getByRole('status').getByRole('button', { name: '閉じる' }).click();
    await box(other.displayName).uncheck();
    await save.click();
    await page.getByRole('status').filter({ hasText: '担当オルガナイザーを保存しました。' }).waitFor();
    expect((await t.request('GET', `/prospects/${id}`, { token })).body.assignedOrganizerIds).toEqual([demoOrganizer.id]);
    expect(await page.getByText('ほかの人が先に変更しました。').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();

    // the organizer reads who is assigned, and has nothing to change
    const asOrganizer = await desktop(browser);
    await signIn(asOrganizer.page, t.baseUrl, demo.organizer.email, demo.organizer.password);
    await asOrganizer.page.goto(`${t.baseUrl}/prospects/${id}`);
    await heading(asOrganizer.page, '株式会社たんとう物流');
    const section = asOrganizer.page.getByRole('region', { name: '担当オルガナイザー' });
    await section.getByText(demoOrganizer.displayName, { exact: true }).waitFor();
    expect(await section.getByRole('checkbox').count()).toBe(0);
    expect(await section.getByRole('button', { name: '保存' }).count()).toBe(0);
    expect(await seriousAxeFindings(asOrganizer.page)).toEqual([]);
    expect(asOrganizer.problems).toEqual([]);
    await asOrganizer.context.close();
  });
});
