import 'reflect-metadata';
import { query, sql } from '../platform/database/sql';
import { DataSource } from 'typeorm';
import { loadConfigOrExit } from '../platform/config/app-config';
import { dataSourceOptions } from '../platform/database/data-source-options';
import { DemoContext, seededRandom } from './demo-context';
import { loadStructure } from './demo-structure';
import { loadUsers } from './demo-users';
import { loadUnions } from './demo-unions';
import { loadMembershipHistory } from './demo-membership';
import { loadProspects } from './demo-prospects';
import { loadGoals } from './demo-goals';
import { loadGovernance } from './demo-governance';
import { loadCompanies } from './demo-companies';

/**
 * `npm run demo:load`: fills an EMPTY database with Kanagawa's structure, demo
 * unions, membership history, prospects and one user per role, in one
 * transaction. A database that already has data is left alone.
 */
async function main(): Promise<void> {
  const db = new DataSource(dataSourceOptions(loadConfigOrExit().databaseUrl));
  await db.initialize();
  try {
    const [{ n }] = await query<{ n: string }[]>(db, sql`SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM regional_councils) AS n`);
    if (Number(n) > 0) {
      console.log('demo: the database already has data; nothing loaded (drop the database to reload the demo)');
      return;
    }
    const logins = await db.transaction(async (manager) => {
      const ctx: DemoContext = { manager, councils: new Map(), federations: new Map(), users: new Map(), random: seededRandom(40_0000) };
      await loadStructure(ctx);
      const logins = await loadUsers(ctx);
      await loadUnions(ctx);
      await loadMembershipHistory(ctx);
      await loadProspects(ctx);
      await loadGoals(ctx);
      await loadGovernance(ctx);
      await loadCompanies(ctx);
      return logins;
    });
    // the rollups of the demo history, so reports answer at once
    await query(db, sql`SELECT aggregation_rebuild()`);
    console.log('\ndemo loaded. Sign in with (shown only now):');
    console.table(logins);
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error('demo load failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
