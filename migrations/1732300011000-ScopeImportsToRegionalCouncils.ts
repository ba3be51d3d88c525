import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Regional council staff import unions and prospects of their council, as POST /unions and
 * POST /prospects let them: an import belongs to the council of the one who uploaded it
 * (`scope_regional_council_id`), as a federation officer's belongs to their federation. The
 * council's staff see its imports; an import is placed in one scope at most.
 */
export class ScopeImportsToRegionalCouncils1732300011000 implements MigrationInterface {
  name = 'ScopeImportsToRegionalCouncils1732300011000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE imports ADD COLUMN scope_regional_council_id uuid REFERENCES regional_councils (id)`);
    await q.query(`ALTER TABLE imports ADD CONSTRAINT ck_imports_one_scope CHECK (scope_federation_id IS NULL OR scope_regional_council_id IS NULL)`);
    await q.query(`CREATE INDEX ix_imports_council_scope ON imports (scope_regional_council_id, created_at DESC) WHERE scope_regional_council_id IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_imports_council_scope`);
    await q.query(`ALTER TABLE imports DROP CONSTRAINT ck_imports_one_scope`);
    await q.query(`ALTER TABLE imports DROP COLUMN scope_regional_council_id`);
  }
}
