import { createHash, createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../platform/audit/audit-log';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { query, sql } from '../../platform/database/sql';
import { Clock } from '../../platform/time/clock';
import { CalendarFeedDto } from './dto/reminders.dto';
import { ReminderItem, ReminderPerson, addDays, daysBetween, hasFollowUps, lastVisitPhrase, prospectLink, reminderItems, slashDate } from './reminder-items';

/** How far ahead the feed reaches, and how far back an overdue follow-up is still shown (on today). */
const FEED_DAYS_AHEAD = 180;
const FEED_OVERDUE_DAYS = 365;
/** Most events one feed holds (the oldest first): a council's calendar beyond that is no use on a phone, and slow to make. */
const FEED_MOST_EVENTS = 1000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

interface FeedRow {
  nonce: string;
  tokenHash: string;
  rotatedAt: Date;
}

export interface CalendarFile {
  /** Made only when asked: a client whose copy is current (304) costs the reads, not the rendering. */
  body(): string;
  etag: string;
  lastModified: Date;
}

/** Changes whenever the file's layout does, so an ETag never survives a change of the code that makes the file. */
const FEED_FORMAT = 1;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The per-person iCalendar feed (docs/reminders.md). The URL's token is an HMAC of a random
 * nonce with the server's secret (JWT_SECRET); the database holds the nonce and the token's
 * sha256, which is what a feed request is looked up by. A rotation draws a new nonce, so the
 * old URL matches nothing at once; a disabled user's feed is looked up with them and 404s.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private tokenOf(nonce: string): string {
    return createHmac('sha256', this.config.jwtSecret).update(`calendar-feed:${nonce}`).digest('base64url');
  }

  private urlOf(token: string): string {
    return `${this.config.publicUrl}/calendar/${token}.ics`;
  }

  /** The caller's feed URL, issued on first asking. */
  async urlFor(caller: CurrentUser): Promise<CalendarFeedDto> {
    const nonce = randomBytes(24).toString('base64url');
    await query(
      this.db,
      sql`INSERT INTO calendar_feeds (user_id, nonce, token_hash) VALUES (${caller.id}, ${nonce}, ${sha256(this.tokenOf(nonce))})
          ON CONFLICT (user_id) DO NOTHING`,
    );
    const [feed] = await query<FeedRow[]>(
      this.db,
      sql`SELECT nonce, token_hash AS "tokenHash", rotated_at AS "rotatedAt" FROM calendar_feeds WHERE user_id = ${caller.id}`,
    );
    const token = this.tokenOf(feed.nonce);
    // JWT_SECRET changed since the token was issued: the URL changes with it (the old one stops working)
    if (sha256(token) !== feed.tokenHash) {
      await query(this.db, sql`UPDATE calendar_feeds SET token_hash = ${sha256(token)} WHERE user_id = ${caller.id}`);
    }
    return { url: this.urlOf(token), issuedAt: feed.rotatedAt };
  }

  /** A new URL; the old one answers 404 from now on. */
  async rotate(caller: CurrentUser): Promise<CalendarFeedDto> {
    const nonce = randomBytes(24).toString('base64url');
    const tokenHash = sha256(this.tokenOf(nonce));
    const [feed] = await this.db.transaction(async (manager) => {
      const rows = await query<FeedRow[]>(
        manager,
        sql`INSERT INTO calendar_feeds (user_id, nonce, token_hash) VALUES (${caller.id}, ${nonce}, ${tokenHash})
            ON CONFLICT (user_id) DO UPDATE SET nonce = EXCLUDED.nonce, token_hash = EXCLUDED.token_hash, rotated_at = now()
            RETURNING nonce, token_hash AS "tokenHash", rotated_at AS "rotatedAt"`,
      );
      await this.audit.record(manager, caller, {
        action: 'calendar_feed.rotated',
        targetId: caller.id,
        scope: { regionalCouncilId: caller.regionalCouncilId },
      });
      return rows;
    });
    return { url: this.urlOf(this.tokenOf(feed.nonce)), issuedAt: feed.rotatedAt };
  }

  /** The feed of a token (`{token}.ics`), or null: unknown, rotated away, or its user disabled or deleted. */
  async feed(file: string): Promise<CalendarFile | null> {
    const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
    if (!TOKEN.test(token)) return null;
    const [person] = await query<(ReminderPerson & { rotatedAt: Date })[]>(
      this.db,
      sql`SELECT u.id, u.email, u.display_name AS "displayName", u.role, u.regional_council_id AS "regionalCouncilId", f.rotated_at AS "rotatedAt"
            FROM calendar_feeds f JOIN users u ON u.id = f.user_id
           WHERE f.token_hash = ${sha256(token)} AND u.disabled_at IS NULL`,
    );
    if (!person) return null;
    return this.render(person);
  }

  private async render(person: ReminderPerson & { rotatedAt: Date }): Promise<CalendarFile> {
    const today = this.clock.today();
    const items = await reminderItems(this.db, person, { from: addDays(today, -FEED_OVERDUE_DAYS), until: addDays(today, FEED_DAYS_AHEAD) }, FEED_MOST_EVENTS);
    const lastModified = await this.lastModified(person, items.some((i) => i.nextActionOn < today) ? today : null);
    // the file is a function of these alone, so their hash is the ETag without rendering it
    const etag = `"${sha256(JSON.stringify([FEED_FORMAT, this.config.publicUrl, today, lastModified.getTime(), items])).slice(0, 32)}"`;
    return { etag, lastModified, body: () => this.calendarText(items, today, lastModified) };
  }

  private calendarText(items: ReminderItem[], today: string, lastModified: Date): string {
    const calendar = ical({
      name: 'フォローアップ（連合神奈川 組織化）',
      description: '次回対応日が来た組織化対象（毎朝8時に通知）',
      prodId: { company: 'Rengo Kanagawa', product: 'organizing-follow-ups', language: 'JA' },
      method: ICalCalendarMethod.PUBLISH,
      ttl: 3600,
    });
    for (const item of items) {
      const overdue = item.nextActionOn < today ? daysBetween(item.nextActionOn, today) : 0;
      // an overdue follow-up is shown on today, where it still has to be done
      const day = overdue > 0 ? today : item.nextActionOn;
      const link = prospectLink(this.config.publicUrl, item.prospectId);
      const place = item.establishmentName ? ` ${item.establishmentName}` : '';
      const summary = `${overdue > 0 ? `【${overdue}日超過】` : ''}${item.employerName}${place}（${item.stageLabel}）${lastVisitPhrase(item)}`;
      const event = calendar.createEvent({
        id: `${item.prospectId}@follow-up.rengo`,
        start: new Date(`${day}T00:00:00Z`),
        allDay: true,
        stamp: lastModified,
        summary,
        description: [
          `段階: ${item.stageLabel}`,
          `次回対応日: ${slashDate(item.nextActionOn)}${overdue > 0 ? `（${overdue}日超過）` : ''}`,
          lastVisitPhrase(item),
          `組織化対象を開く: ${link}`,
        ].join('\n'),
        url: link,
      });
      event.createAlarm({ type: ICalAlarmType.display, trigger: new Date(`${day}T08:00:00+09:00`), description: summary });
    }
    return calendar.toString();
  }

  /**
   * When the feed last changed, to the second: the newest change of any prospect of the
   * person's council (so a prospect leaving the feed moves it on too) or visit of one, the
   * feed's issue, and today's start when an overdue follow-up is shown on today.
   */
  private async lastModified(person: ReminderPerson & { rotatedAt: Date }, overdueOn: string | null): Promise<Date> {
    let newest = person.rotatedAt.getTime();
    if (hasFollowUps(person)) {
      const [row] = await query<{ at: Date | null }[]>(
        this.db,
        sql`SELECT greatest((SELECT max(p.updated_at) FROM prospects p WHERE p.regional_council_id = ${person.regionalCouncilId}),
                            (SELECT max(v.updated_at) FROM visits v JOIN prospects p ON p.id = v.prospect_id
                              WHERE p.regional_council_id = ${person.regionalCouncilId})) AS at`,
      );
      if (row.at) newest = Math.max(newest, new Date(row.at).getTime());
    }
    if (overdueOn) newest = Math.max(newest, Date.parse(`${overdueOn}T00:00:00+09:00`));
    return new Date(Math.floor(newest / 1000) * 1000);
  }
}
