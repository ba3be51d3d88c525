import { AggregationService } from '../../src/membership/aggregation/aggregation.service';
import { Clock } from '../../src/platform/time/clock';
import { appendToLedger } from '../../src/membership/membership-changes/ledger-writer';
import { ReportCache } from '../../src/insight/reports/report-cache';
import { makeCouncil, makeFederation, makeUnion } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

/** Cached report answers must never outlive the data they were computed from. */
describe('report cache', () => {
  let t: TestApp;
  let unionId: string;
  let federationId: string;
  const growth = '/reports/growth?groupBy=federation&from=2026-04&to=2026-05';

  const add = async (delta: number, effectiveOn: string): Promise<void> => {
    await t.db.transaction((m) =>
      appendToLedger(m, [{ unionId, effectiveOn, delta, cause: delta > 0 ? 'new_hire' : 'retirement', employmentType: 'regular' }], 'api', null),
    );
    await t.app.get(AggregationService).drain();
  };
  const members = async (): Promise<number[]> => {
    const res = await t.request('GET', growth, { token: t.adminToken });
    expect(res.status).toBe(200);
    return res.body.groups[0].months.map((m: { members: number }) => m.members);
  };

  beforeAll(async () => {
    t = await bootTestApp();
    t.app.get(Clock).set('2026-06-15');
    federationId = await makeFederation(t, { name: '旧名連合' });
    unionId = await makeUnion(t, { regionalCouncilId: await makeCouncil(t), federationId });
    await add(100, '2026-04-10');
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the same twice, and a new ledger change shows at once', async () => {
    expect(await members()).toEqual([100, 100]);
    expect(await members()).toEqual([100, 100]);
    await add(-7, '2026-05-02');
    expect(await members()).toEqual([100, 93]);
  });

  it('a renamed federation shows its new label', async () => {
    const before = await t.request('GET', growth, { token: t.adminToken });
    expect(before.body.groups[0].label).toBe('旧名連合');
    await t.db.query(`UPDATE federations SET name = '新名連合' WHERE id = $1`, [federationId]);
    const after = await t.request('GET', growth, { token: t.adminToken });
    expect(after.body.groups[0].label).toBe('新名連合');
  });

  it('goal progress follows the ledger', async () => {
    const leader = await t.request('POST', '/goals', {
      token: t.adminToken,
      body: { name: '目標', targetMembers: 200, targetOn: '2030-09-30', baselineOn: '2026-04-01', scope: {}, milestones: [] },
    });
    expect(leader.status).toBe(201);
    const progress = async (): Promise<number> => (await t.request('GET', `/goals/${leader.body.id}/progress`, { token: t.adminToken })).body.currentMembers;
    expect(await progress()).toBe(93);
    await add(5, '2026-06-01');
    expect(await progress()).toBe(98);
  });

  it('keeps the answers of the reports and the goals in one cache, under one byte budget', async () => {
    const cache = t.app.get(ReportCache);
    const goal = await t.request('POST', '/goals', {
      token: t.adminToken,
      body: { name: '共有キャッシュ', targetMembers: 200, targetOn: '2030-09-30', baselineOn: '2026-04-01', scope: {}, milestones: [] },
    });
    expect(goal.status).toBe(201);
    const [size, bytes] = [cache.size, cache.bytes];
    const report = await t.request('GET', '/reports/growth?groupBy=federation&from=2026-01&to=2026-06', { token: t.adminToken });
    expect(report.status).toBe(200);
    expect(cache.size).toBe(size + 1);
    const afterReport = cache.bytes;
    expect(afterReport).toBeGreaterThan(bytes);
    const progress = await t.request('GET', `/goals/${goal.body.id}/progress`, { token: t.adminToken });
    expect(progress.status).toBe(200);
    expect(cache.size).toBe(size + 2);
    expect(cache.bytes).toBeGreaterThan(afterReport);
  });

  it('sends the same answer gzip-compressed to clients that accept it', async () => {
    const plain = await t.request('GET', growth, { token: t.adminToken, headers: { 'accept-encoding': 'identity' } });
    const packed = await fetch(`${t.baseUrl}/api/v1${growth}`, {
      headers: { authorization: `Bearer ${t.adminToken}`, 'accept-encoding': 'gzip' },
    });
    expect(packed.headers.get('content-encoding')).toBe('gzip');
    expect(await packed.json()).toEqual(plain.body);
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it('sends brotli, made in the background once an answer is read again, to clients that accept it', async () => {
    const read = () => fetch(`${t.baseUrl}/api/v1${growth}`, { headers: { authorization: `Bearer ${t.adminToken}`, 'accept-encoding': 'gzip, deflate, br' } });
    const plain = await t.request('GET', growth, { token: t.adminToken, headers: { 'accept-encoding': 'identity' } });
    const encodings: (string | null)[] = [];
    for (let i = 0; i < 50 && encodings.at(-1) !== 'br'; i++) {
      const answer = await read();
      encodings.push(answer.headers.get('content-encoding'));
      expect(await answer.json()).toEqual(plain.body);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(encodings[0]).toBe('gzip');
    expect(encodings.at(-1)).toBe('br');
    const refusing = await fetch(`${t.baseUrl}/api/v1${growth}`, { headers: { authorization: `Bearer ${t.adminToken}`, 'accept-encoding': 'br;q=0, gzip' } });
    expect(refusing.headers.get('content-encoding')).toBe('gzip');
  });
});
