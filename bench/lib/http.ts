import { Agent, request } from 'node:http';

/** A minimal JSON client for the API under test. */
export class Api {
  constructor(
    readonly baseUrl: string,
    public token = '',
  ) {}

  async login(email: string, password: string): Promise<void> {
    const res = await this.call('POST', '/auth/login', { email, password });
    this.token = res.accessToken;
  }

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<any> {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  }
}

/** Runs `requests` calls of `work` spread over `clients` concurrent loops; returns each call's latency in ms. */
export async function concurrently(clients: number, requests: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < requests) {
        const i = next++;
        const start = process.hrtime.bigint();
        await work(i);
        latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }),
  );
  return latencies;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/**
 * GET that receives the whole answer but neither inflates nor parses it, as a load
 * generator should: the latency is the server's, not this process's JSON work. Sends the
 * Accept-Encoding a current browser sends. Resolves with the status, the bytes received and
 * any Retry-After; with `timeoutMs`, rejects when the answer takes longer.
 */
export function rawGet(baseUrl: string, path: string, token: string, timeoutMs?: number): Promise<{ status: number; bytes: number; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}/api/v1${path}`,
      { agent, headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, deflate, br, zstd' } },
      (res) => {
        let bytes = 0;
        const retryAfter = res.headers['retry-after'];
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, ...(retryAfter === undefined ? {} : { retryAfter }) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (timeoutMs !== undefined) req.setTimeout(Math.max(1, timeoutMs), () => req.destroy(new Error(`no answer in ${Math.round(timeoutMs)} ms`)));
    req.end();
  });
}

/**
 * Warm-up before a measurement: some reads, a pause long enough for the server to finish
 * compressing the answer in the background (as it has long done for a report read all
 * day), and some more reads.
 */
export async function warmUp(work: () => Promise<unknown>): Promise<void> {
  await concurrently(4, 20, work);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await concurrently(4, 20, work);
}
