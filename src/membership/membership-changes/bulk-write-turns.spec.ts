import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { Test } from '@nestjs/testing';
import { NoTurn } from '../../platform/common/http/turns';
import { BULK_WRITES, BulkWriteTurns } from './bulk-write-turns';

/** A raw request and its answer, as Nest middleware sees them under Fastify. */
function exchange(headers: Record<string, string>): { request: IncomingMessage; response: ServerResponse & EventEmitter; sent: Record<string, string> } {
  const sent: Record<string, string> = {};
  const response = Object.assign(new EventEmitter(), { setHeader: (name: string, value: string) => (sent[name] = value) });
  return { request: { headers } as IncomingMessage, response: response as unknown as ServerResponse, sent };
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('BulkWriteTurns', () => {
  let turns: BulkWriteTurns;
  let token: string;

  beforeEach(async () => {
    // as in the app: the JWT module is global, and Nest gives the middleware its JwtService
    const module = await Test.createTestingModule({
      imports: [JwtModule.register({ global: true, secret: 'bulk-write-turns-test-secret' })],
      providers: [BulkWriteTurns],
    }).compile();
    turns = module.get(BulkWriteTurns);
    token = module.get(JwtService).sign({ sub: 'a-federation-officer' });
  });

  it('lets signed-in writers in two at a time, queues eight, and answers any more 503 with Retry-After', async () => {
    const calls: unknown[][] = [];
    const exchanges = Array.from({ length: BULK_WRITES.running + BULK_WRITES.waiting + 1 }, () => exchange({ authorization: `Bearer ${token}` }));
    exchanges.forEach((e, i) => turns.use(e.request, e.response, (...args: unknown[]) => (calls[i] = args)));
    await settle();
    expect(calls[0]).toEqual([]);
    expect(calls[1]).toEqual([]);
    expect(calls.slice(2, 10).filter(Boolean)).toEqual([]);
    expect(calls[10][0]).toBeInstanceOf(NoTurn);
    expect(exchanges[10].sent['retry-after']).toBe(String(BULK_WRITES.retryAfterSeconds));
    // the first answer is sent: the turn passes to the first in line
    exchanges[0].response.emit('close');
    await settle();
    expect(calls[2]).toEqual([]);
    expect(calls[3]).toBeUndefined();
  });

  it('takes no turn for a request without a valid token (the guard refuses it; its body is held small)', async () => {
    const held = Array.from({ length: BULK_WRITES.running + BULK_WRITES.waiting }, () => exchange({ authorization: `Bearer ${token}` }));
    held.forEach((e) => turns.use(e.request, e.response, () => undefined));
    const strangers: Record<string, string>[] = [{}, { authorization: 'Bearer not-a-token' }, { cookie: 'rengo_session=forged' }];
    for (const headers of strangers) {
      const stranger = exchange(headers);
      const next = jest.fn();
      turns.use(stranger.request, stranger.response, next);
      await settle();
      expect(next).toHaveBeenCalledWith();
    }
  });
});
