import type { FastifyRequest } from 'fastify';

const exporting = new WeakSet<object>();

/** Marks a request whose JSON answer is being turned into a file (answer caches stand aside). */
export function markExport(request: object): void {
  exporting.add(request);
}

export function isExport(request: object): boolean {
  return exporting.has(request);
}

/** The route as declared, without the global prefix: `/goals/:id/progress`. */
export function routeOf(request: FastifyRequest, prefix: string): string {
  const url = request.routeOptions.url ?? '';
  return url.startsWith(prefix) ? url.slice(prefix.length) || '/' : url;
}
