import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../platform/audit/audit-log';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { DomainError, badField, invalidFields, notFound } from '../../platform/common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { query, sql } from '../../platform/database/sql';
import { PlatformErrorCode } from '../../platform/error-codes';
import { OrganizingErrorCode } from '../error-codes';
import { CreatePushSubscriptionDto, PushPublicKeyDto, PushSubscriptionDto, PushSubscriptionListDto } from './dto/reminders.dto';
import { checkEndpoint } from './push-hosts';

interface SubscriptionRow {
  id: string;
  endpoint: string;
  createdAt: Date;
  lastSuccessAt: Date | null;
}

const toDto = (row: SubscriptionRow): PushSubscriptionDto => ({
  id: row.id,
  host: new URL(row.endpoint).host,
  createdAt: row.createdAt,
  lastSuccessAt: row.lastSuccessAt,
});

/** URL-safe base64 of exactly `bytes` bytes (padding allowed), or null. */
function decodedLength(text: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(text)) return null;
  return Buffer.from(text.replace(/=+$/, ''), 'base64url');
}

/** The devices a person gets pushes on: one row per browser subscription (its endpoint is unique). */
@Injectable()
export class PushSubscriptionsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  publicKey(): PushPublicKeyDto {
    return { available: this.config.vapid !== undefined, publicKey: this.config.vapid?.publicKey ?? null };
  }

  async list(caller: CurrentUser): Promise<PushSubscriptionListDto> {
    const rows = await query<SubscriptionRow[]>(
      this.db,
      sql`SELECT id, endpoint, created_at AS "createdAt", last_success_at AS "lastSuccessAt" FROM push_subscriptions
           WHERE user_id = ${caller.id} ORDER BY created_at, id`,
    );
    return { items: rows.map(toDto) };
  }

  /**
   * Stores the device's subscription. The endpoint must be https to a host in
   * PUSH_ALLOWED_HOSTS (400 PUSH_HOST_NOT_ALLOWED), so a subscription cannot make the service
   * call an address inside the office network. The same endpoint again (the browser
   * re-subscribing, or another person signing in on the device) replaces the row.
   */
  async create(
    caller: CurrentUser,
    dto: CreatePushSubscriptionDto,
    userAgent: string | undefined,
  ): Promise<{ created: boolean; subscription: PushSubscriptionDto }> {
    if (!this.config.vapid)
      throw new DomainError(OrganizingErrorCode.PUSH_NOT_AVAILABLE, HttpStatus.CONFLICT, 'Push is not set up on this service (no VAPID keys)');
    const checked = checkEndpoint(dto.endpoint, this.config.pushAllowedHosts);
    if ('problem' in checked) {
      throw checked.problem === 'format'
        ? badField('endpoint', PlatformErrorCode.INVALID_FORMAT, 'is not a URL')
        : badField('endpoint', OrganizingErrorCode.PUSH_HOST_NOT_ALLOWED, 'is not a push service this service sends to (PUSH_ALLOWED_HOSTS)');
    }
    const problems = [];
    const key = decodedLength(dto.keys.p256dh);
    if (!key || key.length !== 65 || key[0] !== 4) {
      problems.push({ field: 'keys.p256dh', code: OrganizingErrorCode.INVALID_PUSH_KEY, message: 'is not a P-256 public key (65 bytes, URL-safe base64)' });
    }
    const auth = decodedLength(dto.keys.auth);
    if (!auth || auth.length !== 16)
      problems.push({ field: 'keys.auth', code: OrganizingErrorCode.INVALID_PUSH_KEY, message: 'is not a 16-byte secret (URL-safe base64)' });
    if (problems.length) throw invalidFields('The subscription’s keys are not a device’s', problems);

    return this.db.transaction(async (manager) => {
      const [row] = await query<(SubscriptionRow & { created: boolean })[]>(
        manager,
        sql`INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, user_agent) VALUES (${caller.id}, ${dto.endpoint}, ${dto.keys.p256dh}, ${dto.keys.auth}, ${userAgent?.slice(0, 300) ?? null})
            ON CONFLICT (endpoint) DO UPDATE SET user_id = EXCLUDED.user_id, p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth, user_agent = EXCLUDED.user_agent
            RETURNING id, endpoint, created_at AS "createdAt", last_success_at AS "lastSuccessAt", (xmax = 0) AS created`,
      );
      await this.audit.record(manager, caller, {
        action: 'push_subscription.created',
        targetId: row.id,
        scope: { regionalCouncilId: caller.regionalCouncilId },
        details: { host: checked.url.host },
      });
      return { created: row.created, subscription: toDto(row) };
    });
  }

  /** Only the caller's own (404 for anyone else's). */
  async remove(caller: CurrentUser, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const [rows] = await query<[{ endpoint: string }[], number]>(
        manager,
        sql`DELETE FROM push_subscriptions WHERE id = ${id} AND user_id = ${caller.id} RETURNING endpoint`,
      );
      if (rows.length === 0) throw notFound('Push subscription');
      await this.audit.record(manager, caller, {
        action: 'push_subscription.deleted',
        targetId: id,
        scope: { regionalCouncilId: caller.regionalCouncilId },
        details: { host: new URL(rows[0].endpoint).host },
      });
    });
  }
}
