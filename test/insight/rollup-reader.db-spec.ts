import { randomUUID } from 'node:crypto';
import { RollupReader } from '../../src/insight/reports/rollup-reader';
import { makeCouncil, makeFederation } from '../support/factories';
import { TestDatabase, cloneTestDatabase } from '../support/database';

/**
 * The one reader of the rollups on the real schema, without the app: which level a
 * report's filters read, the opening balance folded out of the range, and the published
 * side only for closed months. Each level is planted with a figure of its own, so reading
 * the wrong level gives the wrong number.
 */
describe('RollupReader', () => {
  let t: TestDatabase;
  let reader: RollupReader;
  let council: string;
  let federation: string;

  /** One live rollup row (regular, unspecified gender). */
  const plant = (level: string, groupKey: string, month: string, net: number) =>
    t.db.query(
      `INSERT INTO group_month_rollups (level, group_key, month, employment_type, gender, increase, decrease, adjustment, net)
       VALUES ($1, $2, $3, 'regular', 'unspecified', greatest($4, 0), greatest(-$4, 0), 0, $4)`,
      [level, groupKey, month, net],
    );

  beforeAll(async () => {
    t = await cloneTestDatabase();
    reader = new RollupReader(t.db);
    council = await makeCouncil(t);
    federation = await makeFederation(t);
    for (const [month, scale] of [
      ['2026-01-01', 100],
      ['2026-03-01', 1],
    ] as const) {
      await plant('total', 'all', month, 17 * scale);
      await plant('federation', federation, month, 7 * scale);
      await plant('regional_council', council, month, 11 * scale);
      await plant('federation_council', `${federation}:${council}`, month, 13 * scale);
      await plant('federation_council', `none:${council}`, month, 5 * scale);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['the chapter', () => ({}), 17],
    ['a federation', () => ({ federationId: federation }), 7],
    ['a council', () => ({ regionalCouncilId: council }), 11],
    ['a federation within a council', () => ({ federationId: federation, regionalCouncilId: council }), 13],
  ])('reads the level of the filters: %s', async (_, filters, net) => {
    expect(await reader.monthlyNets(filters())).toEqual([
      { month: '2026-01', net: net * 100 },
      { month: '2026-03', net },
    ]);
  });

  it('groups a council by federation from the federation x council rows, the months before the range as the opening balance', async () => {
    const { live, published } = await reader.groupMonths('federation', { regionalCouncilId: council }, '2026-02', '2026-03', []);
    const rows = live.map(({ key, month, net }) => ({ key, month, net }));
    expect(rows).toHaveLength(4);
    expect(rows).toEqual(
      expect.arrayContaining([
        { key: federation, month: null, net: 1300 },
        { key: federation, month: '2026-03', net: 13 },
        { key: 'none', month: null, net: 500 },
        { key: 'none', month: '2026-03', net: 5 },
      ]),
    );
    expect(published).toEqual([]); // no closed month: the published side is not read
  });

  it('reads the published copy of a closed month, and names the closed months of the window', async () => {
    await t.db.query(`INSERT INTO closed_periods (month, closed_by, closed_by_name) VALUES ('2026-03-01', $1, '試験')`, [randomUUID()]);
    await t.db.query(
      `INSERT INTO published_group_month_rollups (level, group_key, month, employment_type, gender, increase, decrease, adjustment, net, members)
       VALUES ('total', 'all', '2026-03-01', 'regular', 'unspecified', 20, 4, 0, 16, 1716)`,
    );
    const window = await reader.window('2026-01', '2026-04');
    expect(window.closed).toEqual(['2026-03']);
    const { live, published } = await reader.groupMonths('total', {}, '2026-03', '2026-03', window.closed);
    expect(live).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'all', month: '2026-03', net: 17 })]));
    expect(published).toEqual([{ key: 'all', month: '2026-03', increase: 20, decrease: 4, adjustment: 0, net: 16, members: 1716 }]);
  });
});
