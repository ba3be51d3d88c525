import { makeCouncil, makeFederation, makeUnion } from './factories';
import type { TestApp } from './test-app';
import { waitFor } from './worker-process';

export interface LedgerFixture {
  unions: string[];
  /** `count` bulk items over the unions, months 2026-01..09; `seed` varies them. */
  items(count: number, seed: number): Record<string, unknown>[];
  post(body: unknown): ReturnType<TestApp['request']>;
  invariants(): Promise<any>;
}

/** Six unions in one new council, four of them in one new federation and two in none. */
export async function makeLedgerFixture(t: TestApp): Promise<LedgerFixture> {
  const councilId = await makeCouncil(t);
  const federationId = await makeFederation(t);
  const unions: string[] = [];
  for (let i = 0; i < 6; i++) unions.push(await makeUnion(t, { regionalCouncilId: councilId, federationId: i % 3 ? federationId : null }));
  return {
    unions,
    items: (count, seed) =>
      Array.from({ length: count }, (_, i) => ({
        unionId: unions[(seed + i) % unions.length],
        effectiveOn: `2026-${String(1 + ((seed + i) % 9)).padStart(2, '0')}-15`,
        delta: (seed + i) % 4 ? 2 : -1,
        cause: (seed + i) % 4 ? 'new_hire' : 'contract_end',
        employmentType: (seed + i) % 3 ? 'regular' : 'fixed_term',
        gender: (seed + i) % 2 ? 'female' : 'male',
      })),
    post: (body) => t.request('POST', '/membership-changes/bulk', { token: t.adminToken, body }),
    invariants: async () => (await t.request('GET', '/admin/invariants', { token: t.adminToken })).body,
  };
}

/** Waits for a queued job (GET /admin/jobs/:id) to complete or fail; returns what that answers. */
export async function jobEnd(t: TestApp, jobId: string): Promise<{ state: string; failedReason?: string; [field: string]: any }> {
  let job = { state: 'waiting' };
  await waitFor(`job ${jobId} to end`, async () =>
    ['completed', 'failed'].includes((job = (await t.request('GET', `/admin/jobs/${jobId}`, { token: t.adminToken })).body).state),
  );
  return job;
}
