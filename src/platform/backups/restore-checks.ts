import { BackupManifest } from './backup-manifest';
import { databaseFacts } from './database-facts';
import { SCHEMA_IN_FORCE, compareWithSchemaInForce } from './schema-in-force';
import { Outcome, thousands } from './steps';

/** The restored schema against migrations/schema.sql, printed as `npm run schema:dump` prints it. */
export async function checkSchema(databaseUrl: string, manifest: BackupManifest): Promise<Outcome> {
  const comparison = await compareWithSchemaInForce(databaseUrl, manifest.schemaVersion);
  return comparison.equal
    ? { ok: true, detail: `equal to ${SCHEMA_IN_FORCE}` }
    : { ok: false, detail: `differs from ${SCHEMA_IN_FORCE} at ${comparison.difference}` };
}

/** Every table's rows and the newest ledger row against what the manifest recorded at the backup. */
export async function checkRowCounts(databaseUrl: string, manifest: BackupManifest): Promise<Outcome> {
  const restored = await databaseFacts(databaseUrl);
  const tables = [...new Set([...Object.keys(manifest.rowCounts), ...Object.keys(restored.rowCounts)])].sort();
  const differences = tables
    .filter((table) => manifest.rowCounts[table] !== restored.rowCounts[table])
    .map((table) => `${table} ${manifest.rowCounts[table] ?? 'absent'} -> ${restored.rowCounts[table] ?? 'absent'}`);
  if (restored.newestLedgerRowAt !== manifest.newestLedgerRowAt) {
    differences.push(`newest ledger row ${manifest.newestLedgerRowAt ?? 'none'} -> ${restored.newestLedgerRowAt ?? 'none'}`);
  }
  if (differences.length) return { ok: false, detail: `differ from the manifest (manifest -> restored): ${differences.join(', ')}` };
  const rows = Object.values(restored.rowCounts).reduce((sum, n) => sum + n, 0);
  return { ok: true, detail: `${tables.length} tables, ${thousands(rows)} rows, newest ledger row ${restored.newestLedgerRowAt ?? 'none'}: as the manifest` };
}
