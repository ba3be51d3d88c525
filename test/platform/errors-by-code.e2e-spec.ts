import { makeCouncil, makeFederation, makeUnion, makeUser } from '../support/factories';
import { Answer, TestApp, bootTestApp } from '../support/test-app';
import { clearQueue } from '../support/worker-process';

/**
 * The error contract, driven through HTTP: every error body and every detail carries a
 * code from the OpenAPI document's enum (ErrorCode), and each kind of failure its own.
 * Programs and the console decide by these codes, never by the wording of message.
 */
describe('errors by code', () => {
  let t: TestApp;
  let codes: string[];
  let unionId: string;
  let foreignUnionId: string;
  let federationToken: string;

  /** The failure's body, after checking that it and each of its details carry a listed code. */
  const coded = (answer: Answer): { code: string; details?: { field: string; code: string; message: string }[] } => {
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(codes).toContain(answer.body.code);
    for (const detail of answer.body.details ?? []) {
      expect(Object.keys(detail).sort()).toEqual(['code', 'field', 'message']);
      expect(codes).toContain(detail.code);
    }
    return answer.body;
  };
  const detailCodes = (answer: Answer): Record<string, string> => Object.fromEntries((coded(answer).details ?? []).map((d) => [d.field, d.code]));

  const change = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    unionId,
    effectiveOn: '2026-04-01',
    delta: 3,
    cause: 'new_hire',
    employmentType: 'regular',
    ...over,
  });

  beforeAll(async () => {
    t = await bootTestApp();
    const document = await t.requestUntyped('GET', '/docs-json');
    codes = document.body.components.schemas.ErrorCode.enum;
    const councilId = await makeCouncil(t);
    const federationId = await makeFederation(t);
    unionId = await makeUnion(t, { regionalCouncilId: councilId, federationId });
    foreignUnionId = await makeUnion(t, { regionalCouncilId: councilId, federationId: await makeFederation(t) });
    federationToken = (await makeUser(t, 'federation', { federationId })).token;
  });
  afterAll(async () => {
    await clearQueue(t);
    await t.close();
  });

  it('lists the codes in the OpenAPI document, the body’s and each detail’s', () => {
    expect(codes).toEqual(
      expect.arrayContaining(['INVALID_FIELD', 'SIGN_MISMATCH', 'STALE_VERSION', 'OUT_OF_SCOPE', 'DUPLICATE', 'BODY_TOO_LARGE', 'UNKNOWN_FIELD']),
    );
  });

  it('names what is wrong with each field of a body, by the kind of rule it breaks', async () => {
    const user = await t.request('POST', '/users', {
      token: t.adminToken,
      body: { email: 'not-an-address', password: 'short', displayName: '', role: 'boss', regionalCouncilId: 'x', colour: 'red' },
    });
    expect(user.status).toBe(400);
    expect(coded(user).code).toBe('INVALID_FIELD');
    expect(detailCodes(user)).toEqual({
      email: 'NOT_EMAIL',
      password: 'TOO_SHORT',
      displayName: 'TOO_SHORT',
      role: 'NOT_ONE_OF',
      regionalCouncilId: 'INVALID_FORMAT',
      colour: 'UNKNOWN_FIELD',
    });

    const entry = await t.request('POST', '/membership-changes', {
      token: t.adminToken,
      body: change({ effectiveOn: '2026-02-30', delta: 0, cause: 'layoff', employmentType: 7 }),
    });
    expect(detailCodes(entry)).toEqual({ effectiveOn: 'INVALID_FORMAT', delta: 'OUT_OF_RANGE', cause: 'NOT_ONE_OF', employmentType: 'NOT_ONE_OF' });
  });

  it('says SIGN_MISMATCH for a delta whose sign does not fit its cause, one entry or many', async () => {
    const one = await t.request('POST', '/membership-changes', { token: t.adminToken, body: change({ delta: -3 }) });
    expect(one.status).toBe(400);
    expect(detailCodes(one)).toEqual({ delta: 'SIGN_MISMATCH' });
    const bulk = await t.request('POST', '/membership-changes/bulk', { token: t.adminToken, body: { items: [change(), change({ cause: 'resignation' })] } });
    expect(detailCodes(bulk)).toEqual({ 'items[1].delta': 'SIGN_MISMATCH' });
  });

  it('says DUPLICATE, STALE_VERSION and OUT_OF_SCOPE, on the body and on the field to blame', async () => {
    const sector = await t.request('POST', '/sectors', { token: t.adminToken, body: { code: 'coded', name: '部門' } });
    const duplicate = await t.request('POST', '/sectors', { token: t.adminToken, body: { code: 'coded', name: '部門' } });
    expect([duplicate.status, coded(duplicate).code, detailCodes(duplicate)]).toEqual([409, 'DUPLICATE', { code: 'DUPLICATE' }]);

    await t.request('PATCH', `/sectors/${sector.body.id}`, { token: t.adminToken, body: { name: '新', version: 1 } });
    const stale = await t.request('PATCH', `/sectors/${sector.body.id}`, { token: t.adminToken, body: { name: '古', version: 1 } });
    expect([stale.status, coded(stale).code, detailCodes(stale)]).toEqual([409, 'STALE_VERSION', { version: 'STALE_VERSION' }]);

    const foreign = await t.request('POST', '/membership-changes', { token: federationToken, body: change({ unionId: foreignUnionId }) });
    expect([foreign.status, coded(foreign).code, detailCodes(foreign)]).toEqual([404, 'NOT_FOUND', { unionId: 'OUT_OF_SCOPE' }]);
  });

  it('codes what the edge refuses: an unknown field, a NUL, a path id, a body too large, no token, an unknown id or path', async () => {
    const unknown = await t.request('POST', '/sectors', { token: t.adminToken, body: { code: 'x2', name: 'X', colour: 'red' } });
    expect(detailCodes(unknown)).toEqual({ colour: 'UNKNOWN_FIELD' });
    const nul = await t.request('POST', '/sectors', { token: t.adminToken, body: { code: 'x3', name: 'a\u0000b' } });
    expect(detailCodes(nul)).toEqual({ name: 'NUL_CHARACTER' });
    const id = await t.request('GET', '/sectors/not-a-uuid', { token: t.adminToken });
    expect(detailCodes(id)).toEqual({ id: 'INVALID_FORMAT' });
    const large = await t.request('POST', '/sectors', { token: t.adminToken, body: { code: 'x4', name: 'x'.repeat(2 * 1024 * 1024) } });
    expect([large.status, coded(large).code]).toEqual([413, 'BODY_TOO_LARGE']);
    const anonymous = await t.request('GET', '/sectors');
    expect([anonymous.status, coded(anonymous).code]).toEqual([401, 'UNAUTHENTICATED']);
    const wrong = await t.request('POST', '/auth/login', { body: { email: 'nobody@test.rengo', password: 'wrong-password' } });
    expect([wrong.status, coded(wrong).code]).toEqual([401, 'WRONG_CREDENTIALS']);
    const missing = await t.request('GET', '/sectors/00000000-0000-4000-8000-000000000000', { token: t.adminToken });
    expect([missing.status, coded(missing).code]).toEqual([404, 'NOT_FOUND']);
    const malformed = await t.request('POST', '/sectors', { token: t.adminToken, body: '{"code":' });
    expect([malformed.status, coded(malformed).code]).toEqual([400, 'BAD_REQUEST']);
    // a path no route answers (a typo, an old client)
    const nowhere = await t.requestUntyped('GET', '/no-such-path', { token: t.adminToken });
    expect([nowhere.status, coded(nowhere).code]).toEqual([404, 'NOT_FOUND']);
  });
});
