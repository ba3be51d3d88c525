import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import type { ReminderSendStatus } from '../../labels';
import { IsBoolean, IsInt, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

/** The person's calendar feed: a secret URL any calendar app can subscribe to (no other credential). */
export class CalendarFeedDto {
  /** `{PUBLIC_URL}/calendar/{token}.ics`; whoever has it reads the feed, so it is shown only to its owner. */
  url!: string;
  /** When the URL was issued (a rotation issues a new one). */
  issuedAt!: Date;
}

/** How today's (or the latest day's) morning e-mail or push went. */
export class ReminderSendDto {
  /** The Japan day. */
  day!: string;
  @ApiProperty({ enum: ['claimed', 'sent', 'failed', 'empty'] })
  status!: ReminderSendStatus;
  /** 送信済み, 送信失敗（再試行します）, ... */
  statusLabel!: string;
  /** Follow-ups it listed. */
  @ApiProperty({ type: Number, nullable: true })
  items!: number | null;
  @ApiProperty({ type: Date, nullable: true })
  finishedAt!: Date | null;
}

/** What a person is reminded by: the morning e-mail at their hour (Japan time) and a push to their devices. */
export class NotificationSettingsDto {
  /** The morning e-mail of due and overdue follow-ups. */
  emailDigest!: boolean;
  /** Hour of the day (Asia/Tokyo, 0-23) of the e-mail and the push. */
  @ApiProperty({ minimum: 0, maximum: 23 })
  digestHour!: number;
  /** A push to the person's devices at the same hour. */
  push!: boolean;
  /** false when the service has no SMTP_URL: no e-mail is sent whatever emailDigest says. */
  emailAvailable!: boolean;
  /** false when the service has no VAPID keys: no push is sent. */
  pushAvailable!: boolean;
  /** The e-mail address the morning e-mail goes to (the account's). */
  email!: string;
  /** Devices registered for push. */
  pushDevices!: number;
  /** The latest morning e-mail of the person (null: none yet). */
  @ApiProperty({ type: ReminderSendDto, nullable: true })
  lastEmail!: ReminderSendDto | null;
  /** The latest push of the person (null: none yet). */
  @ApiProperty({ type: ReminderSendDto, nullable: true })
  lastPush!: ReminderSendDto | null;
  version!: number;
}

export class UpdateNotificationSettingsDto {
  @IsBoolean()
  emailDigest!: boolean;

  @ApiProperty({ minimum: 0, maximum: 23 })
  @IsInt()
  @Min(0)
  @Max(23)
  digestHour!: number;

  @IsBoolean()
  push!: boolean;

  /** The version you read; a stale one is refused with 409. */
  @IsOptional()
  @IsInt()
  version?: number;
}

export class PushPublicKeyDto {
  /** false when the service has no VAPID keys (then publicKey is null and the console offers no push). */
  available!: boolean;
  /** The VAPID public key (URL-safe base64), the applicationServerKey of PushManager.subscribe. */
  @ApiProperty({ type: String, nullable: true })
  publicKey!: string | null;
}

export class PushSubscriptionKeysDto {
  /** The device's P-256 public key, URL-safe base64 (65 bytes). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  p256dh!: string;

  /** The device's authentication secret, URL-safe base64 (16 bytes). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  auth!: string;
}

/** A browser's PushSubscription as its toJSON() gives it. */
export class CreatePushSubscriptionDto {
  /** The push service URL; its host must be in PUSH_ALLOWED_HOSTS (400 PUSH_HOST_NOT_ALLOWED). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  endpoint!: string;

  @ApiProperty({ type: PushSubscriptionKeysDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PushSubscriptionKeysDto)
  keys!: PushSubscriptionKeysDto;

  /** As the browser gives it (milliseconds since the epoch, or null); not used. */
  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsNumber()
  expirationTime?: number | null;
}

export class PushSubscriptionDto {
  id!: string;
  /** The push service's host (the endpoint itself is a secret of the device). */
  host!: string;
  createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true })
  lastSuccessAt!: Date | null;
}

export class PushSubscriptionListDto {
  @ApiProperty({ type: [PushSubscriptionDto] })
  items!: PushSubscriptionDto[];
}

export class RunDigestsDto {
  /** The hour (Asia/Tokyo, 0-23) whose people to run for; absent: the current hour. */
  @ApiPropertyOptional({ minimum: 0, maximum: 23 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  hour?: number;
}

export class DigestRunResultDto {
  /** E-mails the SMTP server accepted in this run. */
  sent!: number;
  /** People whose hour it is but who got nothing now: already sent today, nothing due, another worker on it, or e-mail not available. */
  skipped!: number;
  /** Sends the SMTP server refused (retried by a later run the same day). */
  failed!: number;
  /** Pushes delivered to at least one device. */
  pushed!: number;
  /** The Japan day and hour run. */
  day!: string;
  hour!: number;
}
