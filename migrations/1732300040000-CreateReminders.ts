import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders where people already are (docs/reminders.md):
 *  - users.disabled_at: a disabled user's sessions, tokens and feed stop working at once;
 *  - notification_settings: one row per person (the morning e-mail, its hour, push);
 *  - calendar_feeds: the person's feed secret, stored only as its sha256 (`token_hash`) and
 *    the nonce the token is derived from with the server's secret (so a copy of the
 *    database alone does not give the URLs);
 *  - push_subscriptions: one row per device (its push service endpoint and keys);
 *  - reminder_sends: one row per person, Japan day and channel, claimed before sending:
 *    the UNIQUE key is what makes the morning e-mail and the push at most once a day.
 */
export class CreateReminders1732300040000 implements MigrationInterface {
  name = 'CreateReminders1732300040000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN disabled_at timestamptz`);
    await q.query(`
      CREATE TABLE notification_settings (
        user_id uuid PRIMARY KEY CONSTRAINT fk_notification_settings_user REFERENCES users(id) ON DELETE CASCADE,
        email_digest boolean NOT NULL DEFAULT false,
        digest_hour smallint NOT NULL DEFAULT 7 CONSTRAINT ck_notification_settings_hour CHECK (digest_hour BETWEEN 0 AND 23),
        push boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_notification_settings_hour ON notification_settings (digest_hour) WHERE email_digest OR push`);
    await q.query(`
      CREATE TABLE calendar_feeds (
        user_id uuid PRIMARY KEY CONSTRAINT fk_calendar_feeds_user REFERENCES users(id) ON DELETE CASCADE,
        nonce text NOT NULL,
        token_hash text NOT NULL CONSTRAINT uq_calendar_feeds_token_hash UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        rotated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE push_subscriptions (
        id uuid PRIMARY KEY DEFAULT public.uuid_v7(),
        user_id uuid NOT NULL CONSTRAINT fk_push_subscriptions_user REFERENCES users(id) ON DELETE CASCADE,
        endpoint text NOT NULL CONSTRAINT uq_push_subscriptions_endpoint UNIQUE CONSTRAINT ck_push_subscriptions_endpoint CHECK (length(endpoint) <= 2000),
        p256dh text NOT NULL,
        auth text NOT NULL,
        user_agent text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_success_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_push_subscriptions_user ON push_subscriptions (user_id)`);
    await q.query(`
      CREATE TABLE reminder_sends (
        user_id uuid NOT NULL CONSTRAINT fk_reminder_sends_user REFERENCES users(id) ON DELETE CASCADE,
        day date NOT NULL,
        channel text NOT NULL CONSTRAINT ck_reminder_sends_channel CHECK (channel IN ('email', 'push')),
        status text NOT NULL CONSTRAINT ck_reminder_sends_status CHECK (status IN ('claimed', 'sent', 'failed', 'empty')),
        attempts integer NOT NULL DEFAULT 1,
        claimed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        finished_at timestamptz,
        items integer,
        outcome text,
        CONSTRAINT pk_reminder_sends PRIMARY KEY (user_id, day, channel)
      )`);
    await q.query(`CREATE INDEX ix_reminder_sends_retry ON reminder_sends (day, status) WHERE status IN ('claimed', 'failed')`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reminder_sends`);
    await q.query(`DROP TABLE push_subscriptions`);
    await q.query(`DROP TABLE calendar_feeds`);
    await q.query(`DROP TABLE notification_settings`);
    await q.query(`ALTER TABLE users DROP COLUMN disabled_at`);
  }
}
