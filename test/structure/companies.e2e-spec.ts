import { corporateNumberCheckDigit, isValidCorporateNumber, normalizeCompanyName } from '../../src/structure/companies/company-identity';
import { makeCouncil, makeUser, TestUser } from '../support/factories';
import { CallWithBody, TestApp, bootTestApp } from '../support/test-app';

/** A valid 法人番号 from any 12 digits: the check digit put in front. */
export const corporateNumber = (base12: string): string => `${corporateNumberCheckDigit(base12)}${base12}`;

describe('/companies and /company-relations', () => {
  let t: TestApp;
  let staff: TestUser;
  let organizer: TestUser;
  const admin: CallWithBody = (method, path, body) => t.request(method, path, { token: t.adminToken, body });
  const company = async (name: string, extra: Record<string, unknown> = {}): Promise<string> => {
    const answer = await admin('POST', '/companies', { name, ...extra });
    expect(answer.status).toBe(201);
    return answer.body.id;
  };
  const relate = (parentId: string, childId: string, kind = 'consolidated_subsidiary', extra: Record<string, unknown> = {}) =>
    admin('POST', '/company-relations', { parentId, childId, kind, ...extra });

  beforeAll(async () => {
    t = await bootTestApp();
    const yokohama = await makeCouncil(t, { municipalities: ['横浜市'] });
    staff = await makeUser(t, 'regional', { regionalCouncilId: yokohama });
    organizer = await makeUser(t, 'organizer', { regionalCouncilId: yokohama });
  });
  afterAll(async () => {
    await t.close();
  });

  it('verifies the 法人番号 check digit as the National Tax Agency defines it', () => {
    // 国税庁's own number
    expect(isValidCorporateNumber('7000012050002')).toBe(true);
    expect(isValidCorporateNumber('6000012050002')).toBe(false);
    expect(isValidCorporateNumber('700001205000')).toBe(false);
    expect(corporateNumberCheckDigit('000012050002')).toBe(7);
  });

  it('registers a company with a valid 法人番号, also typed in full-width digits, and refuses a wrong check digit naming the field', async () => {
    const created = await admin('POST', '/companies', {
      corporateNumber: '７００００１２０５０００２',
      edinetCode: 'Ｅ０２１４４',
      name: '株式会社　湘南モビリティ',
      nameKana: 'しょうなんもびりてぃ',
      prefecture: '神奈川県',
      municipality: '藤沢市',
      industryCode: 'E',
      employees: { count: 4200, asOf: '2025-03-31', source: '有価証券報告書（2025年3月期）' },
      listed: true,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      corporateNumber: '7000012050002',
      edinetCode: 'E02144',
      name: '株式会社 湘南モビリティ',
      nameKana: 'ショウナンモビリティ',
      nameNormalized: '湘南モビリティ',
      industryCode: 'E',
      industryLabel: '製造業',
      employees: { count: 4200, asOf: '2025-03-31', source: '有価証券報告書（2025年3月期）' },
      listed: true,
      unionPresence: 'unknown',
      status: 'unknown',
      statusLabel: '不明',
      version: 1,
    });
    const wrong = await admin('POST', '/companies', { corporateNumber: '6000012050002', name: '株式会社にせもの' });
    expect([wrong.status, wrong.body.details?.[0]]).toEqual([400, expect.objectContaining({ field: 'corporateNumber', code: 'CORPORATE_NUMBER_CHECK_DIGIT' })]);
    const short = await admin('POST', '/companies', { corporateNumber: '12345', name: '株式会社みじかい' });
    expect([short.status, short.body.details?.[0]?.field]).toEqual([400, 'corporateNumber']);
    const again = await admin('POST', '/companies', { corporateNumber: '7000012050002', name: '別の会社' });
    expect([again.status, again.body.details?.[0]?.field]).toEqual([409, 'corporateNumber']);
    const patched = await admin('PATCH', `/companies/${created.body.id}`, { corporateNumber: '1000012050002', version: 1 });
    expect([patched.status, patched.body.details?.[0]?.code]).toEqual([400, 'CORPORATE_NUMBER_CHECK_DIGIT']);
    const stale = await admin('PATCH', `/companies/${created.body.id}`, { listed: false, version: 7 });
    expect(stale.status).toBe(409);
  });

  it('matches names exactly after normalising (NFKC, 株式会社/(株)/㈱ folded), never fuzzily, and searches by 法人番号', async () => {
    expect(normalizeCompanyName('㈱ ＡＢＣ物流')).toBe(normalizeCompanyName('ABC物流株式会社'));
    expect(normalizeCompanyName('（株）ABC物流')).toBe('abc物流');
    const id = await company('㈱みなと精工', { corporateNumber: corporateNumber('101010101010') });
    await company('株式会社みなと精工サービス');
    for (const typed of ['株式会社みなと精工', 'みなと精工（株）', '(株)みなと精工', 'みなと　精工']) {
      const found = await admin('GET', `/companies?name=${encodeURIComponent(typed)}`);
      expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    }
    const fuzzy = await admin('GET', `/companies?name=${encodeURIComponent('みなと精鋼')}`);
    expect(fuzzy.body.total).toBe(0);
    const search = await admin('GET', `/companies?q=${encodeURIComponent('みなと精工')}`);
    expect(search.body.total).toBe(2);
    const byNumber = await t.request('GET', `/companies?q=${corporateNumber('101010101010')}`, { token: organizer.token });
    expect(byNumber.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
  });

  it('filters by prefecture, industry and hasUnion', async () => {
    const other = await company('株式会社よそ労組', { prefecture: '静岡県', industryCode: 'H', unionPresence: 'other_union', otherUnionName: '全国一般静岡' });
    const none = await company('株式会社まだ未組織', { prefecture: '静岡県', industryCode: 'H', unionPresence: 'none' });
    const found = await admin('GET', `/companies?prefecture=${encodeURIComponent('静岡県')}&industryCode=H&hasUnion=true`);
    expect(found.body.items.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([[other, 'other_union']]);
    const without = await admin('GET', `/companies?prefecture=${encodeURIComponent('静岡県')}&hasUnion=false`);
    expect(without.body.items.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([[none, 'unorganized']]);
  });

  it('keeps at most one current controlling parent, and an equity affiliate beside it', async () => {
    const [a, b, c] = [await company('親会社A'), await company('親会社B'), await company('子会社C')];
    expect((await relate(a, c, 'consolidated_subsidiary', { votingShare: 100, startOn: '2020-04-01' })).status).toBe(201);
    const second = await relate(b, c, 'parent_subsidiary');
    expect([second.status, second.body.code, second.body.details?.[0]?.field]).toEqual([409, 'SECOND_CONTROLLING_PARENT', 'childId']);
    const equity = await relate(b, c, 'equity_affiliate', { votingShare: 20 });
    expect(equity.status).toBe(201);
    // a controlling parent for a period that ended before the first began is history, not a second parent
    expect((await relate(b, c, 'parent_subsidiary', { startOn: '2010-01-01', endOn: '2019-12-31' })).status).toBe(201);
    const overlapping = await relate(b, c, 'parent_subsidiary', { startOn: '2015-01-01', endOn: '2021-12-31' });
    expect(overlapping.status).toBe(409);
  });

  it('refuses a relation that makes a cycle, naming parentId', async () => {
    const [x, y, z] = [await company('循環X'), await company('循環Y'), await company('循環Z')];
    expect((await relate(x, y)).status).toBe(201);
    expect((await relate(y, z)).status).toBe(201);
    const cycle = await relate(z, x, 'equity_affiliate');
    expect([cycle.status, cycle.body.details?.[0]]).toEqual([400, expect.objectContaining({ field: 'parentId', code: 'RELATION_CYCLE' })]);
    const self = await relate(x, x, 'other_related');
    expect(self.status).toBe(400);
  });

  it('refuses one of two concurrent relations that together would close a cycle', async () => {
    for (let round = 0; round < 5; round++) {
      const [p, q] = [await company(`競合P${round}`), await company(`競合Q${round}`)];
      const answers = await Promise.all([relate(p, q, 'equity_affiliate'), relate(q, p, 'equity_affiliate')]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 400]);
      const rows = await t.db.query(`SELECT count(*)::int AS n FROM company_relations WHERE parent_id IN ($1, $2)`, [p, q]);
      expect(rows[0].n).toBe(1);
    }
  });

  it('lets every role read, and only admins, council and federation staff write', async () => {
    expect((await t.request('GET', '/companies', { token: organizer.token })).status).toBe(200);
    expect((await t.request('POST', '/companies', { token: organizer.token, body: { name: '株式会社だめ' } })).status).toBe(403);
    expect((await t.request('POST', '/companies', { token: staff.token, body: { name: '株式会社よい' } })).status).toBe(201);
    const rel = await t.request('GET', '/company-relations?current=true', { token: organizer.token });
    expect(rel.status).toBe(200);
    expect(rel.body.items.every((r: { current: boolean }) => r.current)).toBe(true);
  });

  it('audits every write of a company and a relation', async () => {
    const id = await company('株式会社監査テスト');
    const other = await company('株式会社監査テスト子');
    await admin('PATCH', `/companies/${id}`, { listed: true, version: 1 });
    const relation = await relate(id, other);
    await admin('PATCH', `/company-relations/${relation.body.id}`, { votingShare: 60, version: 1 });
    expect((await admin('DELETE', `/company-relations/${relation.body.id}`)).status).toBe(204);
    expect((await admin('DELETE', `/companies/${other}`)).status).toBe(204);
    const events = await t.db.query(`SELECT action, changes FROM audit_events WHERE target_id IN ($1, $2, $3) ORDER BY occurred_at, id`, [
      id,
      other,
      relation.body.id,
    ]);
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'company.created',
      'company.created',
      'company.updated',
      'company_relation.created',
      'company_relation.updated',
      'company_relation.deleted',
      'company.deleted',
    ]);
    expect(events[2].changes).toEqual({ listed: [null, true] });
  });

  it('answers 409 when a company still in a relation is deleted', async () => {
    const [a, b] = [await company('株式会社削除親'), await company('株式会社削除子')];
    await relate(a, b);
    expect((await admin('DELETE', `/companies/${a}`)).status).toBe(409);
  });
});
