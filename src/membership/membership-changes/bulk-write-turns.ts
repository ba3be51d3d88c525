import { Injectable } from '@nestjs/common';
import { TurnsBeforeBody, Turns } from '../../platform/common/http/turns';

/**
 * Bulk bodies one API process takes at a time. Each 10,000-item body is held parsed (about
 * 10 MB of objects) while its items' column arrays, their PostgreSQL text and the answer's
 * ids are built; four at once took the process past 300 MB. Two are written at once (the
 * machine's two cores are then busy with PostgreSQL); up to eight more wait before their
 * body is read, each at most 15 s (two writes take about a second or two); any beyond are
 * answered 503 with Retry-After, and the client sends the same body again with the same
 * Idempotency-Key, so the retry never writes twice.
 */
export const BULK_WRITES = { running: 2, waiting: 8, maxWaitMs: 15_000, retryAfterSeconds: 5 };

@Injectable()
export class BulkWriteTurns extends TurnsBeforeBody {
  protected readonly turns = new Turns(BULK_WRITES);
}
