import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spreadsheet imports (取込). `imports` is one uploaded file and what became of it; the
 * worker checks the file and writes its good rows, already resolved to ids and codes, to
 * `import_rows` (staging, filled by COPY); committing moves them into the ledger and the
 * outbox with one INSERT ... SELECT in one transaction and empties the staging rows.
 *
 * Ledger rows name the import that wrote them (`membership_changes.import_id`), so an
 * import can be listed and reversed as a whole. The column is set once, on insert; the
 * ledger stays append-only (its triggers are untouched).
 *
 * A file's content (sha256) is committed once: a partial unique index over the imports
 * that are committing or committed and not reversed.
 */
export class CreateImports1732300009000 implements MigrationInterface {
  name = 'CreateImports1732300009000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        file_name text NOT NULL,
        file_size bigint NOT NULL,
        sha256 text NOT NULL,
        state text NOT NULL DEFAULT 'queued',
        progress integer NOT NULL DEFAULT 0,
        rows_read integer NOT NULL DEFAULT 0,
        rows_valid integer NOT NULL DEFAULT 0,
        error_count integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        summary jsonb,
        failure text,
        scope_federation_id uuid REFERENCES federations (id),
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        committed_at timestamptz,
        committed_by uuid REFERENCES users (id),
        reversed_at timestamptz,
        reversed_by uuid REFERENCES users (id),
        reversal_reason text,
        CONSTRAINT ck_imports_kind CHECK (kind IN ('membership-changes', 'membership-survey', 'unions', 'prospects')),
        CONSTRAINT ck_imports_state CHECK (state IN ('queued', 'checking', 'checked', 'rejected', 'committing', 'committed', 'failed')),
        CONSTRAINT ck_imports_progress CHECK (progress BETWEEN 0 AND 100),
        -- the first problems only: a file with a million bad rows keeps its count, not every row
        CONSTRAINT ck_imports_errors_capped CHECK (jsonb_array_length(errors) <= 1000)
      )`);
    await q.query(`CREATE INDEX ix_imports_created ON imports (created_at DESC)`);
    await q.query(`CREATE INDEX ix_imports_scope ON imports (scope_federation_id, created_at DESC)`);
    await q.query(`CREATE UNIQUE INDEX uq_imports_content_committed ON imports (sha256)
                   WHERE state IN ('committing', 'committed') AND reversed_at IS NULL`);
    // staging: one row per good data row, in the ledger's words; `members` for a survey's counts
    await q.query(`
      CREATE TABLE import_rows (
        import_id uuid NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        row_number integer NOT NULL,
        union_id uuid NOT NULL,
        effective_on date NOT NULL,
        delta integer,
        members integer,
        cause text,
        employment_type text NOT NULL,
        gender text NOT NULL,
        note text,
        PRIMARY KEY (import_id, row_number)
      )`);
    await q.query(`ALTER TABLE membership_changes ADD COLUMN import_id uuid`);
    await q.query(`ALTER TABLE membership_changes ADD CONSTRAINT fk_membership_changes_import FOREIGN KEY (import_id) REFERENCES imports (id)`);
    await q.query(`CREATE INDEX ix_membership_changes_import ON membership_changes (import_id) WHERE import_id IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_membership_changes_import`);
    await q.query(`ALTER TABLE membership_changes DROP CONSTRAINT fk_membership_changes_import`);
    await q.query(`ALTER TABLE membership_changes DROP COLUMN import_id`);
    await q.query(`DROP TABLE import_rows`);
    await q.query(`DROP TABLE imports`);
  }
}
