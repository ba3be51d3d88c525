import { MigrationInterface, QueryRunner } from 'typeorm';

/** Import kinds companies and company-relations (docs/company-groups.md). */
export class ImportCompanies1732300021000 implements MigrationInterface {
  name = 'ImportCompanies1732300021000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE imports DROP CONSTRAINT ck_imports_kind`);
    await q.query(`ALTER TABLE imports ADD CONSTRAINT ck_imports_kind
      CHECK (kind IN ('membership-changes', 'membership-survey', 'unions', 'prospects', 'companies', 'company-relations'))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE imports DROP CONSTRAINT ck_imports_kind`);
    await q.query(`ALTER TABLE imports ADD CONSTRAINT ck_imports_kind CHECK (kind IN ('membership-changes', 'membership-survey', 'unions', 'prospects'))`);
  }
}
