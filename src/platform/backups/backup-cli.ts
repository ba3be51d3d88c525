import { loadConfigOrExit } from '../config/app-config';
import { backUp } from './backup';
import { databaseName } from './postgres-tools';
import { Steps, megabytes, runCommand, thousands } from './steps';

const steps = new Steps();

/**
 * `npm run backup`: pg_dump -Fc of DATABASE_URL into BACKUP_DIR with its manifest, keeping
 * the newest BACKUP_KEEP backups (the worker does the same nightly at 02:00 Asia/Tokyo).
 */
async function main(): Promise<boolean> {
  const config = loadConfigOrExit();
  const dir = config.backupDir;
  if (!dir) throw new Error('BACKUP_DIR is not set: say where backups go, e.g. BACKUP_DIR=/var/backups/rengo npm run backup');
  console.log(`backup of database ${databaseName(config.databaseUrl)} into ${dir} (the newest ${config.backupKeep} are kept)`);
  await steps.run('backup', async () => {
    const { file, manifestFile, manifest, removed } = await backUp({ databaseUrl: config.databaseUrl, dir, keep: config.backupKeep });
    const rows = Object.values(manifest.rowCounts).reduce((sum, n) => sum + n, 0);
    const retention = removed.length ? `; retention removed ${removed.join(', ')}` : '';
    return {
      ok: true,
      detail: `${file} (${megabytes(manifest.bytes)}, sha256 ${manifest.sha256.slice(0, 12)}…, ${thousands(rows)} rows, schema ${manifest.schemaVersion}); manifest ${manifestFile}${retention}`,
    };
  });
  return steps.ok;
}

runCommand(steps, main);
