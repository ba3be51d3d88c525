import { Injectable, Module } from '@nestjs/common';
import { Turns } from '../../platform/common/http/turns';
import { CompressedAnswer } from './compressed-answer';

/** Memory the cache may hold per process; the oldest answers go first beyond it. */
const MAX_BYTES = 48 * 1024 * 1024;

/**
 * The cached report answers of the process, under one byte budget. Nest makes an
 * interceptor named in @UseInterceptors once per module that hosts such a controller
 * (reports, goals), so the answers live here, in a provider of ReportCacheModule, and
 * every ReportCacheInterceptor shares them. Entries are evicted oldest first beyond MAX_BYTES.
 */
@Injectable()
export class ReportCache {
  private readonly entries = new Map<string, { answer: CompressedAnswer; size: number }>();
  private held = 0;

  /** Answers held. */
  get size(): number {
    return this.entries.size;
  }

  /** Bytes the answers held may come to (CompressedAnswer.maxBytes), at most MAX_BYTES. */
  get bytes(): number {
    return this.held;
  }

  get(key: string): CompressedAnswer | undefined {
    return this.entries.get(key)?.answer;
  }

  /** Keeps the answer as the newest; beyond MAX_BYTES the oldest go. */
  remember(key: string, answer: CompressedAnswer): void {
    const size = answer.maxBytes;
    if (size > MAX_BYTES) return;
    const replaced = this.entries.get(key);
    if (replaced) this.held -= replaced.size;
    this.entries.delete(key);
    this.entries.set(key, { answer, size });
    this.held += size;
    for (const [oldestKey, oldest] of this.entries) {
      if (this.held <= MAX_BYTES) break;
      this.entries.delete(oldestKey);
      this.held -= oldest.size;
    }
  }
}

/**
 * How many report answers one process computes at once (cache misses; a hit takes no turn).
 * A computation holds the rollup rows it read and the answer it builds; sixteen clients
 * reading right after a data change all miss at once. Four at a time keep the machine's two
 * cores busy; up to 64 more wait, each at most 10 s, before 503 with Retry-After (a read is
 * safe to send again).
 */
@Injectable()
export class ReportComputations extends Turns {
  constructor() {
    super({ running: 4, waiting: 64, maxWaitMs: 10_000, retryAfterSeconds: 2 });
  }
}

/** One ReportCache and one ReportComputations for the whole application: every module that hosts a cached route imports this (modules are singletons). */
@Module({ providers: [ReportCache, ReportComputations], exports: [ReportCache, ReportComputations] })
export class ReportCacheModule {}
