import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { PassThrough, Readable, Transform, TransformCallback, pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { SPREADSHEET_LIMITS, SpreadsheetRefused, refusals } from './spreadsheet-limits';

/** One part of an `.xlsx` (a zip entry), as its central directory declares it. */
export interface XlsxPart {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
}

/** A zip that is not one: the check says the file cannot be read, as for any unreadable file. */
const brokenZip = (reason: string): Error => new Error(`not a readable .xlsx: ${reason}`);

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * The parts of an `.xlsx`, from its central directory at the end of the file: a few
 * kilobytes read, nothing inflated. Declared sizes are checked here (a bomb that says what
 * it is is refused at once) and again while each part inflates (one that lies).
 */
export async function readXlsxParts(path: string, fileSize: number): Promise<Map<string, XlsxPart>> {
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = await readAt(path, fileSize - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      end = i;
      break;
    }
  }
  if (end < 0) throw brokenZip('no end of central directory');
  const count = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (directoryOffset === ZIP64_MARK || count === 0xffff) throw refusals.notAWorkbook('ZIP64形式');
  if (count > SPREADSHEET_LIMITS.maxZipEntries || directorySize > count * (46 + 0xffff * 3) || directoryOffset + directorySize > fileSize) {
    throw brokenZip('central directory out of bounds');
  }
  const directory = await readAt(path, directoryOffset, directorySize);
  const parts = new Map<string, XlsxPart>();
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw brokenZip('central directory out of bounds');
    const nameLength = directory.readUInt16LE(at + 28);
    const part: XlsxPart = {
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      headerOffset: directory.readUInt32LE(at + 42),
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if (part.compressedSize === ZIP64_MARK || part.size === ZIP64_MARK || part.headerOffset === ZIP64_MARK) throw refusals.notAWorkbook('ZIP64形式');
    parts.set(part.name, part);
    at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
  }
  return parts;
}

/** Refuses a part whose declared size is over `cap` or inflates past the ratio. */
function checkDeclared(part: XlsxPart, cap: number, overCap: () => SpreadsheetRefused): void {
  if (part.flags & 1) throw refusals.notAWorkbook('暗号化されています');
  if (part.method !== 0 && part.method !== 8) throw refusals.notAWorkbook(`圧縮方式 ${part.method}`);
  if (part.size > cap) throw overCap();
  if (part.size > SPREADSHEET_LIMITS.inflateRatioGrace && part.size > part.compressedSize * SPREADSHEET_LIMITS.maxInflateRatio) throw refusals.bomb(part.name);
}

/**
 * Counts what goes in and what comes out of the inflater, and fails the stream as soon as
 * the part passes its cap or the ratio: a bomb stops after a megabyte, not after 57 GB.
 */
class InflateGuard extends Transform {
  inflated = 0;

  constructor(
    private readonly part: XlsxPart,
    private readonly cap: number,
    private readonly overCap: () => SpreadsheetRefused,
    private readonly compressedRead: () => number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.inflated += chunk.length;
    if (this.inflated > this.cap) return done(this.overCap());
    if (this.inflated > this.part.size) return done(refusals.bomb(this.part.name));
    if (this.inflated > SPREADSHEET_LIMITS.inflateRatioGrace && this.inflated > this.compressedRead() * SPREADSHEET_LIMITS.maxInflateRatio) {
      return done(refusals.bomb(this.part.name));
    }
    done(null, chunk);
  }
}

/**
 * A part's content as a stream, inflated under its cap; `counted` is told of every
 * compressed byte read from the file (the check's progress).
 */
export async function openXlsxPart(
  path: string,
  part: XlsxPart,
  limits: { cap: number; overCap: () => SpreadsheetRefused; counted: (bytes: number) => void },
): Promise<Readable> {
  checkDeclared(part, limits.cap, limits.overCap);
  const header = await readAt(path, part.headerOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw brokenZip('local header missing');
  const start = part.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  let compressedRead = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      compressedRead += chunk.length;
      limits.counted(chunk.length);
      done(null, chunk);
    },
  });
  const guard = new InflateGuard(part, limits.cap, limits.overCap, () => compressedRead);
  const source = part.compressedSize === 0 ? Readable.from([]) : createReadStream(path, { start, end: start + part.compressedSize - 1 });
  const inflate = part.method === 8 ? createInflateRaw() : new PassThrough();
  // an error anywhere (a refusal, a corrupt stream) ends the guard with it, and so the reader
  pipeline(source, counter, inflate, guard, () => undefined);
  return guard;
}
