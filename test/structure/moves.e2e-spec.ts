import { AggregationService } from '../../src/membership/aggregation/aggregation.service';
import { LedgerEntry, appendToLedger } from '../../src/membership/membership-changes/ledger-writer';
import { makeCouncil, makeFederation, makeSector, makeUnion } from '../support/factories';
import { CallWithBody, TestApp, bootTestApp } from '../support/test-app';

/**
 * Moving a union to another federation or council, or a federation to another sector,
 * moves its figures between the derived rollup groups in the same transaction.
 */
describe('structure changes move the rollups', () => {
  let t: TestApp;
  const admin: CallWithBody = (method, path, body) => t.request(method, path, { token: t.adminToken, body });
  const aggregation = (): AggregationService => t.app.get(AggregationService);
  const record = async (entries: LedgerEntry[]): Promise<void> => {
    await t.db.transaction((manager) => appendToLedger(manager, entries, 'api', null));
  };

  /** Net members per level and group, only groups with members. */
  const netByGroup = async (): Promise<Record<string, number>> => {
    const rows: { level: string; group_key: string; net: number }[] = await t.db.query(
      `SELECT level, group_key, sum(net)::int AS net FROM group_month_rollups GROUP BY 1, 2 HAVING sum(net) <> 0`,
    );
    return Object.fromEntries(rows.map((r) => [`${r.level}/${r.group_key}`, r.net]));
  };
  /** Every non-zero derived rollup row, to compare with a rebuild from the ledger. */
  const derivedRows = async (): Promise<unknown[]> =>
    t.db.query(
      `SELECT level, group_key, month::text, employment_type, gender, increase, decrease, adjustment, net FROM group_month_rollups
       WHERE increase <> 0 OR decrease <> 0 OR adjustment <> 0 OR net <> 0 ORDER BY 1, 2, 3, 4, 5`,
    );
  const expectEqualToRebuild = async (): Promise<void> => {
    const live = await derivedRows();
    await aggregation().rebuild();
    expect(live).toEqual(await derivedRows());
  };

  let sectorA: string;
  let sectorB: string;
  let fedA: string;
  let fedB: string;
  let councilA: string;
  let councilB: string;
  let moving: string;
  let staying: string;

  beforeAll(async () => {
    t = await bootTestApp();
    sectorA = await makeSector(t);
    sectorB = await makeSector(t);
    fedA = await makeFederation(t, { sectorCode: sectorA });
    fedB = await makeFederation(t, { sectorCode: sectorB });
    councilA = await makeCouncil(t);
    councilB = await makeCouncil(t);
    moving = await makeUnion(t, { regionalCouncilId: councilA, federationId: fedA });
    staying = await makeUnion(t, { regionalCouncilId: councilA, federationId: fedA });
    await record([
      { unionId: moving, effectiveOn: '2024-04-01', delta: 100, cause: 'new_organizing', employmentType: 'regular', gender: 'male' },
      { unionId: moving, effectiveOn: '2024-04-15', delta: 30, cause: 'non_regular_enrollment', employmentType: 'part_time', gender: 'female' },
      { unionId: moving, effectiveOn: '2024-09-30', delta: -8, cause: 'retirement', employmentType: 'regular', gender: 'male' },
      { unionId: staying, effectiveOn: '2024-05-01', delta: 50, cause: 'new_hire', employmentType: 'regular', gender: 'female' },
    ]);
    await aggregation().drain();
  });
  afterAll(async () => {
    await t.close();
  });

  it('moves a union to another federation and council through PATCH', async () => {
    const before = await netByGroup();
    expect(before).toMatchObject({
      [`federation/${fedA}`]: 172,
      [`regional_council/${councilA}`]: 172,
      [`federation_council/${fedA}:${councilA}`]: 172,
      [`sector/${sectorA}`]: 172,
      'total/all': 172,
    });

    const res = await admin('PATCH', `/unions/${moving}`, { federationId: fedB, regionalCouncilId: councilB, version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ federationId: fedB, regionalCouncilId: councilB, currentMembers: 122 });

    const after = await netByGroup();
    expect(after).toEqual({
      [`federation/${fedA}`]: 50,
      [`federation/${fedB}`]: 122,
      [`regional_council/${councilA}`]: 50,
      [`regional_council/${councilB}`]: 122,
      [`federation_council/${fedA}:${councilA}`]: 50,
      [`federation_council/${fedB}:${councilB}`]: 122,
      [`sector/${sectorA}`]: 50,
      [`sector/${sectorB}`]: 122,
      'total/all': 172,
    });
    // month by month, employment type and gender too: exactly what a rebuild from the ledger gives
    const part: { increase: number; net: number }[] = await t.db.query(
      `SELECT increase, net FROM group_month_rollups WHERE level = 'federation_council' AND group_key = $1
       AND month = '2024-04-01' AND employment_type = 'part_time' AND gender = 'female'`,
      [`${fedB}:${councilB}`],
    );
    expect(part).toEqual([{ increase: 30, net: 30 }]);
    await expectEqualToRebuild();
  });

  it('a stale move changes neither the union nor the rollups', async () => {
    const before = await derivedRows();
    const res = await admin('PATCH', `/unions/${moving}`, { federationId: fedA, version: 1 });
    expect(res.status).toBe(409);
    expect((await admin('GET', `/unions/${moving}`)).body).toMatchObject({ federationId: fedB, version: 2 });
    expect(await derivedRows()).toEqual(before);
  });

  it('changes still in the outbox during a move land in the new groups', async () => {
    await record([{ unionId: moving, effectiveOn: '2024-10-01', delta: 7, cause: 'new_hire', employmentType: 'regular', gender: 'female' }]);
    const res = await admin('PATCH', `/unions/${moving}`, { federationId: null, version: 2 });
    expect(res.body).toMatchObject({ federationId: null, federationName: null });
    await aggregation().drain();
    expect(await netByGroup()).toMatchObject({ 'federation/none': 129, [`regional_council/${councilB}`]: 129, [`federation_council/none:${councilB}`]: 129 });
    expect((await netByGroup())[`federation/${fedB}`]).toBeUndefined();
    await expectEqualToRebuild();
  });

  it('moves a federation to another sector through PATCH', async () => {
    const federation = await admin('GET', `/federations/${fedA}`);
    const res = await admin('PATCH', `/federations/${fedA}`, { sectorCode: sectorB, version: federation.body.version });
    expect(res.status).toBe(200);
    const after = await netByGroup();
    expect(after[`sector/${sectorA}`]).toBeUndefined();
    expect(after[`sector/${sectorB}`]).toBe(50);
    expect(after[`federation/${fedA}`]).toBe(50);
    expect(after['total/all']).toBe(179);
    await expectEqualToRebuild();

    const stale = await admin('PATCH', `/federations/${fedA}`, { sectorCode: sectorA, version: federation.body.version });
    expect(stale.status).toBe(409);
    expect((await netByGroup())[`sector/${sectorB}`]).toBe(50);
  });
  describe('concurrent PATCHes', () => {
    /** Net members per group and month at `level`, for the given groups, only non-zero ones. */
    const derivedAt = async (level: 'federation' | 'sector', groups: string[]): Promise<Record<string, number>> => {
      const rows: { key: string; net: number }[] = await t.db.query(
        `SELECT group_key || '@' || month::text AS key, sum(net)::int AS net FROM group_month_rollups
         WHERE level = $1 AND group_key = ANY ($2) GROUP BY group_key, month HAVING sum(net) <> 0`,
        [level, groups],
      );
      return Object.fromEntries(rows.map((r) => [r.key, r.net]));
    };
    /** The same, recomputed from the union rollups under each union's (and federation's) current grouping. */
    const recomputedAt = async (level: 'federation' | 'sector', groups: string[]): Promise<Record<string, number>> => {
      const group = level === 'federation' ? `coalesce(u.federation_id::text, 'none')` : `coalesce(f.sector_code, 'none')`;
      const rows: { key: string; net: number }[] = await t.db.query(
        `SELECT ${group} || '@' || r.month::text AS key, sum(r.members)::int AS net FROM union_month_rollups r
         JOIN unions u ON u.id = r.union_id LEFT JOIN federations f ON f.id = u.federation_id
         WHERE ${group} = ANY ($1) GROUP BY ${group}, r.month HAVING sum(r.members) <> 0`,
        [groups],
      );
      return Object.fromEntries(rows.map((r) => [r.key, r.net]));
    };

    it('a union moved while another PATCH re-sends its old federation keeps the rollups equal to the ledger', async () => {
      const council = await makeCouncil(t);
      const from = await makeFederation(t);
      const to = await makeFederation(t);
      const racer = await makeUnion(t, { regionalCouncilId: council, federationId: from });
      await record([
        { unionId: racer, effectiveOn: '2024-06-01', delta: 40, cause: 'new_organizing', employmentType: 'regular', gender: 'male' },
        { unionId: racer, effectiveOn: '2024-07-01', delta: 5, cause: 'new_hire', employmentType: 'part_time', gender: 'female' },
      ]);
      await aggregation().drain();

      for (let round = 0; round < 10; round++) {
        const back = await admin('PATCH', `/unions/${racer}`, { federationId: from });
        expect(back.status).toBe(200);
        const answers = await Promise.all([
          admin('PATCH', `/unions/${racer}`, { federationId: to }),
          admin('PATCH', `/unions/${racer}`, { federationId: from, name: `労組 round ${round}` }),
          admin('PATCH', `/unions/${racer}`, { federationId: from, name: `労組 round ${round}b` }),
        ]);
        expect(await derivedAt('federation', [from, to])).toEqual(await recomputedAt('federation', [from, to]));
        expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      }
      await expectEqualToRebuild();
    });

    it('a federation moved while another PATCH re-sends its old sector keeps the rollups equal to the ledger', async () => {
      const from = await makeSector(t);
      const to = await makeSector(t);
      const federation = await makeFederation(t, { sectorCode: from });
      const member = await makeUnion(t, { regionalCouncilId: await makeCouncil(t), federationId: federation });
      await record([{ unionId: member, effectiveOn: '2024-06-01', delta: 25, cause: 'new_organizing', employmentType: 'regular', gender: 'female' }]);
      await aggregation().drain();

      for (let round = 0; round < 10; round++) {
        expect((await admin('PATCH', `/federations/${federation}`, { sectorCode: from })).status).toBe(200);
        const answers = await Promise.all([
          admin('PATCH', `/federations/${federation}`, { sectorCode: to }),
          admin('PATCH', `/federations/${federation}`, { sectorCode: from, name: `連合 round ${round}` }),
          admin('PATCH', `/federations/${federation}`, { sectorCode: from, name: `連合 round ${round}b` }),
        ]);
        expect(await derivedAt('sector', [from, to])).toEqual(await recomputedAt('sector', [from, to]));
        expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      }
      await expectEqualToRebuild();
    });
  });
});
