import { once } from 'node:events';
import { open } from 'node:fs/promises';
import { crc32, createDeflateRaw } from 'node:zlib';

/** One file of a zip archive; its content comes in chunks, so a large entry is never whole in memory. */
export interface ZipEntry {
  name: string;
  content: () => Iterable<string | Buffer>;
}

interface Deflated {
  data: Buffer[];
  crc: number;
  size: number;
  compressedSize: number;
}

async function deflate(chunks: Iterable<string | Buffer>): Promise<Deflated> {
  const deflater = createDeflateRaw({ level: 9 });
  const data: Buffer[] = [];
  let compressedSize = 0;
  deflater.on('data', (chunk: Buffer) => {
    data.push(chunk);
    compressedSize += chunk.length;
  });
  const ended = once(deflater, 'end');
  let crc = 0;
  let size = 0;
  for (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflater.write(bytes)) await once(deflater, 'drain');
  }
  deflater.end();
  await ended;
  return { data, crc, size, compressedSize };
}

/** The fields a local header and a central directory record share: version 2.0, deflate, 1980-01-01 00:00. */
function common(entry: Deflated, name: Buffer): Buffer {
  const fields = Buffer.alloc(26);
  fields.writeUInt16LE(20, 0);
  fields.writeUInt16LE(0, 2);
  fields.writeUInt16LE(8, 4);
  fields.writeUInt16LE(0, 6);
  fields.writeUInt16LE(0x21, 8);
  fields.writeUInt32LE(entry.crc >>> 0, 10);
  fields.writeUInt32LE(entry.compressedSize, 14);
  fields.writeUInt32LE(entry.size, 18);
  fields.writeUInt16LE(name.length, 22);
  fields.writeUInt16LE(0, 24);
  return fields;
}

/**
 * Writes a zip archive (deflated entries, in the order given, no zip64: each entry under
 * 4 GB) and answers the total of the entries' inflated sizes.
 */
export async function writeZip(path: string, entries: ZipEntry[]): Promise<number> {
  const file = await open(path, 'w');
  const central: Buffer[] = [];
  let offset = 0;
  let inflated = 0;
  try {
    for (const entry of entries) {
      const deflated = await deflate(entry.content());
      const name = Buffer.from(entry.name);
      const signature = Buffer.alloc(4);
      signature.writeUInt32LE(0x04034b50);
      const header = Buffer.concat([signature, common(deflated, name), name]);
      await file.write(header);
      for (const chunk of deflated.data) await file.write(chunk);
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4);
      common(deflated, name).copy(record, 6);
      // comment length, disk, internal and external attributes stay 0
      record.writeUInt32LE(offset, 42);
      central.push(record, name);
      offset += header.length + deflated.compressedSize;
      inflated += deflated.size;
    }
    const directory = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    await file.write(Buffer.concat([directory, end]));
  } finally {
    await file.close();
  }
  return inflated;
}
