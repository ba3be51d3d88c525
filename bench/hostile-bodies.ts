import { request as httpRequest } from 'node:http';
import { recreateDatabase } from './lib/database';
import { startProcess, stop, waitForHealth } from './lib/processes';
import { line, timed } from './lib/stats';
import { rssMb, sampleRss } from './lib/memory';

/**
 * What a hostile body costs the API: `npx nest build && node dist/bench/hostile-bodies.js`.
 * Sends bodies no legitimate client sends, without a token, and prints for each the answer
 * (status and size), the time it took and the API's resident memory: its current RSS before,
 * and the peak (sampled every 50 ms) while it answered. Also prints the size of a realistic
 * 10,000-item bulk body, the largest a client legitimately sends.
 * Uses its own database (rengo_bench_hostile); DATABASE_URL names the server.
 */
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rengo';
const PORT = 3994;
const MB = 1024 * 1024;

/** A JSON array of empty objects, `bytes` long. */
function jsonArray(bytes: number): string {
  return `[${Array.from({ length: Math.floor(bytes / 3) }, () => '{}').join(',')}]`;
}

/** 10,000 changes as a federation's script sends them, each with a short Japanese note. */
function realisticBulkBody(): string {
  const items = Array.from({ length: 10_000 }, (_, i) => ({
    unionId: '0192f3a4-5b6c-7d8e-9f00-112233445566',
    effectiveOn: `2025-${String((i % 12) + 1).padStart(2, '0')}-01`,
    delta: i % 2 === 0 ? 3 : -2,
    cause: i % 2 === 0 ? 'new_hire' : 'resignation',
    employmentType: 'part_time',
    gender: 'unspecified',
    note: '4月定期採用分(本社・工場)',
  }));
  return JSON.stringify({ items });
}

/**
 * POSTs a JSON body in 64 KB pieces and answers the status and the size of the answer as soon
 * as it comes: a body refused before it is read is answered while it is still being sent
 * (fetch would fail when the API closes the connection).
 */
function post(url: string, body: string): Promise<{ status: number; size: number }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
    let answered = false;
    request.on('response', (response) => {
      answered = true;
      let size = 0;
      response.on('data', (chunk: Buffer) => (size += chunk.length));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, size });
        request.destroy();
      });
    });
    request.on('error', (error) => (answered ? undefined : reject(error)));
    const bytes = Buffer.from(body);
    const send = async (): Promise<void> => {
      for (let sent = 0; sent < bytes.length && !answered; sent += 64 * 1024) {
        if (!request.write(bytes.subarray(sent, sent + 64 * 1024))) await new Promise((r) => request.once('drain', r));
        // lets an early answer arrive between pieces
        await new Promise((r) => setImmediate(r));
      }
      if (!answered) request.end();
    };
    void send().catch(() => undefined);
  });
}

async function probe(baseUrl: string, pid: number, label: string, path: string, body: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idle = rssMb(pid);
  const sampler = sampleRss(pid);
  const [answer, elapsed] = await timed(() => post(`${baseUrl}/api/v1${path}`, body));
  const peak = sampler.stop();
  console.log(`\n${label}: ${(Buffer.byteLength(body) / MB).toFixed(1)} MB to POST ${path}, no token`);
  line('answer', `${answer.status}, ${answer.size.toLocaleString('en-US')} bytes`);
  line('time', `${(elapsed / 1000).toFixed(2)} s`);
  line('API RSS before -> peak', `${idle.toFixed(0)} MB -> ${peak.toFixed(0)} MB`);
}

async function main(): Promise<void> {
  const url = await recreateDatabase(SERVER, 'rengo_bench_hostile');
  const env = { DATABASE_URL: url, PORT: String(PORT), QUEUE_PREFIX: 'bench_hostile', LOG_LEVEL: 'warn' };
  const api = startProcess('api', env);
  try {
    const baseUrl = `http://127.0.0.1:${PORT}`;
    await waitForHealth(baseUrl);
    const pid = api.pid!;
    await probe(baseUrl, pid, 'a JSON array', '/auth/login', jsonArray(10 * MB));
    await probe(baseUrl, pid, 'a JSON array', '/membership-changes/bulk', jsonArray(10 * MB));
    console.log(`\nthe largest legitimate body: 10,000 bulk changes with a short note each`);
    line('size', `${(Buffer.byteLength(realisticBulkBody()) / MB).toFixed(1)} MB`);
  } finally {
    await stop(api);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
