import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: one row per write, sign-in, reversal, export or download, written in the
 * same transaction as what it records (never through the queue, so it cannot be lost or
 * written for a change that rolled back). Append-only as a property of the schema, as the
 * ledger is: UPDATE, DELETE and TRUNCATE are refused by triggers. Who acted is copied
 * (e-mail and role at that moment), not referenced: a deleted user's events stay whole.
 */
export class CreateAuditEvents1732300013000 implements MigrationInterface {
  name = 'CreateAuditEvents1732300013000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT public.uuid_v7(),
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        actor_email text,
        actor_role text,
        action text NOT NULL CONSTRAINT ck_audit_events_action CHECK (action ~ '^[a-z_]+\\.[a-z_]+$'),
        target_type text,
        target_id text,
        scope_federation_id uuid,
        scope_regional_council_id uuid,
        changes jsonb NOT NULL DEFAULT '{}',
        details jsonb NOT NULL DEFAULT '{}',
        reason text,
        outcome text NOT NULL DEFAULT 'ok' CONSTRAINT ck_audit_events_outcome CHECK (outcome IN ('ok', 'denied', 'failed')),
        ip text,
        request_id text
      )`);
    await q.query(`CREATE INDEX ix_audit_events_time ON audit_events (occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX ix_audit_events_target ON audit_events (target_type, target_id, occurred_at DESC)`);
    await q.query(`CREATE INDEX ix_audit_events_actor ON audit_events (actor_id, occurred_at DESC)`);
    await q.query(`CREATE INDEX ix_audit_events_action ON audit_events (action, occurred_at DESC)`);
    await q.query(`
      CREATE FUNCTION public.audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'P0001';
      END $$`);
    await q.query(`CREATE TRIGGER tr_audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION public.audit_events_refuse_change()`);
    await q.query(`CREATE TRIGGER tr_audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION public.audit_events_refuse_change()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION public.audit_events_refuse_change()`);
  }
}
