import { Module } from '@nestjs/common';
import { ClockModule } from '../../platform/time/clock';
import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarFeedService } from './calendar-feed.service';
import { DigestService } from './digest.service';
import { DigestsController } from './digests.controller';
import { Mailer } from './mailer';
import { NotificationSettingsService } from './notification-settings.service';
import { PushSender } from './push-sender';
import { PushSubscriptionsService } from './push-subscriptions.service';
import { MyRemindersController, PushKeyController } from './reminders.controller';

/** The sending side of the reminders, shared by the API (POST /admin/digests/run) and the worker (the hourly job). */
@Module({
  providers: [DigestService, Mailer, PushSender],
  exports: [DigestService],
})
export class DigestModule {}

/** Reminders where people already are: the calendar feed, the switches, push devices, the operators' run (docs/reminders.md). */
@Module({
  imports: [ClockModule, DigestModule],
  controllers: [MyRemindersController, PushKeyController, CalendarFeedController, DigestsController],
  providers: [CalendarFeedService, NotificationSettingsService, PushSubscriptionsService],
})
export class RemindersModule {}
