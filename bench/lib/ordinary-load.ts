import { randomUUID } from 'node:crypto';
import { Api, concurrently, rawGet } from './http';
import { summarize, type Latency } from './stats';

/**
 * The load union offices really send: clients posting 10,000-item bulk bodies at once (each
 * with its own Idempotency-Key, as the API asks of writers), then clients reading the
 * dashboard's reports. A client told 503 waits the Retry-After it was given and sends the
 * same request again, with the same key: a retry can never write twice.
 */
export const BULK_ITEMS = 10_000;

export function bulkBody(unionIds: string[], client: number, round: number): string {
  const items = Array.from({ length: BULK_ITEMS }, (_, i) => ({
    unionId: unionIds[(client * 7919 + round * 131 + i) % unionIds.length],
    effectiveOn: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    delta: i % 2 === 0 ? 1 + (i % 3) : -(1 + (i % 3)),
    cause: i % 2 === 0 ? 'new_hire' : 'resignation',
    employmentType: i % 5 === 0 ? 'part_time' : 'regular',
    gender: i % 3 === 0 ? 'female' : 'male',
  }));
  return JSON.stringify({ items });
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds a 503 asked to wait (Retry-After), 1 when it named none. */
const retryAfter = (header: string | null): number => Math.min(30, Math.max(0.1, Number(header) || 1));

export interface BulkOutcome {
  rows: number;
  seconds: number;
  /** Answers 503 that a client waited out and sent again. */
  retries: number;
  failures: string[];
}

/** `rounds` rounds of `clients` bulk bodies posted at once; each body is retried on 503 until `deadline` (ms since epoch). */
export async function postBulkRounds(api: Api, unionIds: string[], clients: number, rounds: number, deadline: number): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { rows: 0, seconds: 0, retries: 0, failures: [] };
  const bodies = Array.from({ length: rounds }, (_, round) => Array.from({ length: clients }, (_, c) => bulkBody(unionIds, c, round)));
  const started = Date.now();
  const post = async (json: string): Promise<void> => {
    const key = randomUUID();
    while (Date.now() < deadline) {
      const res = await fetch(`${api.baseUrl}/api/v1/membership-changes/bulk`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}`, 'idempotency-key': key },
        body: json,
        signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
      });
      const text = await res.text();
      if (res.status === 503) {
        outcome.retries++;
        await pause(retryAfter(res.headers.get('retry-after')) * 1000);
        continue;
      }
      if (res.status !== 201) outcome.failures.push(`bulk ${res.status} ${text.slice(0, 120)}`);
      else outcome.rows += BULK_ITEMS;
      return;
    }
    outcome.failures.push('bulk: no answer before the deadline');
  };
  for (const round of bodies) {
    if (Date.now() >= deadline) break;
    await Promise.all(round.map((json) => post(json).catch((error: unknown) => void outcome.failures.push(`bulk: ${String(error)}`))));
  }
  outcome.seconds = (Date.now() - started) / 1000;
  return outcome;
}

/** The dashboard a union officer opens for fiscal 2025, and the growth breakdowns it offers. */
export const DASHBOARD_PATHS = [
  '/reports/growth?from=2024-04&to=2026-03&groupBy=total',
  '/reports/net-change?from=2025-04&to=2026-03',
  '/reports/loss-causes?from=2025-04&to=2026-03',
  '/reports/growth?from=2025-04&to=2026-03&groupBy=federation',
  '/reports/growth?from=2025-04&to=2026-03&groupBy=union',
  '/reports/growth?from=2025-04&to=2026-03&groupBy=employmentType',
  '/reports/gender?groupBy=regionalCouncil&month=2026-03',
  '/reports/dues-projection?fiscalYear=2025',
];

export interface ReadOutcome {
  latency: Latency;
  statuses: Record<number, number>;
  retries: number;
  failures: string[];
}

/** `requests` dashboard reads spread over `clients` clients, each request retried on 503 until `deadline`. */
export async function readReports(api: Api, clients: number, requests: number, deadline: number): Promise<ReadOutcome> {
  const outcome: Omit<ReadOutcome, 'latency'> = { statuses: {}, retries: 0, failures: [] };
  const latencies = await concurrently(clients, requests, async (i) => {
    const path = DASHBOARD_PATHS[i % DASHBOARD_PATHS.length];
    while (Date.now() < deadline) {
      try {
        const { status, retryAfter: wait } = await rawGet(api.baseUrl, path, api.token, deadline - Date.now());
        outcome.statuses[status] = (outcome.statuses[status] ?? 0) + 1;
        if (status !== 503) return;
        outcome.retries++;
        await pause(retryAfter(wait ?? null) * 1000);
      } catch (error) {
        outcome.failures.push(`${path}: ${String(error)}`);
        return;
      }
    }
    outcome.failures.push(`${path}: no answer before the deadline`);
  });
  return { ...outcome, latency: summarize(latencies) };
}
