import { DemoContext, seededRandom } from '../../src/demo/demo-context';
import { loadCompanies } from '../../src/demo/demo-companies';
import { loadGoals } from '../../src/demo/demo-goals';
import { loadGovernance } from '../../src/demo/demo-governance';
import { loadMembershipHistory } from '../../src/demo/demo-membership';
import { loadProspects } from '../../src/demo/demo-prospects';
import { loadStructure } from '../../src/demo/demo-structure';
import { loadUnions } from '../../src/demo/demo-unions';
import { DemoLogin, loadUsers } from '../../src/demo/demo-users';
import type { TestApp } from './test-app';

/** The whole demo (as `npm run demo:load` loads it) in the test's database; answers the demo users' sign-ins by role. */
export async function loadDemo(t: TestApp): Promise<Record<string, DemoLogin>> {
  const logins = await t.db.transaction(async (manager) => {
    const ctx: DemoContext = { manager, councils: new Map(), federations: new Map(), users: new Map(), random: seededRandom(40_0000) };
    await loadStructure(ctx);
    const users = await loadUsers(ctx);
    await loadUnions(ctx);
    await loadMembershipHistory(ctx);
    await loadProspects(ctx);
    await loadGoals(ctx);
    await loadGovernance(ctx);
    await loadCompanies(ctx);
    return users;
  });
  await t.db.query('SELECT aggregation_rebuild()');
  return Object.fromEntries(logins.map((l) => [l.role, l]));
}
