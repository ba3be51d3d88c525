import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { AppConfig } from '../../config/app-config';

/** Where an import's uploaded file waits for the worker: one file per import id. */
export const uploadPath = (config: Pick<AppConfig, 'uploadsDir'>, importId: string): string => join(config.uploadsDir, importId);

/** Hashes and counts what passes through. */
class Sha256 extends Transform {
  private readonly hash = createHash('sha256');
  size = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    done(null, chunk);
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

/**
 * Streams an upload to disk while hashing it: the file is never whole in memory. A file
 * over the multipart limit makes the stream fail (413), and the pipeline with it.
 */
export async function storeUpload(config: Pick<AppConfig, 'uploadsDir'>, importId: string, file: Readable): Promise<{ sha256: string; size: number }> {
  await mkdir(config.uploadsDir, { recursive: true });
  const hasher = new Sha256();
  await pipeline(file, hasher, createWriteStream(uploadPath(config, importId)));
  return { sha256: hasher.digest(), size: hasher.size };
}
