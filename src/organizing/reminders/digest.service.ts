import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { query, sql } from '../../platform/database/sql';
import { DigestRunResultDto } from './dto/reminders.dto';
import { digestHtml, digestSubject, digestText, overdueCount } from './digest-message';
import { Mailer } from './mailer';
import { PushSender, PushTarget } from './push-sender';
import { ReminderPerson, councilOverdueCount, reminderItems } from './reminder-items';

/** How many times one person's e-mail (or push) of one day is tried before it is given up. */
export const MAX_ATTEMPTS = 5;

type Channel = 'email' | 'push';

interface Recipient extends ReminderPerson {
  digestHour: number;
  emailDigest: boolean;
  push: boolean;
  /** Channels of this person to retry today (a failed send, or a claim left by a worker that stopped). */
  retry: Channel[];
}

/** The claim of one person's day and channel: whoever inserts (or takes over) the row sends; everyone else skips. */
interface Claim {
  attempts: number;
}

const TOKYO_OFFSET_MS = 9 * 3600_000;

/** The Japan day and hour of an instant. */
export function tokyoDayAndHour(now: Date): { day: string; hour: number } {
  const tokyo = new Date(now.getTime() + TOKYO_OFFSET_MS);
  return { day: tokyo.toISOString().slice(0, 10), hour: tokyo.getUTCHours() };
}

/**
 * The morning reminders (docs/reminders.md): for the people whose hour it is, their due and
 * overdue follow-ups by e-mail and a push to their devices, each at most once per person and
 * Japan day. Before sending, a run claims the (person, day, channel) row of reminder_sends:
 * the primary key lets exactly one claim win, whatever the number of workers, restarts or
 * job retries; the claim is then finished with the outcome (sent, failed, empty). A failed
 * send and a claim left behind by a stopped worker (older than DIGEST_CLAIM_LEASE_SECONDS)
 * are taken again by a later run the same day, at most MAX_ATTEMPTS times.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    private readonly db: DataSource,
    private readonly mailer: Mailer,
    private readonly pusher: PushSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(day: string, hour: number): Promise<DigestRunResultDto> {
    const result: DigestRunResultDto = { sent: 0, skipped: 0, failed: 0, pushed: 0, day, hour };
    const recipients = await this.recipients(day, hour);
    for (const person of recipients) {
      // a person of another hour is here only for the channels to retry
      const due = (channel: Channel): boolean => person.digestHour === hour || person.retry.includes(channel);
      if (person.emailDigest && due('email')) {
        const email = this.mailer.available ? await this.sendEmail(person, day) : 'skipped';
        result[email === 'sent' ? 'sent' : email === 'failed' ? 'failed' : 'skipped'] += 1;
      }
      if (person.push && due('push') && this.pusher.available && (await this.sendPush(person, day)) === 'sent') result.pushed += 1;
    }
    this.logger.log(
      { digest: result },
      `digest ${day} ${hour}:00 — sent ${result.sent}, skipped ${result.skipped}, failed ${result.failed}, pushed ${result.pushed}`,
    );
    return result;
  }

  /** The people whose hour it is, and those of today with a send to retry, enabled and with a switch on. */
  private async recipients(day: string, hour: number): Promise<Recipient[]> {
    const lease = this.config.digestClaimLeaseSeconds;
    return query<Recipient[]>(
      this.db,
      sql`WITH retry AS (
            SELECT r.user_id, array_agg(r.channel) AS channels FROM reminder_sends r
             WHERE r.day = ${day} AND r.attempts < ${MAX_ATTEMPTS}
               AND (r.status = 'failed' OR (r.status = 'claimed' AND r.claimed_at < clock_timestamp() - make_interval(secs => ${lease})))
             GROUP BY r.user_id)
          SELECT u.id, u.email, u.display_name AS "displayName", u.role, u.regional_council_id AS "regionalCouncilId",
                 s.digest_hour AS "digestHour", s.email_digest AS "emailDigest", s.push, coalesce(retry.channels, '{}') AS retry
            FROM notification_settings s JOIN users u ON u.id = s.user_id LEFT JOIN retry ON retry.user_id = s.user_id
           WHERE u.disabled_at IS NULL AND (s.email_digest OR s.push) AND (s.digest_hour = ${hour} OR retry.user_id IS NOT NULL)
           ORDER BY u.id`,
    );
  }

  private async claim(person: Recipient, day: string, channel: Channel): Promise<Claim | null> {
    const lease = this.config.digestClaimLeaseSeconds;
    const [row] = await query<Claim[]>(
      this.db,
      sql`INSERT INTO reminder_sends (user_id, day, channel, status) VALUES (${person.id}, ${day}, ${channel}, 'claimed')
          ON CONFLICT (user_id, day, channel) DO UPDATE
                SET status = 'claimed', attempts = reminder_sends.attempts + 1, claimed_at = clock_timestamp(), finished_at = NULL, outcome = NULL
              WHERE reminder_sends.attempts < ${MAX_ATTEMPTS}
                AND (reminder_sends.status = 'failed'
                     OR (reminder_sends.status = 'claimed' AND reminder_sends.claimed_at < clock_timestamp() - make_interval(secs => ${lease})))
          RETURNING attempts`,
    );
    return row ?? null;
  }

  /** Records the outcome of this attempt only (a later attempt that took the claim over is not overwritten). */
  private async finish(
    person: Recipient,
    day: string,
    channel: Channel,
    claim: Claim,
    status: 'sent' | 'failed' | 'empty',
    items: number,
    outcome: string,
  ): Promise<void> {
    await query(
      this.db,
      sql`UPDATE reminder_sends SET status = ${status}, finished_at = clock_timestamp(), items = ${items}, outcome = ${outcome.slice(0, 1000)}
           WHERE user_id = ${person.id} AND day = ${day} AND channel = ${channel} AND attempts = ${claim.attempts} AND status = 'claimed'`,
    );
  }

  private async content(person: Recipient, day: string) {
    const items = await reminderItems(this.db, person, { until: day });
    const councilOverdue = person.role === 'regional' && person.regionalCouncilId ? await councilOverdueCount(this.db, person.regionalCouncilId, day) : null;
    return { displayName: person.displayName, today: day, items, councilOverdue, publicUrl: this.config.publicUrl };
  }

  private async sendEmail(person: Recipient, day: string): Promise<'sent' | 'failed' | 'skipped'> {
    const claim = await this.claim(person, day, 'email');
    if (!claim) return 'skipped';
    // read now, not when the run was scheduled: a prospect moved or given a new date since is not listed
    const content = await this.content(person, day);
    if (content.items.length === 0 && !content.councilOverdue) {
      await this.finish(person, day, 'email', claim, 'empty', 0, 'nothing due');
      return 'skipped';
    }
    const host = new URL(this.config.publicUrl).hostname;
    try {
      const response = await this.mailer.send({
        to: person.email,
        subject: digestSubject(content),
        text: digestText(content),
        html: digestHtml(content),
        messageId: `<digest-${day}-${person.id}@${host}>`,
      });
      await this.finish(person, day, 'email', claim, 'sent', content.items.length, response);
      return 'sent';
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn({ userId: person.id, day, attempt: claim.attempts }, `digest e-mail not accepted: ${reason}`);
      await this.finish(person, day, 'email', claim, 'failed', content.items.length, reason);
      return 'failed';
    }
  }

  private async sendPush(person: Recipient, day: string): Promise<'sent' | 'failed' | 'skipped'> {
    const targets = await query<(PushTarget & { id: string })[]>(
      this.db,
      sql`SELECT id, endpoint, p256dh, auth FROM push_subscriptions WHERE user_id = ${person.id} ORDER BY created_at, id`,
    );
    if (targets.length === 0) return 'skipped';
    const claim = await this.claim(person, day, 'push');
    if (!claim) return 'skipped';
    const content = await this.content(person, day);
    if (content.items.length === 0) {
      await this.finish(person, day, 'push', claim, 'empty', 0, 'nothing due');
      return 'skipped';
    }
    const overdue = overdueCount(content);
    const payload = {
      title: 'フォローアップのお知らせ',
      body: `本日の対応予定 ${content.items.length}件${overdue ? `（うち期限超過 ${overdue}件）` : ''}`,
      url: '/today',
      tag: 'follow-ups',
    };
    const outcomes: string[] = [];
    let delivered = 0;
    for (const target of targets) {
      const outcome = await this.pusher.send(target, payload);
      if (outcome.kind === 'delivered') {
        delivered += 1;
        await query(this.db, sql`UPDATE push_subscriptions SET last_success_at = clock_timestamp() WHERE id = ${target.id}`);
      } else if (outcome.kind === 'gone') {
        // the push service says the subscription is no more (unsubscribed, app removed)
        await query(this.db, sql`DELETE FROM push_subscriptions WHERE id = ${target.id}`);
      }
      outcomes.push(outcome.kind === 'failed' ? `failed: ${outcome.reason}` : `${outcome.kind} ${outcome.status}`);
    }
    const ok = delivered > 0 || outcomes.every((o) => o.startsWith('gone'));
    await this.finish(person, day, 'push', claim, ok ? 'sent' : 'failed', content.items.length, outcomes.join('; '));
    return delivered > 0 ? 'sent' : ok ? 'skipped' : 'failed';
  }
}
