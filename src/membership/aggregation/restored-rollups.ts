import { DataSource } from 'typeorm';
import type { Outcome } from '../../platform/backups/steps';
import { thousands } from '../../platform/backups/steps';
import { dataSourceOptions } from '../../platform/database/data-source-options';
import { InvariantsService } from './invariants.service';

/**
 * The rollups against the ledger: the invariant check of GET /admin/invariants, on a restored
 * database (the `rollups` step of `npm run restore` and of the drill, handed to them by their CLIs).
 */
export async function checkRestoredRollups(databaseUrl: string): Promise<Outcome> {
  const db = new DataSource({ ...dataSourceOptions(databaseUrl, { poolSize: 1 }), entities: [], migrations: [] });
  await db.initialize();
  try {
    const found = await new InvariantsService(db).check();
    const waiting = `${thousands(found.pendingInOutbox)} ledger rows waiting in the outbox`;
    if (found.ok) return { ok: true, detail: `every rollup level equal to the ledger (${waiting})` };
    const example = found.mismatches[0] ?? found.derivedMismatches[0];
    return {
      ok: false,
      detail: `${found.mismatchCount} union-level and ${found.derivedMismatchCount} derived-level differences from the ledger (${waiting}), e.g. ${JSON.stringify(example)}`,
    };
  } finally {
    await db.destroy();
  }
}
