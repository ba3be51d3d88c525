import { functionDefinitions } from '../../scripts/schema-snapshot';
import { AggregationService } from '../../src/membership/aggregation/aggregation.service';
import { appendToLedger } from '../../src/membership/membership-changes/ledger-writer';
import { CAUSES, CAUSE_LABELS, Cause, DECREASE_CAUSES, INCREASE_CAUSES } from '../../src/membership/vocabulary';
import { LABELS } from '../../src/labels';
import { makeCouncil, makeFederation, makeUnion } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

/** The kind of sum each cause feeds, as the TypeScript vocabulary says. */
const kindInTypeScript = (cause: string): string =>
  (INCREASE_CAUSES as readonly string[]).includes(cause) ? 'increase' : (DECREASE_CAUSES as readonly string[]).includes(cause) ? 'decrease' : 'adjustment';
const byCause = (a: { cause: string }, b: { cause: string }): number => a.cause.localeCompare(b.cause);

describe('the cause vocabulary: TypeScript, labels, SQL and the rebuild agree', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('names the same causes with the same kinds in TypeScript, in the labels and in cause_kind()', async () => {
    expect(Object.keys(LABELS.causes).sort()).toEqual([...CAUSES].sort());
    const kinds: { cause: string; kind: string | null }[] = await t.db.query(`SELECT c AS cause, cause_kind(c) AS kind FROM unnest($1::text[]) AS c`, [
      [...CAUSES, 'no_such_cause'],
    ]);
    expect(kinds).toEqual([...CAUSES.map((cause) => ({ cause, kind: kindInTypeScript(cause) })), { cause: 'no_such_cause', kind: null }]);
  });

  it('answers GET /labels with every list the areas own, the causes with their labels from the vocabulary', async () => {
    const labels = await t.request('GET', '/labels', { token: t.adminToken });
    expect(labels.status).toBe(200);
    expect(Object.keys(labels.body)).toEqual(Object.keys(LABELS));
    expect(labels.body.causes).toEqual(CAUSES.map((code) => ({ code, label: CAUSE_LABELS[code][0], labelEn: CAUSE_LABELS[code][1] })));
    expect(labels.body.causes).toContainEqual({ code: 'new_hire', label: '新規採用者の加入', labelEn: 'new hire' });
    expect(labels.body.stages).toContainEqual({ code: 'committee', label: '結成準備会', labelEn: 'committee' });
  });

  it('gives the rebuild exactly the TypeScript causes, from the one list every SQL function reads', async () => {
    const listed: { cause: string; kind: string }[] = await t.db.query(`SELECT key AS cause, value AS kind FROM jsonb_each_text(cause_kinds())`);
    expect(listed.sort(byCause)).toEqual(CAUSES.map((cause) => ({ cause, kind: kindInTypeScript(cause) })).sort(byCause));

    const definitions = await functionDefinitions(t.config.databaseUrl);
    expect(definitions.get('aggregation_rebuild_group_levels_next')).toContain('jsonb_each_text(cause_kinds())');
    // no function but the list itself spells a cause, so none can fall behind it
    const spelling = [...definitions]
      .filter(([name]) => name !== 'cause_kinds')
      .flatMap(([name, definition]) => CAUSES.filter((cause) => definition.includes(`'${cause}'`)).map((cause) => `${name}: ${cause}`));
    expect(spelling).toEqual([]);
  });

  it('keeps a cause added to the SQL list alone in every rollup level through a rebuild, as the batches count it', async () => {
    const councilId = await makeCouncil(t);
    const federationId = await makeFederation(t);
    const unionId = await makeUnion(t, { regionalCouncilId: councilId, federationId });
    // what a migration adding a cause does (the vocabulary before the TypeScript knows it)
    const [{ list }] = await t.db.query(`SELECT cause_kinds()::text AS list`);
    await t.db.query(`CREATE OR REPLACE FUNCTION cause_kinds() RETURNS jsonb LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT '${list}'::jsonb || '{"reinstatement": "increase"}' $$`);
    const entry = (cause: string, delta: number) => ({ unionId, effectiveOn: '2026-04-10', delta, cause: cause as Cause, employmentType: 'regular' as const });
    await t.db.transaction((manager) => appendToLedger(manager, [entry('new_hire', 5), entry('reinstatement', 3), entry('resignation', -2)], 'api', null));
    const aggregation = new AggregationService(t.db);
    expect(await aggregation.drain()).toBe(3);

    const levels = async () => ({
      totals: await t.db.query(
        `SELECT level, group_key, increase, decrease, adjustment, net FROM group_month_rollups
         WHERE month = '2026-04-01' AND group_key IN ('all', $1, $2) ORDER BY 1, 2`,
        [federationId, councilId],
      ),
      causes: await t.db.query(
        `SELECT level, cause, members FROM group_month_cause_rollups
         WHERE month = '2026-04-01' AND group_key IN ('all', $1, $2) ORDER BY 1, 2`,
        [federationId, councilId],
      ),
    });
    const applied = await levels();
    expect(applied.totals).toContainEqual({ level: 'regional_council', group_key: councilId, increase: 8, decrease: 2, adjustment: 0, net: 6 });
    expect(applied.causes).toContainEqual({ level: 'regional_council', cause: 'reinstatement', members: 3 });

    await aggregation.rebuild();
    expect(await levels()).toEqual(applied);
    const invariants = await t.request('GET', '/admin/invariants', { token: t.adminToken });
    expect(invariants.body).toMatchObject({ ok: true, mismatchCount: 0, derivedMismatchCount: 0 });
  });
});
