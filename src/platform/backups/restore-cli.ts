import { resolve } from 'node:path';
import { checkRestoredRollups } from '../../membership/aggregation/restored-rollups';
import { loadConfigOrExit } from '../config/app-config';
import { restoreBackup } from './restore';
import { Steps, runCommand } from './steps';

const USAGE = 'usage: npm run restore -- FILE --into NAME   (FILE: a .dump written by npm run backup; NAME: a database that does not exist yet)';

function parseArguments(args: string[]): { file: string; into: string } {
  const at = args.indexOf('--into');
  const into = at >= 0 ? args[at + 1] : undefined;
  const rest = args.filter((_, i) => i !== at && i !== at + 1);
  if (!into || rest.length !== 1 || rest[0].startsWith('--')) throw new Error(USAGE);
  return { file: resolve(rest[0]), into };
}

const steps = new Steps();

/**
 * `npm run restore -- FILE --into NAME`: checks the dump's sha256 against its manifest,
 * restores it into the new database NAME on the server of DATABASE_URL (never over an
 * existing one) and checks the schema, the row counts and the rollups.
 */
async function main(): Promise<boolean> {
  const { file, into } = parseArguments(process.argv.slice(2));
  const config = loadConfigOrExit();
  console.log(`restore of ${file} into the new database ${into}`);
  const ok = await restoreBackup({ file, into, databaseUrl: config.databaseUrl, steps, checkRollups: checkRestoredRollups });
  console.log(
    ok
      ? `restored into ${into}: every check held (${steps.seconds.toFixed(1)} s)`
      : `restored into ${into}, but a check failed (above): the database is kept for a look; drop it when done (dropdb ${into})`,
  );
  return ok;
}

runCommand(steps, main);
