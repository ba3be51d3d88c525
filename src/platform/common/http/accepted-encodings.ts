/** The compressions a client accepts (Accept-Encoding; a q of 0 refuses one). */
export interface Accepted {
  br: boolean;
  gzip: boolean;
}

export function acceptedEncodings(header: string | undefined): Accepted {
  const accepted = { br: false, gzip: false };
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find((v) => v !== undefined);
    if ((name === 'br' || name === 'gzip') && (q === undefined || Number(q) > 0)) accepted[name] = true;
  }
  return accepted;
}
