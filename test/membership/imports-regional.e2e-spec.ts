import ExcelJS from 'exceljs';
import { makeCouncil, makeFederation, makeUser, TestUser } from '../support/factories';
import { Cell, check, clearImportsQueue, commit, csvFile, upload, xlsxFile } from '../support/imports';
import { TestApp, bootTestApp } from '../support/test-app';
import { WorkerProcess, clearQueue, startWorker } from '../support/worker-process';

const PROSPECT_HEADER: Cell[] = ['事業主名', '市区町村', '地域連合コード', '従業員数', '経緯', '担当オルガナイザー'];
const UNION_HEADER: Cell[] = ['組合コード', '組合名', '構成組織コード', '地域連合コード', '事業主名'];

/** An address as someone might type it in Excel: full-width letters and signs, in capitals. */
const fullWidthCapitals = (text: string): string => text.toUpperCase().replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

interface Validation {
  formulae: string[];
}

/** The downloaded template: its data sheet's header, drop-down formulae by header, and the workbook. */
async function template(t: TestApp, token: string, kind: string): Promise<{ header: string[]; dropDowns: Map<string, string>; book: ExcelJS.Workbook }> {
  const answer = await fetch(`${t.baseUrl}/api/v1/imports/templates/${kind}`, { headers: { authorization: `Bearer ${token}` } });
  expect(answer.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await answer.arrayBuffer()) as unknown as ExcelJS.Buffer);
  const sheet = book.worksheets[0];
  const header = (sheet.getRow(1).values as string[]).slice(1);
  const model = (sheet as unknown as { dataValidations: { model: Record<string, Validation> } }).dataValidations.model;
  const dropDowns = new Map<string, string>();
  header.forEach((h, i) => {
    const letter = String.fromCharCode(65 + i);
    const found = Object.entries(model).find(([range]) => range.replace(/^[^A-Z]*/, '').startsWith(`${letter}2`));
    if (found) dropDowns.set(h, found[1].formulae[0]);
  });
  return { header, dropDowns, book };
}

describe('imports by regional council staff (unions and prospects of their council)', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let shonan: string;
  let yokohama: string;
  let staff: TestUser;
  let colleague: TestUser;
  let otherStaff: TestUser;
  let organizerA: TestUser;
  let organizerB: TestUser;
  let yokohamaOrganizer: TestUser;
  let officer: TestUser;
  let leadership: TestUser;

  beforeAll(async () => {
    t = await bootTestApp();
    shonan = await makeCouncil(t, { code: 'shonan', name: '湘南地域連合', municipalities: ['藤沢市', '茅ヶ崎市'] });
    yokohama = await makeCouncil(t, { code: 'yokohama', name: '横浜地域連合', municipalities: ['横浜市'] });
    const federation = await makeFederation(t, { code: 'denki-rengo', name: '電機連合' });
    // enough federations that their codes outgrow Excel's inline list (255 characters)
    for (let i = 0; i < 30; i++) await makeFederation(t, { code: `federation-number-${i}` });
    staff = await makeUser(t, 'regional', { regionalCouncilId: shonan });
    colleague = await makeUser(t, 'regional', { regionalCouncilId: shonan });
    otherStaff = await makeUser(t, 'regional', { regionalCouncilId: yokohama });
    organizerA = await makeUser(t, 'organizer', { regionalCouncilId: shonan });
    organizerB = await makeUser(t, 'organizer', { regionalCouncilId: shonan });
    yokohamaOrganizer = await makeUser(t, 'organizer', { regionalCouncilId: yokohama });
    officer = await makeUser(t, 'federation', { federationId: federation });
    leadership = await makeUser(t, 'leadership');
    worker = await startWorker(t, 'imports-regional-worker');
  });
  afterAll(async () => {
    await worker?.stop();
    await clearImportsQueue(t);
    await clearQueue(t);
    await t.close();
  });

  it('imports prospects with their organizers by e-mail address, written as POST /prospects writes them', async () => {
    const file = csvFile(
      [
        PROSPECT_HEADER,
        ['湘南運輸株式会社', '藤沢市', null, 40, '労働相談から', `${organizerA.email}、${fullWidthCapitals(organizerB.email)}`],
        ['茅ヶ崎食品株式会社', '茅ヶ崎市', 'shonan', 25, 'referral', `${organizerB.email}, ${organizerB.email.toUpperCase()}`],
        ['担当なし株式会社', null, '湘南地域連合', 5, 'outreach', null],
      ],
      'cp932',
    );
    const checked = await check(t, staff.token, 'prospects', file, '事業所.csv');
    expect(checked).toMatchObject({ state: 'checked', rowsRead: 3, rowsValid: 3, errorCount: 0 });
    const { entry } = await commit(t, staff.token, checked.id);
    expect(entry).toMatchObject({ state: 'committed', summary: { created: 3 } });

    const listed = (await t.request('GET', '/prospects?limit=50', { token: staff.token })).body.items;
    const byName = (name: string): any => listed.find((p: any) => p.employerName === name);
    expect(byName('湘南運輸株式会社')).toMatchObject({ regionalCouncilId: shonan, source: 'consultation', createdBy: staff.id });
    expect([...byName('湘南運輸株式会社').assignedOrganizerIds].sort()).toEqual([organizerA.id, organizerB.id].sort());
    expect(byName('茅ヶ崎食品株式会社').assignedOrganizerIds).toEqual([organizerB.id]);
    expect(byName('担当なし株式会社').assignedOrganizerIds).toEqual([]);
    // the organizer finds the prospects assigned to them, as after POST /prospects
    const mine = (await t.request('GET', `/prospects?assignedOrganizerId=${organizerA.id}`, { token: organizerA.token })).body.items;
    expect(mine.map((p: any) => p.employerName)).toEqual(['湘南運輸株式会社']);
  });

  it('refuses, row by row and column by column in Japanese, another council’s rows and addresses that are not the council’s organizers', async () => {
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM prospects`))[0].n;
    const file = await xlsxFile([
      PROSPECT_HEADER,
      ['良い株式会社', '藤沢市', null, 10, '紹介', organizerA.email],
      ['横浜を名指し株式会社', null, 'yokohama', 10, '紹介', null],
      ['横浜の市株式会社', '横浜市', null, 10, '紹介', null],
      ['知らないアドレス株式会社', '藤沢市', null, 10, '紹介', `${organizerA.email} nobody@example.jp`],
      ['役割違い株式会社', '藤沢市', null, 10, '紹介', officer.email],
      ['他地域のオルガナイザー株式会社', '茅ヶ崎市', null, 10, '紹介', yokohamaOrganizer.email],
    ]);
    const checked = await check(t, staff.token, 'prospects', file);
    expect(checked).toMatchObject({ state: 'checked', rowsRead: 6, rowsValid: 1, errorCount: 5 });
    expect(checked.errors.map((e: any) => [e.row, e.column, e.value])).toEqual([
      [3, '地域連合コード', 'yokohama'],
      [4, '市区町村', '横浜市'],
      [5, '担当オルガナイザー', 'nobody@example.jp'],
      [6, '担当オルガナイザー', officer.email],
      [7, '担当オルガナイザー', yokohamaOrganizer.email],
    ]);
    const messages = checked.errors.map((e: any) => e.message);
    expect(messages[0]).toBe('横浜地域連合の事業所は登録できません。あなたの地域連合（湘南地域連合）の事業所だけを登録できます');
    expect(messages[1]).toContain('市区町村「横浜市」は横浜地域連合の市区町村です');
    // to council staff, an address that is not their council's organizer is only that: whose it is stays unsaid
    const notOurs = (address: string) =>
      `「${address}」はあなたの地域連合のオルガナイザーのメールアドレスではありません。担当にできるのは同じ地域連合のオルガナイザーだけです`;
    expect(messages.slice(2)).toEqual([notOurs('nobody@example.jp'), notOurs(officer.email), notOurs(yokohamaOrganizer.email)]);
    expect((await t.request('POST', `/imports/${checked.id}/commit`, { token: staff.token })).status).toBe(409);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM prospects`))[0].n).toBe(before);

    // the same file is clean for the chapter's admin but for the addresses: scope is the caller's
    const byAdmin = await check(t, t.adminToken, 'prospects', file);
    expect(byAdmin.errors.map((e: any) => [e.row, e.message])).toEqual([
      [5, '「nobody@example.jp」はオルガナイザーのメールアドレスではありません。担当にできるのはオルガナイザーだけです'],
      [6, `「${officer.email}」はオルガナイザーのメールアドレスではありません。担当にできるのはオルガナイザーだけです`],
      [7, `「${yokohamaOrganizer.email}」は横浜地域連合のオルガナイザーです。事業所と同じ地域連合のオルガナイザーを入力してください`],
    ]);
  });

  it('holds the organizers again at the commit: one moved to another council since the check fails the whole file', async () => {
    const mover = await makeUser(t, 'organizer', { regionalCouncilId: shonan });
    const checked = await check(
      t,
      staff.token,
      'prospects',
      await xlsxFile([
        PROSPECT_HEADER,
        ['先の株式会社', '藤沢市', null, 10, '紹介', organizerA.email],
        ['異動の株式会社', '藤沢市', null, 10, '紹介', mover.email],
      ]),
    );
    expect(checked).toMatchObject({ state: 'checked', errorCount: 0 });
    await t.db.query(`UPDATE users SET regional_council_id = $1 WHERE id = $2`, [yokohama, mover.id]);
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM prospects`))[0].n;
    const { entry } = await commit(t, staff.token, checked.id);
    expect(entry.state).toBe('failed');
    expect(entry.failure).toContain(`3行目の担当オルガナイザー「${mover.email}」`);
    expect(entry.failure).toContain('何も書き込まれていません');
    expect((await t.db.query(`SELECT count(*)::int AS n FROM prospects`))[0].n).toBe(before);
  });

  it('holds the council again at the commit, as a federation’s scope is held', async () => {
    const checked = await check(t, staff.token, 'unions', await xlsxFile([UNION_HEADER, ['moved-scope', '移管労働組合', null, 'shonan', '株式会社移管']]));
    expect(checked).toMatchObject({ state: 'checked', errorCount: 0 });
    // as if the file had been placed in another council: its rows are not of that council
    await t.db.query(`UPDATE imports SET scope_regional_council_id = $1 WHERE id = $2`, [yokohama, checked.id]);
    const { entry } = await commit(t, otherStaff.token, checked.id);
    expect(entry.state).toBe('failed');
    expect(entry.failure).toContain('2行目の組合は、あなたの地域連合の組合ではありません');
    expect((await t.db.query(`SELECT count(*)::int AS n FROM unions WHERE code = 'moved-scope'`))[0].n).toBe(0);
  });

  it('imports unions of their own council only', async () => {
    const checked = await check(
      t,
      staff.token,
      'unions',
      await xlsxFile([
        UNION_HEADER,
        ['shonan-new', '湘南新労働組合', 'denki-rengo', 'shonan', '株式会社湘南新'],
        ['yokohama-new', '横浜新労働組合', 'denki-rengo', '横浜地域連合', '株式会社横浜新'],
      ]),
    );
    expect(checked.errors.map((e: any) => [e.row, e.column, e.value, e.message])).toEqual([
      [3, '地域連合コード', '横浜地域連合', '横浜地域連合の組合は登録できません。あなたの地域連合（湘南地域連合）の組合だけを登録できます'],
    ]);
    const own = await check(
      t,
      staff.token,
      'unions',
      await xlsxFile([UNION_HEADER, ['shonan-new', '湘南新労働組合', 'denki-rengo', 'shonan', '株式会社湘南新']]),
    );
    expect((await commit(t, staff.token, own.id)).entry).toMatchObject({ state: 'committed', summary: { created: 1 } });
    const listed = (await t.request('GET', '/unions?q=shonan-new', { token: staff.token })).body.items;
    expect(listed).toMatchObject([{ code: 'shonan-new', regionalCouncilId: shonan }]);
  });

  it('refuses regional staff the membership kinds with 403 in Japanese, before the file is kept', async () => {
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM imports`))[0].n;
    for (const kind of ['membership-changes', 'membership-survey']) {
      const answer = await upload(t, staff.token, kind, csvFile([['組合コード', '発効日']], 'utf8'), 'changes.csv');
      expect(answer.status).toBe(403);
      expect(answer.body.message).toBe('地域連合の担当者は組合員数の増減・年次調査を取り込めません。構成組織の担当者に依頼してください');
    }
    const federation = await upload(t, officer.token, 'prospects', csvFile([PROSPECT_HEADER], 'utf8'), 'p.csv');
    expect(federation.status).toBe(403);
    expect(federation.body.message).toContain('構成組織の担当者は事業所(組織化対象)を取り込めません');
    expect((await upload(t, organizerA.token, 'prospects', csvFile([PROSPECT_HEADER], 'utf8'), 'p.csv')).status).toBe(403);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM imports`))[0].n).toBe(before);
  });

  it('shows council staff the imports of their council (theirs and their colleagues’), and no other', async () => {
    const fromColleague = await check(
      t,
      colleague.token,
      'unions',
      await xlsxFile([UNION_HEADER, ['colleague-u', '同僚労働組合', null, 'shonan', '株式会社同僚']]),
    );
    const fromYokohama = await check(
      t,
      otherStaff.token,
      'unions',
      await xlsxFile([UNION_HEADER, ['yokohama-u', '横浜労働組合', null, 'yokohama', '株式会社横浜']]),
    );
    const fromAdmin = await check(t, t.adminToken, 'unions', await xlsxFile([UNION_HEADER, ['admin-u', '管理者労働組合', null, 'yokohama', '株式会社管理']]));

    const seen = (await t.request('GET', '/imports?limit=500', { token: staff.token })).body;
    const ids = seen.items.map((i: any) => i.id);
    expect(ids).toContain(fromColleague.id);
    expect(ids).not.toContain(fromYokohama.id);
    expect(ids).not.toContain(fromAdmin.id);
    expect(seen.items.every((i: any) => [staff.id, colleague.id].includes(i.createdBy))).toBe(true);
    expect(seen.total).toBe(seen.items.length);
    expect((await t.request('GET', `/imports/${fromColleague.id}`, { token: staff.token })).status).toBe(200);
    expect((await t.request('GET', `/imports/${fromYokohama.id}`, { token: staff.token })).status).toBe(404);
    expect((await t.request('POST', `/imports/${fromYokohama.id}/commit`, { token: staff.token })).status).toBe(404);
    // a colleague's clean file is the council's to commit
    expect((await commit(t, staff.token, fromColleague.id)).entry).toMatchObject({ state: 'committed' });

    const everything = (await t.request('GET', '/imports?limit=500', { token: leadership.token })).body.items.map((i: any) => i.id);
    expect(everything).toEqual(expect.arrayContaining([fromColleague.id, fromYokohama.id, fromAdmin.id]));
    expect((await t.request('POST', `/imports/${fromAdmin.id}/commit`, { token: leadership.token })).status).toBe(403);
  });

  it('gives council staff templates whose council drop-down lists their council alone, with the 担当オルガナイザー column', async () => {
    for (const kind of ['prospects', 'unions']) {
      const { dropDowns } = await template(t, staff.token, kind);
      expect(dropDowns.get('地域連合コード')).toBe('"shonan"');
      // federations are many: a range of the hidden sheet, not an inline list
      expect(dropDowns.get(kind === 'unions' ? '構成組織コード' : '対象構成組織コード')).toMatch(/^コード!\$[A-Z]\$2:\$[A-Z]\$32$/);
    }
    const { header, book } = await template(t, staff.token, 'prospects');
    expect(header).toContain('担当オルガナイザー');
    const codes = book.getWorksheet('コード')!;
    expect(codes.state).toBe('hidden');
    expect((codes.getSheetValues() as unknown[][]).flat()).toEqual(expect.arrayContaining(['denki-rengo', 'federation-number-0', '電機連合']));
    const help = (book.getWorksheet('説明')!.getSheetValues() as unknown[][]).filter(Boolean);
    const organizersHelp = help.find((r) => r[1] === '担当オルガナイザー');
    expect(organizersHelp?.[3]).toContain('メールアドレス');
    const csv = await fetch(`${t.baseUrl}/api/v1/imports/templates/prospects?format=csv`, { headers: { authorization: `Bearer ${staff.token}` } });
    expect((await csv.text()).replace('\ufeff', '').trim().split(',')).toContain('担当オルガナイザー');

    const forAdmin = await template(t, t.adminToken, 'prospects');
    expect(forAdmin.dropDowns.get('地域連合コード')).toBe('"shonan,yokohama"');
    const forOfficer = await template(t, officer.token, 'unions');
    expect(forOfficer.dropDowns.get('構成組織コード')).toBe('"denki-rengo"');
    expect(forOfficer.dropDowns.get('地域連合コード')).toBe('"shonan,yokohama"');
  });
});
