import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every import problem carries a stable `code` beside its Japanese message. Problems stored by
 * a check that ran before codes existed get `CHECKED_BEFORE_CODES`, so an answer never lacks
 * one; their message stays as it was. Data only: the schema does not change.
 */
export class NameStoredImportProblems1732300014000 implements MigrationInterface {
  name = 'NameStoredImportProblems1732300014000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE imports
         SET errors = (SELECT jsonb_agg(CASE WHEN problem ? 'code' THEN problem
                                             ELSE problem || '{"code": "CHECKED_BEFORE_CODES"}'::jsonb END
                                        ORDER BY position)
                         FROM jsonb_array_elements(errors) WITH ORDINALITY AS p(problem, position))
       WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(errors) AS p(problem) WHERE NOT problem ? 'code')`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE imports
         SET errors = (SELECT jsonb_agg(CASE WHEN problem->>'code' = 'CHECKED_BEFORE_CODES' THEN problem - 'code' ELSE problem END
                                        ORDER BY position)
                         FROM jsonb_array_elements(errors) WITH ORDINALITY AS p(problem, position))
       WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(errors) AS p(problem) WHERE problem->>'code' = 'CHECKED_BEFORE_CODES')`);
  }
}
