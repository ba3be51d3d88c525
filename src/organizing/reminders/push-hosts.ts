/** Whether a push endpoint's host is one the service may call: listed, or under a `*.` entry. */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const name = host.toLowerCase();
  return allowed.some((entry) => (entry.startsWith('*.') ? name.endsWith(entry.slice(1)) && name.length > entry.length - 1 : name === entry));
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * The endpoint as a URL the service may send to, or the reason it may not: https to a listed
 * host; plain http only to a loopback host that is listed (a test's own push service).
 */
export function checkEndpoint(endpoint: string, allowed: readonly string[]): { url: URL } | { problem: 'format' | 'host' } {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { problem: 'format' };
  }
  if (url.username || url.password) return { problem: 'format' };
  if (!hostAllowed(url.hostname, allowed)) return { problem: 'host' };
  if (url.protocol === 'https:') return { url };
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return { url };
  return { problem: 'host' };
}
