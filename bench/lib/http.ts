/** A minimal JSON client for the API under test. */
export class Api {
  constructor(
    private readonly baseUrl: string,
    private token = '',
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
