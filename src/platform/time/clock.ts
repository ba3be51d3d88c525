import { Injectable, Module } from '@nestjs/common';

const TOKYO_OFFSET_MS = 9 * 3600_000; // Japan has no daylight saving time

/**
 * The time of the service, in Asia/Tokyo calendar days. Everything that asks "what is
 * today" or "which month is current" asks this, so tests can fix the clock:
 * `t.app.get(Clock).set('2026-06-15')`.
 */
@Injectable()
export class Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /** Today's Japan calendar day, YYYY-MM-DD. */
  today(): string {
    return new Date(this.now().getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 10);
  }

  /** The current month in Japan, YYYY-MM. */
  month(): string {
    return this.today().slice(0, 7);
  }

  /** Fixes the clock (tests): a Japan calendar day (noon in Tokyo) or an instant; null lets it run again. */
  set(at: string | Date | null): void {
    if (at === null) {
      this.fixed = null;
      return;
    }
    const instant = typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? new Date(`${at}T12:00:00+09:00`) : new Date(at);
    if (Number.isNaN(instant.getTime())) throw new Error(`Clock.set: not a date: ${String(at)}`);
    this.fixed = instant;
  }
}

/** One Clock for the whole application (modules are singletons, so every importer shares it). */
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
