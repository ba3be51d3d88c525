import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { acceptedEncodings } from './accepted-encodings';

const gzipped = promisify(gzip);

/** Below this a compressed answer saves less than its headers cost. */
const SMALLEST = 1024;

/**
 * JSON answers of a KB or more go gzip-compressed to clients that accept it. On a phone's
 * slow line the bytes are the wait: 今日's first reads (the labels and the follow-ups, 24 KB
 * as JSON) took about 130 ms to arrive at 1.4 Mbps after their round trip, and compress to a
 * fifth. Compressed in the thread pool, not on the event loop. Left as they are: answers
 * already encoded (the report cache sends its own gzip and brotli), streams (exports), and
 * anything but JSON.
 */
export function useCompressedJson(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply, payload) => {
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      if (request.method === 'HEAD' || reply.getHeader('content-encoding')) return payload;
      if (!/^application\/json\b/.test(String(reply.getHeader('content-type') ?? ''))) return payload;
      if (Buffer.byteLength(payload) < SMALLEST) return payload;
      const vary = String(reply.getHeader('vary') ?? '');
      if (!/accept-encoding/i.test(vary)) void reply.header('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding');
      if (!acceptedEncodings(request.headers['accept-encoding']).gzip) return payload;
      const body = await gzipped(payload);
      void reply.header('content-encoding', 'gzip');
      reply.removeHeader('content-length');
      return body;
    });
}
