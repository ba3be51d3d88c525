import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../platform/common/auth/auth.decorators';
import { notFound } from '../../platform/common/errors/domain-error';
import { CalendarFeedService } from './calendar-feed.service';

/** Where the feed is served: outside /api/v1 (app.setup.ts), for calendar apps that send no credential but the URL. */
export const CALENDAR_PATH = 'calendar/:file';

/** Whether the client's copy is current: If-None-Match when sent (the ETag), else If-Modified-Since. */
function notModified(request: FastifyRequest, etag: string, lastModified: Date): boolean {
  const match = request.headers['if-none-match'];
  if (match !== undefined) {
    return match
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === etag || tag === '*');
  }
  const since = request.headers['if-modified-since'];
  if (since === undefined) return false;
  const at = Date.parse(since);
  return Number.isFinite(at) && lastModified.getTime() <= at;
}

/**
 * GET /calendar/{token}.ics: the person's follow-ups as an iCalendar feed (text/calendar).
 * An unknown token, a rotated one or a disabled user's answers 404, as any unknown path.
 */
@ApiExcludeController()
@Controller()
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Public()
  @Get(CALENDAR_PATH)
  async feed(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const feed = await this.feeds.feed(file);
    if (!feed) throw notFound('Calendar');
    void reply
      .header('etag', feed.etag)
      .header('last-modified', feed.lastModified.toUTCString())
      .header('cache-control', 'private, no-cache')
      .header('referrer-policy', 'no-referrer')
      .header('x-robots-tag', 'noindex');
    if (notModified(request, feed.etag, feed.lastModified)) {
      await reply.code(304).send();
      return;
    }
    await reply.code(200).type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="follow-ups.ics"').send(feed.body());
  }
}
