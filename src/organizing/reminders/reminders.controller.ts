import { Body, Controller, Delete, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Authenticated, Caller, Public } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { CalendarFeedService } from './calendar-feed.service';
import {
  CalendarFeedDto,
  CreatePushSubscriptionDto,
  NotificationSettingsDto,
  PushPublicKeyDto,
  PushSubscriptionDto,
  PushSubscriptionListDto,
  UpdateNotificationSettingsDto,
} from './dto/reminders.dto';
import { NotificationSettingsService } from './notification-settings.service';
import { PushSubscriptionsService } from './push-subscriptions.service';

/** Each signed-in person's own reminders: the calendar feed URL, the switches, the devices for push. */
@ApiTags('reminders')
@Authenticated()
@Controller('me')
export class MyRemindersController {
  constructor(
    private readonly feeds: CalendarFeedService,
    private readonly settings: NotificationSettingsService,
    private readonly subscriptions: PushSubscriptionsService,
  ) {}

  @Get('calendar')
  @ApiOperation({ operationId: 'getMyCalendarFeed', summary: 'The secret URL of your calendar feed of follow-ups (issued on first asking)' })
  @ApiOkResponse({ type: CalendarFeedDto })
  calendar(@Caller() caller: CurrentUser): Promise<CalendarFeedDto> {
    return this.feeds.urlFor(caller);
  }

  @Post('calendar/rotate')
  @HttpCode(200)
  @ApiOperation({ operationId: 'rotateMyCalendarFeed', summary: 'Issue a new calendar feed URL; the old one answers 404 at once' })
  @ApiOkResponse({ type: CalendarFeedDto })
  rotate(@Caller() caller: CurrentUser): Promise<CalendarFeedDto> {
    return this.feeds.rotate(caller);
  }

  @Get('notifications')
  @ApiOperation({ operationId: 'getMyNotifications', summary: 'Your reminder settings, and whether e-mail and push are set up on the service' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  notifications(@Caller() caller: CurrentUser): Promise<NotificationSettingsDto> {
    return this.settings.get(caller);
  }

  @Put('notifications')
  @ApiOperation({ operationId: 'updateMyNotifications', summary: 'Change your reminder settings' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  @ApiConflictResponse({ description: 'Stale version' })
  updateNotifications(@Caller() caller: CurrentUser, @Body() dto: UpdateNotificationSettingsDto): Promise<NotificationSettingsDto> {
    return this.settings.update(caller, dto);
  }

  @Get('push-subscriptions')
  @ApiOperation({ operationId: 'listMyPushSubscriptions', summary: 'Your devices registered for push' })
  @ApiOkResponse({ type: PushSubscriptionListDto })
  pushSubscriptions(@Caller() caller: CurrentUser): Promise<PushSubscriptionListDto> {
    return this.subscriptions.list(caller);
  }

  @Post('push-subscriptions')
  @ApiOperation({ operationId: 'createMyPushSubscription', summary: 'Register this device’s push subscription (PushSubscription.toJSON())' })
  @ApiCreatedResponse({ type: PushSubscriptionDto })
  @ApiConflictResponse({ description: 'Push is not set up on the service (PUSH_NOT_AVAILABLE)' })
  async subscribe(@Caller() caller: CurrentUser, @Body() dto: CreatePushSubscriptionDto, @Req() request: FastifyRequest): Promise<PushSubscriptionDto> {
    return (await this.subscriptions.create(caller, dto, request.headers['user-agent'])).subscription;
  }

  @Delete('push-subscriptions/:id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteMyPushSubscription', summary: 'Stop pushes to one of your devices' })
  @ApiNoContentResponse({ description: 'Removed' })
  unsubscribe(@Caller() caller: CurrentUser, @UuidParam() id: string): Promise<void> {
    return this.subscriptions.remove(caller, id);
  }
}

@ApiTags('reminders')
@Controller('push')
export class PushKeyController {
  constructor(private readonly subscriptions: PushSubscriptionsService) {}

  /** Public: the key a browser subscribes with (the VAPID public key is not a secret). */
  @Public()
  @Get('public-key')
  @ApiOperation({ operationId: 'getPushPublicKey', summary: 'The VAPID public key browsers subscribe with (null when push is not set up)' })
  @ApiOkResponse({ type: PushPublicKeyDto })
  publicKey(): PushPublicKeyDto {
    return this.subscriptions.publicKey();
  }
}
