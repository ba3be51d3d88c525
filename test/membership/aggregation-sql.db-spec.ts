import { makeCouncil, makeFederation, makeUnion } from '../support/factories';
import { TestDatabase, appendLedgerRows, cloneTestDatabase } from '../support/database';

/**
 * The aggregation's SQL functions on the real schema, without the app: a batch adds the
 * ledger to every rollup level (aggregation_add_to_groups), a rebuild recomputes them from
 * the ledger whatever they held, and the ledger refuses to be changed.
 */
describe('aggregation SQL functions', () => {
  let t: TestDatabase;
  let council: string;
  let federation: string;
  let sector: string;
  let inFederation: string;
  let unaffiliated: string;

  /** Each group's figures, as `level group_key month` -> net (and the cause table's per-cause sums). */
  const groups = async (): Promise<Record<string, number>> => {
    const rows: { key: string; net: number }[] = await t.db.query(
      `SELECT level || ' ' || group_key || ' ' || to_char(month, 'YYYY-MM') AS key, sum(net)::int AS net
       FROM group_month_rollups GROUP BY 1 ORDER BY 1`,
    );
    return Object.fromEntries(rows.map((r) => [r.key, r.net]));
  };
  /** The same figures computed from the ledger through union_groups(), the levels' one definition. */
  const fromLedger = async (): Promise<Record<string, number>> => {
    const rows: { key: string; net: number }[] = await t.db.query(
      `SELECT l.level || ' ' || l.group_key || ' ' || to_char(c.month, 'YYYY-MM') AS key, sum(c.delta)::int AS net
       FROM membership_changes c JOIN unions u ON u.id = c.union_id LEFT JOIN federations f ON f.id = u.federation_id
       CROSS JOIN LATERAL union_groups(u.federation_id, u.regional_council_id, f.sector_code) l
       GROUP BY 1 ORDER BY 1`,
    );
    return Object.fromEntries(rows.map((r) => [r.key, r.net]));
  };
  const causes = async (level: string, groupKey: string): Promise<Record<string, number>> => {
    const rows: { cause: string; members: number }[] = await t.db.query(
      `SELECT cause, sum(members)::int AS members FROM group_month_cause_rollups WHERE level = $1 AND group_key = $2 GROUP BY 1`,
      [level, groupKey],
    );
    return Object.fromEntries(rows.map((r) => [r.cause, r.members]));
  };
  const applyBatch = async (): Promise<number> => (await t.db.query(`SELECT aggregation_apply_batch(1000) AS n`))[0].n;

  beforeAll(async () => {
    t = await cloneTestDatabase();
    council = await makeCouncil(t);
    federation = await makeFederation(t);
    [{ sector }] = await t.db.query(`SELECT sector_code AS sector FROM federations WHERE id = $1`, [federation]);
    inFederation = await makeUnion(t, { regionalCouncilId: council, federationId: federation });
    unaffiliated = await makeUnion(t, { regionalCouncilId: council });
  });
  afterAll(async () => {
    await t.close();
  });

  it('adds a batch to every level a union counts toward, each equal to the ledger sum', async () => {
    await appendLedgerRows(t.db, [
      { unionId: inFederation, effectiveOn: '2026-04-01', delta: 12, cause: 'new_hire' },
      { unionId: inFederation, effectiveOn: '2026-04-20', delta: -3, cause: 'retirement' },
      { unionId: inFederation, effectiveOn: '2026-05-02', delta: 4, cause: 'new_organizing', gender: 'female' },
      { unionId: unaffiliated, effectiveOn: '2026-04-10', delta: 7, cause: 'transfer_in', employmentType: 'part_time' },
    ]);
    expect(await applyBatch()).toBe(4);
    expect(await applyBatch()).toBe(0); // the outbox is empty: nothing is counted twice

    const figures = await groups();
    expect(figures).toEqual(await fromLedger());
    expect(figures).toMatchObject({
      'total all 2026-04': 16,
      'total all 2026-05': 4,
      [`federation ${federation} 2026-04`]: 9,
      'federation none 2026-04': 7,
      [`regional_council ${council} 2026-04`]: 16,
      [`sector ${sector} 2026-05`]: 4,
      [`federation_council ${federation}:${council} 2026-04`]: 9,
      [`federation_council none:${council} 2026-04`]: 7,
    });
    expect(await causes('federation', federation)).toEqual({ new_hire: 12, retirement: -3, new_organizing: 4 });
    const [split] = await t.db.query(
      `SELECT sum(increase)::int AS increase, sum(decrease)::int AS decrease, sum(net)::int AS net
       FROM group_month_rollups WHERE level = 'federation' AND group_key = $1`,
      [federation],
    );
    expect(split).toEqual({ increase: 16, decrease: 3, net: 13 });
  });

  it('aggregation_add_to_groups adds the session’s delta to the groups and nothing else', async () => {
    const before = await groups();
    await t.db
      .transaction(async (manager) => {
        await manager.query(
          `CREATE TEMP TABLE IF NOT EXISTS rollup_delta (
           union_id uuid, month date, employment_type text, gender text, cause text, members integer, changes integer
         ) ON COMMIT DELETE ROWS`,
        );
        await manager.query(`INSERT INTO rollup_delta VALUES ($1, '2026-06-01', 'regular', 'male', 'new_hire', 5, 1)`, [unaffiliated]);
        await manager.query(`SELECT aggregation_add_to_groups()`);
        const after: { key: string; net: number }[] = await manager.query(
          `SELECT level || ' ' || group_key AS key, net FROM group_month_rollups WHERE month = '2026-06-01' ORDER BY 1`,
        );
        expect(after).toEqual(
          [
            { key: 'federation none', net: 5 },
            { key: `federation_council none:${council}`, net: 5 },
            { key: `regional_council ${council}`, net: 5 },
            { key: 'sector none', net: 5 },
            { key: 'total all', net: 5 },
          ].sort((a, b) => a.key.localeCompare(b.key)),
        );
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect(await groups()).toEqual(before);
  });

  it('a rebuild makes every level equal the ledger again, whatever the rollups held', async () => {
    await t.db.query(`UPDATE group_month_rollups SET net = net + 100 WHERE level = 'total'`);
    await t.db.query(`DELETE FROM group_month_cause_rollups WHERE level = 'sector'`);
    expect(await groups()).not.toEqual(await fromLedger());

    const [{ rows }] = await t.db.query(`SELECT aggregation_rebuild()::int AS rows`);
    expect(rows).toBe(4); // union x month x employment type x gender x cause
    expect(await groups()).toEqual(await fromLedger());
    expect(await causes('sector', sector)).toEqual({ new_hire: 12, retirement: -3, new_organizing: 4 });
  });

  it('the ledger refuses UPDATE, DELETE and TRUNCATE (a correction is a reversing entry)', async () => {
    await expect(t.db.query(`UPDATE membership_changes SET delta = delta + 1`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(t.db.query(`DELETE FROM membership_changes`)).rejects.toThrow(/append-only: DELETE refused/);
    await expect(t.db.query(`TRUNCATE membership_changes CASCADE`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM membership_changes`))[0].n).toBe(4);
  });
});
