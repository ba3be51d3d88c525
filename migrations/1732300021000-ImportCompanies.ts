import { MigrationInterface, QueryRunner } from 'typeorm';

const OURS = ['companies', 'company-relations'];

/**
 * Import kinds companies and company-relations (docs/company-groups.md). The list in force
 * is read from the constraint and extended (not rewritten), so a kind another migration has
 * added stays allowed whichever runs first.
 */
export class ImportCompanies1732300021000 implements MigrationInterface {
  name = 'ImportCompanies1732300021000';

  public async up(q: QueryRunner): Promise<void> {
    await setKinds(q, (kinds) => [...kinds, ...OURS.filter((k) => !kinds.includes(k))]);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM imports WHERE kind IN ('companies', 'company-relations')`);
    await setKinds(q, (kinds) => kinds.filter((k) => !OURS.includes(k)));
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
