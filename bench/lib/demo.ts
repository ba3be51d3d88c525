import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/platform/database/data-source-options';
import { DemoContext, seededRandom } from '../../src/demo/demo-context';
import { loadGoals } from '../../src/demo/demo-goals';
import { loadMembershipHistory } from '../../src/demo/demo-membership';
import { loadProspects } from '../../src/demo/demo-prospects';
import { loadStructure } from '../../src/demo/demo-structure';
import { loadUnions } from '../../src/demo/demo-unions';
import { DemoLogin, loadUsers } from '../../src/demo/demo-users';

/** The whole demo (as `npm run demo:load` loads it) in a bench's own database, its rollups rebuilt; answers the demo users' sign-ins. */
export async function loadDemo(url: string): Promise<DemoLogin[]> {
  const db = new DataSource(dataSourceOptions(url));
  await db.initialize();
  try {
    const logins = await db.transaction(async (manager) => {
      const ctx: DemoContext = { manager, councils: new Map(), federations: new Map(), users: new Map(), random: seededRandom(40_0000) };
      await loadStructure(ctx);
      const users = await loadUsers(ctx);
      await loadUnions(ctx);
      await loadMembershipHistory(ctx);
      await loadProspects(ctx);
      await loadGoals(ctx);
      return users;
    });
    await db.query('SELECT aggregation_rebuild()');
    return logins;
  } finally {
    await db.destroy();
  }
}

/** The demo's sign-in for one role. */
export function demoLogin(logins: DemoLogin[], role: string): DemoLogin {
  const login = logins.find((l) => l.role === role);
  if (!login) throw new Error(`the demo has no ${role}`);
  return login;
}
