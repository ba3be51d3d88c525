import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog, changesBetween } from '../../platform/audit/audit-log';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { staleVersion } from '../../platform/common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { query, sql } from '../../platform/database/sql';
import { labelOf } from '../../platform/labels/labels';
import { REMINDER_SEND_STATUS_LABELS } from '../labels';
import { NotificationSettingsDto, ReminderSendDto, UpdateNotificationSettingsDto } from './dto/reminders.dto';

interface SettingsRow {
  emailDigest: boolean;
  digestHour: number;
  push: boolean;
  version: number;
}

/** Nobody is reminded until they turn it on; 7:00 is the hour offered first. */
export const DEFAULT_SETTINGS: SettingsRow = { emailDigest: false, digestHour: 7, push: false, version: 0 };

const SETTINGS_COLUMNS = sql`email_digest AS "emailDigest", digest_hour AS "digestHour", push, version`;

/** Each person's own switches: the morning e-mail, its hour (Japan time), the push. */
@Injectable()
export class NotificationSettingsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(caller: CurrentUser): Promise<NotificationSettingsDto> {
    const [row] = await query<SettingsRow[]>(this.db, sql`SELECT ${SETTINGS_COLUMNS} FROM notification_settings WHERE user_id = ${caller.id}`);
    return this.toDto(caller, row ?? DEFAULT_SETTINGS);
  }

  /** Version 0 (or none) for a person who never saved; a stale version is 409 and nothing changes. */
  async update(caller: CurrentUser, dto: UpdateNotificationSettingsDto): Promise<NotificationSettingsDto> {
    const saved = await this.db.transaction(async (manager) => {
      const [before] = await query<SettingsRow[]>(manager, sql`SELECT ${SETTINGS_COLUMNS} FROM notification_settings WHERE user_id = ${caller.id} FOR UPDATE`);
      const current = before ?? DEFAULT_SETTINGS;
      if (dto.version !== undefined && dto.version !== current.version) throw staleVersion();
      const [after] = await query<SettingsRow[]>(
        manager,
        sql`INSERT INTO notification_settings (user_id, email_digest, digest_hour, push) VALUES (${caller.id}, ${dto.emailDigest}, ${dto.digestHour}, ${dto.push})
            ON CONFLICT (user_id) DO UPDATE SET email_digest = EXCLUDED.email_digest, digest_hour = EXCLUDED.digest_hour, push = EXCLUDED.push,
                                                version = notification_settings.version + 1, updated_at = now()
            RETURNING ${SETTINGS_COLUMNS}`,
      );
      const fields = ['emailDigest', 'digestHour', 'push'] as const;
      await this.audit.record(manager, caller, {
        action: 'notification_settings.updated',
        targetId: caller.id,
        scope: { regionalCouncilId: caller.regionalCouncilId },
        changes: changesBetween(current, after, fields),
      });
      return after;
    });
    return this.toDto(caller, saved);
  }

  private async toDto(caller: CurrentUser, row: SettingsRow): Promise<NotificationSettingsDto> {
    const [devices] = await query<{ n: number }[]>(this.db, sql`SELECT count(*)::int AS n FROM push_subscriptions WHERE user_id = ${caller.id}`);
    const sends = await query<(Omit<ReminderSendDto, 'statusLabel'> & { channel: 'email' | 'push' })[]>(
      this.db,
      sql`SELECT DISTINCT ON (channel) channel, to_char(day, 'YYYY-MM-DD') AS day, status, items, finished_at AS "finishedAt"
            FROM reminder_sends WHERE user_id = ${caller.id} ORDER BY channel, day DESC`,
    );
    const last = (channel: 'email' | 'push'): ReminderSendDto | null => {
      const send = sends.find((s) => s.channel === channel);
      return send
        ? { day: send.day, status: send.status, statusLabel: labelOf(REMINDER_SEND_STATUS_LABELS, send.status), items: send.items, finishedAt: send.finishedAt }
        : null;
    };
    return {
      emailDigest: row.emailDigest,
      digestHour: row.digestHour,
      push: row.push,
      emailAvailable: this.config.smtpUrl !== undefined,
      pushAvailable: this.config.vapid !== undefined,
      email: caller.email,
      pushDevices: devices.n,
      lastEmail: last('email'),
      lastPush: last('push'),
      version: row.version,
    };
  }
}
