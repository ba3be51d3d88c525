import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackupResult, backUp } from './backup';
import { RestoreOptions, dropDatabase, restoreBackup } from './restore';
import { Steps, megabytes, thousands } from './steps';

export interface DrillOptions {
  /** The database to back up. */
  databaseUrl: string;
  steps: Steps;
  checkRollups: RestoreOptions['checkRollups'];
}

/**
 * The restore drill: backs the database up into a temporary folder (never BACKUP_DIR, so
 * the real backups and their retention are left alone), restores that backup into a
 * scratch database with every check of `npm run restore`, then drops the scratch database
 * and the folder, whatever happened. Resolves with whether every check held.
 */
export async function restoreDrill(options: DrillOptions): Promise<boolean> {
  const { databaseUrl, steps, checkRollups } = options;
  const dir = await mkdtemp(join(tmpdir(), 'rengo-drill-'));
  const scratch = `rengo_drill_${randomBytes(4).toString('hex')}`;
  try {
    let backup: BackupResult | undefined;
    await steps.run('backup', async () => {
      backup = await backUp({ databaseUrl, dir, keep: 1 });
      const { manifest } = backup;
      const rows = Object.values(manifest.rowCounts).reduce((sum, n) => sum + n, 0);
      return {
        ok: true,
        detail: `pg_dump -Fc, ${megabytes(manifest.bytes)}, ${thousands(rows)} rows in ${Object.keys(manifest.rowCounts).length} tables, with its manifest`,
      };
    });
    return await restoreBackup({ file: (backup as BackupResult).file, into: scratch, databaseUrl, steps, checkRollups });
  } finally {
    await steps.run('drop scratch', async () => {
      await dropDatabase(databaseUrl, scratch);
      await rm(dir, { recursive: true, force: true });
      return { ok: true, detail: `database ${scratch} and the temporary backup dropped` };
    });
  }
}
