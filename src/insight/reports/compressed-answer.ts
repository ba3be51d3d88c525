import { brotliCompress, constants, gzipSync } from 'node:zlib';
import type { Accepted } from '../../platform/common/http/accepted-encodings';

/**
 * The process's brotli compressions, one at a time. At its best quality brotli holds its
 * window and match tables outside the JS heap, tens of MB for a large answer; sixteen
 * readers right after a data change started four at once (the thread pool's size), and
 * with them the API's highest and most uneven peaks of resident memory. An answer that finds
 * `waiting` answers in line stays gzip and tries again on a later read, so the line holds
 * few answers the cache may already have let go.
 */
class BrotliLine {
  private queued = 0;
  private last = Promise.resolve();

  constructor(private readonly waiting: number) {}

  /** Runs `compress` after those before it; false when the line is full and it was not taken. */
  take(compress: (done: () => void) => void): boolean {
    if (this.queued >= this.waiting) return false;
    this.queued++;
    this.last = this.last.then(() => new Promise<void>((done) => compress(done))).then(() => void this.queued--);
    return true;
  }
}

const brotliLine = new BrotliLine(16);

/**
 * One serialized report answer and its compressed forms. gzip is made on the first
 * request that takes it (a few milliseconds). Brotli at its best quality is a third
 * smaller again (44 KB against 29 KB for 50 federations x 60 months) but takes about
 * half a second, so it is made off the event loop, in the zlib thread pool, once an
 * answer is asked for a second time, and served from then on: answers read once cost
 * nothing extra, answers read often move a third fewer bytes. The process makes one at a
 * time (BrotliLine).
 */
export class CompressedAnswer {
  private gzip?: Buffer;
  private br?: Buffer;
  private brotliStarted = false;
  private reads = 0;

  constructor(readonly json: string) {}

  /**
   * Memory it may come to hold: the string (two bytes a character once it carries Japanese
   * labels) and both compressed forms, which are well under a fifth of the JSON each.
   */
  get maxBytes(): number {
    return Math.ceil(this.json.length * 2.4);
  }

  /** The body for a client, and the Content-Encoding to send with it, if any. */
  body(accepted: Accepted): { body: string | Buffer; encoding?: 'br' | 'gzip' } {
    this.reads++;
    if (accepted.br) {
      if (this.br) return { body: this.br, encoding: 'br' };
      if (this.reads >= 2) this.startBrotli();
    }
    if (!accepted.gzip) return { body: this.json };
    this.gzip ??= gzipSync(this.json);
    return { body: this.gzip, encoding: 'gzip' };
  }

  private startBrotli(): void {
    if (this.brotliStarted) return;
    const params = { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: this.json.length };
    this.brotliStarted = brotliLine.take((done) =>
      brotliCompress(this.json, { params }, (error, result) => {
        if (!error) this.br = result; // on an error the answer simply stays gzip
        done();
      }),
    );
  }
}
