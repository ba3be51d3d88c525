import { makeCouncil, makeFederation, makeSector, makeUnion, makeUser } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

/**
 * `q` searches a name for the text as typed: `%`, `_` and `\` are characters a name
 * may hold, not LIKE wildcards. Each list gets one row per character and one plain row
 * that an unescaped `_` or `%` would also match.
 */
describe('search filters take LIKE wildcards literally', () => {
  let t: TestApp;
  const SPECIAL = { percent: '%', underscore: '_', backslash: '\\' } as const;
  type Planted = Record<keyof typeof SPECIAL | 'plain', string>;
  const planted: Record<string, Planted> = {};

  /** One row per special character (in its name) and a plain one, made by `make`; their ids by kind. */
  const plant = async (make: (name: string) => Promise<string>): Promise<Planted> => ({
    percent: await make('割引50%労組'),
    underscore: await make('第_二労組'),
    backslash: await make('円\\記号労組'),
    plain: await make('第二50労組'),
  });

  beforeAll(async () => {
    t = await bootTestApp();
    const council = await makeCouncil(t);
    planted.unions = await plant((name) => makeUnion(t, { regionalCouncilId: council, name }));
    planted.federations = await plant((name) => makeFederation(t, { name }));
    planted['regional-councils'] = await plant((name) => makeCouncil(t, { name }));
    planted.sectors = await plant(async (name) => {
      const code = await makeSector(t);
      await t.db.query(`UPDATE sectors SET name = $1 WHERE code = $2`, [name, code]);
      const [row] = await t.db.query(`SELECT id FROM sectors WHERE code = $1`, [code]);
      return row.id;
    });
    planted.users = await plant(async (displayName) => (await makeUser(t, 'leadership', { displayName })).id);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(['unions', 'federations', 'regional-councils', 'sectors', 'users'] as const)('/%s?q= finds only names holding %%, _ or \\', async (resource) => {
    for (const [which, text] of Object.entries(SPECIAL) as [keyof typeof SPECIAL, string][]) {
      const answer = await t.request('GET', `/${resource}?q=${encodeURIComponent(text)}&limit=500`, { token: t.adminToken });
      expect(answer.status).toBe(200);
      expect(answer.body.items.map((item: { id: string }) => item.id)).toEqual([planted[resource][which]]);
    }
  });
});
