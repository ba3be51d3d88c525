import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first version of 1732300021000 rewrote ck_imports_kind with a fixed list; on a
 * database where governance-compositions (1732300031000) had already run, that dropped it.
 * This puts back every kind the code registers, extending whatever the constraint holds.
 */
const KINDS = ['membership-changes', 'membership-survey', 'unions', 'prospects', 'companies', 'company-relations', 'governance-compositions'];

export class RestoreImportKinds1732300022000 implements MigrationInterface {
  name = 'RestoreImportKinds1732300022000';

  public async up(q: QueryRunner): Promise<void> {
    await setKinds(q, (kinds) => [...kinds, ...KINDS.filter((k) => !kinds.includes(k))]);
  }

  public async down(): Promise<void> {
    // nothing to undo: the kinds it restores belong to their own migrations
  }
}

/** Reads the kinds ck_imports_kind allows, changes the list, and writes the constraint again. */
async function setKinds(q: QueryRunner, change: (kinds: string[]) => string[]): Promise<void> {
  const [{ definition }] = (await q.query(
    `SELECT pg_get_constraintdef(c.oid) AS definition FROM pg_constraint c WHERE c.conname = 'ck_imports_kind' AND c.conrelid = 'imports'::regclass`,
  )) as { definition: string }[];
  const kinds = change([...definition.matchAll(/'([^']+)'::text/g)].map((m) => m[1]));
  if (kinds.some((k) => !/^[a-z-]+$/.test(k))) throw new Error(`unexpected import kind in ck_imports_kind: ${definition}`);
  await q.query(`ALTER TABLE imports DROP CONSTRAINT ck_imports_kind`);
  await q.query(`ALTER TABLE imports ADD CONSTRAINT ck_imports_kind CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(', ')}))`);
}
