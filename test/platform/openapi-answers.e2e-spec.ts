import { loadDemo } from '../support/demo';
import { OpenApiDocument, Operation, Schema, builtOpenApiDocument, operationsOf, schemaProblems } from '../support/openapi';
import { TestApp, bootTestApp } from '../support/test-app';

const PREFIX = '/api/v1';

/** Query values for the reports that need them to say something (the rest take their defaults). */
const QUERIES: Record<string, string> = {
  '/reports/growth': '?from=2025-04&to=2026-03&groupBy=federation',
  '/reports/loss-causes': '?from=2025-04&to=2026-03',
  '/reports/net-change': '?from=2025-04&to=2026-03',
  '/reports/gender': '?groupBy=regionalCouncil',
  '/reports/dues-projection': '?fiscalYear=2025',
  '/reports/organizer-activity': '?month=2026-03',
};

/**
 * Real answers against the document the console is typed from: every GET of the API is
 * called on the demo data (ids taken from the lists) and its answer checked against the
 * declared schema (required properties present, declared types, enums, nullability), as
 * are a created record and a few error answers.
 */
describe('answers match the OpenAPI document', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  let operations: Operation[];
  const firstIds: Record<string, string> = {};

  const declared = (method: string, path: string, status: number): Schema => {
    const operation = operations.find((o) => o.method === method && o.path === `${PREFIX}${path}`);
    if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
    const schema = operation.operation.responses[String(status)]?.content?.['application/json']?.schema as Schema | undefined;
    if (!schema) throw new Error(`${method.toUpperCase()} ${path} declares no ${status} JSON answer`);
    return schema;
  };

  /** Calls the route and answers the problems of its answer against what the document declares for it. */
  const check = async (method: string, documentedPath: string, realPath: string, expectedStatus: number, body?: unknown) => {
    const answer = await t.requestUntyped(method.toUpperCase(), realPath, { token: t.adminToken, body });
    if (answer.status !== expectedStatus) return { answer, problems: [`${method.toUpperCase()} ${realPath}: ${answer.status} ${JSON.stringify(answer.body)}`] };
    return { answer, problems: schemaProblems(document, declared(method, documentedPath, expectedStatus), answer.body, `${method.toUpperCase()} ${realPath}`) };
  };

  beforeAll(async () => {
    document = builtOpenApiDocument();
    operations = operationsOf(document);
    t = await bootTestApp();
    await loadDemo(t);
    // records the demo has none of, so that their lists and reads have something to check
    const council = (await t.request('GET', '/regional-councils?limit=1', { token: t.adminToken })).body.items[0];
    await t.request('POST', '/loss-reviews', {
      token: t.adminToken,
      body: {
        regionalCouncilId: council.id,
        periodFrom: '2025-04',
        periodTo: '2026-03',
        causes: ['retirement'],
        findings: '定年退職が多い',
        countermeasures: '再雇用者の加入促進',
      },
    });
    await t.request('POST', '/consultations', {
      token: t.adminToken,
      body: { receivedOn: '2026-03-10', regionalCouncilId: council.id, channel: 'street', topics: ['wages'], summary: '残業代の未払い' },
    });
    await t.request('POST', '/periods/2025-04/close', { token: t.adminToken });
    // an import as the worker leaves a checked file with a problem (no worker runs here)
    await t.db.query(
      `INSERT INTO imports (kind, file_name, file_size, sha256, state, progress, rows_read, rows_valid, error_count, errors, summary, created_by)
       SELECT 'membership-changes', '4月分.xlsx', 1024, repeat('a', 64), 'checked', 100, 2, 1, 1,
              '[{"row": 3, "column": "事由", "value": "転勤", "code": "CODE_UNKNOWN", "message": "事由「転勤」はありません。コードまたは一覧の名称で入力してください"}]', '{"rows": 1}', id
       FROM users WHERE role = 'admin' LIMIT 1`,
    );
    // a device registered for push (the test app has no VAPID keys, so not through the API)
    await t.db.query(
      `INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth)
       SELECT id, 'https://fcm.googleapis.com/fcm/send/demo-device', 'BAAA', 'AAAA' FROM users WHERE role = 'admin' LIMIT 1`,
    );
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('answers every list as documented', async () => {
    const lists = operations.filter((o) => o.method === 'get' && !o.path.includes('{'));
    expect(lists.length).toBeGreaterThan(20);
    const problems: string[] = [];
    const empty: string[] = [];
    for (const o of lists) {
      const path = o.path.slice(PREFIX.length);
      const { answer, problems: found } = await check('get', path, `${path}${QUERIES[path] ?? ''}`, 200);
      problems.push(...found);
      if (Array.isArray(answer.body?.items)) {
        if (answer.body.items.length === 0) empty.push(path);
        else firstIds[path] = answer.body.items[0].id;
      }
    }
    expect(problems).toEqual([]);
    // a list checked while empty says nothing about its items
    expect(empty).toEqual([]);
  });

  it('answers every read of one record as documented', async () => {
    const reads = operations.filter((o) => o.method === 'get' && /\{(id|prospectId)\}/.test(o.path) && !o.path.startsWith(`${PREFIX}/admin/jobs`));
    const problems: string[] = [];
    for (const o of reads) {
      const path = o.path.slice(PREFIX.length);
      const list = path.startsWith('/prospects/{prospectId}') ? '/prospects' : path.slice(0, path.indexOf('/{'));
      const id = firstIds[list];
      if (!id) {
        problems.push(`${o.name}: no ${list} record to read`);
        continue;
      }
      problems.push(...(await check('get', path, path.replace(/\{(id|prospectId)\}/, id), 200)).problems);
    }
    expect(problems).toEqual([]);
  });

  it('answers a queued job as documented', async () => {
    const queued = await check('post', '/admin/aggregations/rebuild', '/admin/aggregations/rebuild', 202);
    expect(queued.problems).toEqual([]);
    const job = await check('get', '/admin/jobs/{id}', `/admin/jobs/${queued.answer.body.jobId}`, 200);
    expect(job.problems).toEqual([]);
  });

  it('answers a created record as documented', async () => {
    const { problems } = await check('post', '/sectors', '/sectors', 201, { code: 'openapi-check', name: '検査用部門' });
    expect(problems).toEqual([]);
  });

  it('answers errors with the one error body it documents', async () => {
    const unknown = await check('get', '/unions/{id}', '/unions/00000000-0000-4000-8000-000000000000', 404);
    const badField = await check('post', '/sectors', '/sectors', 400, { code: '', name: '' });
    const duplicate = await check('post', '/sectors', '/sectors', 409, { code: 'openapi-check', name: '重複' });
    expect([...unknown.problems, ...badField.problems, ...duplicate.problems]).toEqual([]);
    expect(badField.answer.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'code' })]));
  });
});
