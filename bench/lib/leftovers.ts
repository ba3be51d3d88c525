import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Bytes under a path (a file's size, or everything in a folder), 0 when it has gone. */
export function bytesUnder(path: string): number {
  try {
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.size;
    return readdirSync(path).reduce((sum, name) => sum + bytesUnder(join(path, name)), 0);
  } catch {
    return 0;
  }
}

/** Each entry of a folder and the bytes under it. */
export function folderEntries(folder: string): Map<string, number> {
  try {
    return new Map(readdirSync(folder).map((name) => [name, bytesUnder(join(folder, name))]));
  } catch {
    return new Map();
  }
}

export interface Leftovers {
  count: number;
  bytes: number;
  names: string[];
}

/** Entries of `folder` that are new since `before` or have grown, except those named in `ignore`. */
export function leftSince(folder: string, before: Map<string, number>, ignore: string[] = []): Leftovers {
  const left = [...folderEntries(folder)].filter(([name, bytes]) => !ignore.includes(name) && bytes > (before.get(name) ?? -1));
  return { count: left.length, bytes: left.reduce((sum, [name, bytes]) => sum + bytes - (before.get(name) ?? 0), 0), names: left.map(([name]) => name) };
}

export const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
