import type { Browser, Locator, Page } from 'playwright-core';
import type { DemoLogin } from '../../src/demo/demo-users';
import { desktop, phone, screenshot, seriousAxeFindings, signIn } from '../support/browser';
import { startConsoleOnDemo } from '../support/console-on-demo';
import { TestApp } from '../support/test-app';

/**
 * 企業グループ in a real browser against the demo, as the "done when" tells it: a
 * council's staff searches the 法人番号 of a parent whose union is affiliated, opens the
 * group, registers an unorganized subsidiary as a prospect in one click and sees its stage
 * in the tree; chooses the organizer in 担当オルガナイザー, and the organizer finds it on 今日 once it is due; leadership filters
 * the target list and exports it.
 */
describe('web console in a browser: corporate groups', () => {
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

  const numberJa = (n: number): string => n.toLocaleString('ja-JP');
  const fullWidth = (digits: string): string => digits.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  const todayInJapan = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());

  interface Node {
    company: { id: string; name: string; corporateNumber: string | null; municipality: string | null; prefecture: string | null };
    status: string;
    organizedMembers: number;
    employees: number | null;
    prospect?: { id: string; stage: string; lastVisitOn: string | null } | null;
    children: Node[];
  }
  const nodesOf = (root: Node): Node[] => [root, ...root.children.flatMap(nodesOf)];

  async function heading(page: Page, name: string): Promise<void> {
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
  }

  /** The tree item of a company, by its accessible name (the company's name alone). */
  const item = (page: Page, name: string): Locator => page.getByRole('treeitem', { name, exact: true });
  /** The item's own row (not its children's). */
  const row = (treeitem: Locator): Locator => treeitem.locator(':scope > div');
  /** The name of the tree item that has the focus (its labelling element's text), or null when the focus is not on an item. */
  const focusedItemName = (page: Page): Promise<string | null> =>
    page.evaluate<string | null>(`(() => {
      const active = document.activeElement;
      const id = active && active.getAttribute('aria-labelledby');
      return active && active.getAttribute('role') === 'treeitem' && id ? document.getElementById(id).textContent : null;
    })()`);

  it('council staff find a group by 法人番号, walk it by keyboard, register an unorganized company in one click and see its stage; the organizer then finds it on 今日', async () => {
    const token = await t.login(demo.regional.email, demo.regional.password);
    const me = (await t.request('GET', '/me', { token })).body;
    const council = (await t.request('GET', `/regional-councils/${me.regionalCouncilId}`, { token })).body;
    // a target of the council: a group in Kanagawa with an affiliated union and unorganized companies in the council's municipalities
    const targets = (await t.request('GET', '/company-groups?hasAffiliatedUnion=true&hasUnorganized=true&prefecture=神奈川県&limit=500', { token })).body.items;
    expect(targets.length).toBeGreaterThan(0);
    let chosen: { root: Node; totals: any; target: Node } | undefined;
    for (const g of targets) {
      const group = (await t.request('GET', `/company-groups/${g.company.id}`, { token })).body;
      const root = group.root as Node;
      const target = nodesOf(root).find((n) => n.status === 'unorganized' && !n.prospect && council.municipalities.includes(n.company.municipality ?? ''));
      if (root.status === 'affiliated' && root.company.corporateNumber && target) {
        chosen = { root, totals: group.totals, target };
        break;
      }
    }
    if (!chosen) throw new Error('the demo has no group with an affiliated parent and an unorganized company of the council');
    const { root, totals, target } = chosen;

    const { context, page, problems } = await desktop(browser);
    await signIn(page, t.baseUrl, demo.regional.email, demo.regional.password);
    await page.getByRole('navigation').getByRole('link', { name: '企業グループ', exact: true }).click();
    await heading(page, '企業グループ');

    // the 法人番号 typed in full width finds the parent
    await page.getByLabel('企業名・法人番号').fill(fullWidth(root.company.corporateNumber as string));
    const results = page.getByTestId('company-results');
    await results.getByRole('link', { name: root.company.name, exact: true }).click();
    await heading(page, root.company.name);

    // the tree, named for the group; the parent at level 1, open, with the ledger's members and the group's totals
    const tree = page.getByRole('tree', { name: `${root.company.name}グループ` });
    await tree.waitFor();
    const parent = item(page, root.company.name);
    expect(await parent.getAttribute('aria-level')).toBe('1');
    expect(await parent.getAttribute('aria-expanded')).toBe('true');
    expect(await row(parent).textContent()).toContain('連合加盟');
    expect(await row(parent).textContent()).toContain(`組合員 ${numberJa(root.organizedMembers)}人`);
    expect(await page.getByTestId('group-members').textContent()).toBe(`${numberJa(totals.organizedMembers)}人`);
    expect(await tree.getByRole('treeitem').count()).toBe(nodesOf(root).length);
    expect(totals.companies).toBe(nodesOf(root).length);
    expect(totals.organizedMembers).toBe(nodesOf(root).reduce((sum, n) => sum + n.organizedMembers, 0));

    // the keyboard: one tab stop, ↓ to the first child, ← back up, ← closes, → opens again
    await parent.focus();
    expect(await focusedItemName(page)).toBe(root.company.name);
    await page.keyboard.press('ArrowDown');
    expect(await focusedItemName(page)).toBe(root.children[0].company.name);
    expect(await item(page, root.children[0].company.name).getAttribute('aria-level')).toBe('2');
    await page.keyboard.press('ArrowLeft');
    if (root.children[0].children.length > 0) await page.keyboard.press('ArrowLeft');
    expect(await focusedItemName(page)).toBe(root.company.name);
    await page.keyboard.press('ArrowLeft');
    expect(await parent.getAttribute('aria-expanded')).toBe('false');
    expect(await tree.getByRole('treeitem').count()).toBe(1);
    await page.keyboard.press('ArrowRight');
    expect(await parent.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('End');
    expect(await focusedItemName(page)).not.toBe(root.company.name);
    await page.keyboard.press('Home');
    expect(await focusedItemName(page)).toBe(root.company.name);
    expect(await tree.locator('[role="treeitem"][tabindex="0"]').count()).toBe(1);

    // 「事業所として登録」 in one click; the tree then shows the stage and a link to the workplace
    const unorganized = item(page, target.company.name);
    expect(await row(unorganized).textContent()).toContain('未組織');
    await row(unorganized).getByRole('button', { name: '事業所として登録' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${target.company.name}を事業所として登録しました` })
      .waitFor();
    await row(unorganized).getByText('候補把握').waitFor();
    expect(await row(unorganized).getByRole('button', { name: '事業所として登録' }).count()).toBe(0);
    const after = (await t.request('GET', `/company-groups/${target.company.id}`, { token })).body;
    const registered = nodesOf(after.root).find((n) => n.company.id === target.company.id) as Node;
    expect(registered.prospect?.stage).toBe('identified');
    const prospect = (await t.request('GET', `/prospects/${registered.prospect?.id}`, { token })).body;
    expect(prospect).toMatchObject({
      employerName: target.company.name,
      companyId: target.company.id,
      municipality: target.company.municipality,
      nextActionOn: todayInJapan(),
    });
    expect(after.totals.prospectsByStage.identified).toBe((totals.prospectsByStage.identified ?? 0) + 1);

    expect(await seriousAxeFindings(page)).toEqual([]);
    // the whole group in one picture, without the fixed header drawn over a full-page capture
    await page.setViewportSize({ width: 1440, height: 1250 });
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'company-groups', { fullPage: false });
    await page.setViewportSize({ width: 1440, height: 900 });

    // the workplace's page names its group and leads back to it
    await row(unorganized).getByRole('link', { name: '事業所を開く' }).click();
    await heading(page, target.company.name);
    const groupLink = page.getByTestId('prospect-company-group');
    expect(await groupLink.textContent()).toBe(`${root.company.name}グループ`);
    // the council's staff decide who follows it up (横浜 has two organizers, so nobody was assigned by itself)
    const organizerToken = await t.login(demo.organizer.email, demo.organizer.password);
    const organizer = (await t.request('GET', '/me', { token: organizerToken })).body;
    expect(organizer.regionalCouncilId).toBe(me.regionalCouncilId);
    const assignment = page.getByRole('group', { name: '担当オルガナイザー' });
    const choice = assignment.getByRole('checkbox', { name: organizer.displayName, exact: true });
    expect(await choice.isChecked()).toBe(false);
    await choice.check();
    await page.getByRole('form', { name: '担当オルガナイザーの変更' }).getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '担当オルガナイザーを保存しました。' }).waitFor();
    expect((await t.request('GET', `/prospects/${prospect.id}`, { token })).body.assignedOrganizerIds).toEqual([organizer.id]);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await groupLink.click();
    await heading(page, target.company.name);
    await page.getByRole('tree', { name: `${root.company.name}グループ` }).waitFor();
    expect(await item(page, target.company.name).getAttribute('aria-current')).toBe('page');
    expect(problems).toEqual([]);
    await context.close();

    // assigned to the demo organizer in the console, it is on their 今日 today
    const onPhone = await phone(browser);
    await signIn(onPhone.page, t.baseUrl, demo.organizer.email, demo.organizer.password);
    await heading(onPhone.page, '今日');
    await onPhone.page.getByTestId('follow-up').filter({ hasText: target.company.name }).waitFor();
    expect(onPhone.problems).toEqual([]);
    await onPhone.context.close();
  });

  it('the target list filters by 未組織の関連企業がある and prefecture as the API does, and exports the same list', async () => {
    // a group with an affiliated union and no unorganized company beside the demo's: a company of its own for one of the unions
    const unions = (await t.request('GET', '/unions?limit=500', { token: t.adminToken })).body.items as any[];
    const union = unions.find((u) => u.kind === 'enterprise' && u.status === 'active' && !u.companyId);
    const organized = (
      await t.request('POST', '/companies', {
        token: t.adminToken,
        body: {
          name: '株式会社よこはま全組織',
          prefecture: '神奈川県',
          municipality: '横浜市',
          employees: { count: 800, asOf: '2025-03-31', source: '会社発表' },
        },
      })
    ).body;
    expect(organized.id).toBeTruthy();
    const linked = await t.request('PATCH', `/unions/${union.id}`, { token: t.adminToken, body: { companyId: organized.id, version: union.version } });
    expect(linked.status).toBe(200);
    // a group is a parent with its subsidiaries: this one's has a union outside the chapter, so nothing in it is unorganized
    const subsidiary = (
      await t.request('POST', '/companies', {
        token: t.adminToken,
        body: {
          name: 'よこはま全組織サービス株式会社',
          prefecture: '神奈川県',
          municipality: '横浜市',
          unionPresence: 'other_union',
          otherUnionName: 'よこはま全組織サービス労組',
        },
      })
    ).body;
    const relation = await t.request('POST', '/company-relations', {
      token: t.adminToken,
      body: { parentId: organized.id, childId: subsidiary.id, kind: 'consolidated_subsidiary', votingShare: 100, confidence: 'high' },
    });
    expect(relation.status).toBe(201);

    const token = await t.login(demo.leadership.email, demo.leadership.password);
    const list = async (query: string) => (await t.request('GET', `/company-groups?hasAffiliatedUnion=true&limit=500${query}`, { token })).body.items as any[];
    const withUnorganized = await list('&hasUnorganized=true&prefecture=神奈川県');
    const all = await list('&prefecture=神奈川県');
    expect(withUnorganized.length).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(withUnorganized.length);
    expect(all.map((g) => g.company.name)).toContain('株式会社よこはま全組織');
    expect(withUnorganized.map((g) => g.company.name)).not.toContain('株式会社よこはま全組織');

    const { context, page, problems } = await desktop(browser);
    await signIn(page, t.baseUrl, demo.leadership.email, demo.leadership.password);
    await page.goto(`${t.baseUrl}/company-groups`);
    await heading(page, '企業グループ');
    const table = page.getByTestId('target-groups');
    const names = () => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r as any).cells[0].textContent));
    await table.locator('tbody tr').first().waitFor();
    const filter = page.getByRole('checkbox', { name: '未組織の関連企業がある' });
    expect(await filter.isChecked()).toBe(true);
    expect(await names()).toEqual(withUnorganized.map((g) => g.company.name));
    const first = withUnorganized[0];
    const cells = await table
      .locator('tbody tr')
      .first()
      .evaluate((r) => [...(r as any).cells].map((c) => c.textContent));
    expect(cells.slice(1)).toEqual(
      [first.totals.companies, first.totals.employees, first.totals.organizedMembers]
        .map(numberJa)
        .concat([
          first.totals.organizationRate === null ? '-' : `${(first.totals.organizationRate * 100).toFixed(1)}%`,
          numberJa(first.totals.unorganizedCompanies),
          numberJa(first.totals.unorganizedInPrefecture),
        ]),
    );

    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'company-groups-targets', { fullPage: false });

    await filter.uncheck();
    await table.locator('tbody tr').nth(withUnorganized.length).waitFor();
    expect(await names()).toEqual(all.map((g) => g.company.name));
    await filter.check();
    await table.locator('tbody tr').nth(withUnorganized.length).waitFor({ state: 'detached' });

    // the export asks the same route with the same filters
    const exports = page.getByRole('group', { name: '組織化の対象グループの出力' });
    const [download] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: 'Excelで出力' }).click()]);
    const url = new URL(download.url());
    expect(url.pathname).toBe('/api/v1/company-groups');
    expect(Object.fromEntries(url.searchParams)).toEqual({ hasAffiliatedUnion: 'true', hasUnorganized: 'true', prefecture: '神奈川県', format: 'xlsx' });
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

    // leadership may not create prospects: no 「事業所として登録」 in a tree
    await table.getByRole('link', { name: first.company.name, exact: true }).click();
    await page.getByRole('tree').waitFor();
    expect(await page.getByRole('button', { name: '事業所として登録' }).count()).toBe(0);
    const treeExport = page.getByRole('group', { name: `${first.company.name}グループの出力` });
    const [treeFile] = await Promise.all([page.waitForEvent('download'), treeExport.getByRole('button', { name: 'CSVで出力' }).click()]);
    expect(new URL(treeFile.url()).pathname).toBe(`/api/v1/company-groups/${first.company.id}`);
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('on a phone the tree fits the width', async () => {
    const token = await t.login(demo.organizer.email, demo.organizer.password);
    const targets = (await t.request('GET', '/company-groups?hasAffiliatedUnion=true&hasUnorganized=true&prefecture=神奈川県&limit=500', { token })).body.items;
    const { context, page, problems } = await phone(browser);
    await signIn(page, t.baseUrl, demo.organizer.email, demo.organizer.password);
    await page.goto(`${t.baseUrl}/company-groups/${targets[0].company.id}`);
    await page.getByRole('tree').waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await page.getByRole('button', { name: '事業所として登録' }).count()).toBe(0);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'company-groups-phone', { fullPage: false });
    expect(problems).toEqual([]);
    await context.close();
  });
});
