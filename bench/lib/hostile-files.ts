import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { writeZip, type ZipEntry } from './zip';

/**
 * Files a hostile (or careless) client uploads as a membership-changes import, built here so
 * that each is reproducible and small on disk. The .xlsx files are written as Excel lays them
 * out (the worksheet before the shared strings), with the import's template header.
 */
export const IMPORT_HEADER = ['組合コード', '発効日', '増減数', '事由', '雇用形態', '性別'];

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="増減" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const SHEET_START = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_END = '</sheetData></worksheet>';
const COLUMNS = 'ABCDEF';

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A row whose cells are all shared strings, by index. */
const sharedRow = (number: number, indexes: number[]): string =>
  `<row r="${number}">${indexes.map((index, column) => `<c r="${COLUMNS[column]}${number}" t="s"><v>${index}</v></c>`).join('')}</row>`;

function* sharedStringsXml(count: number, text: (i: number) => string): Iterable<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">`;
  let chunk = '';
  for (let i = 0; i < count; i++) {
    chunk += `<si><t>${escapeXml(text(i))}</t></si>`;
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}</sst>`;
}

function xlsx(sheet: () => Iterable<string>, strings: () => Iterable<string>): ZipEntry[] {
  const fixed = (name: string, text: string): ZipEntry => ({ name, content: () => [text] });
  return [
    fixed('[Content_Types].xml', CONTENT_TYPES),
    fixed('_rels/.rels', ROOT_RELS),
    fixed('xl/workbook.xml', WORKBOOK),
    fixed('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    { name: 'xl/worksheets/sheet1.xml', content: sheet },
    { name: 'xl/sharedStrings.xml', content: strings },
  ];
}

/** The strings of the bomb's rows: the header, then one valid row's values. */
const BOMB_STRINGS = [...IMPORT_HEADER, 'B-1', '2025-04-01', '1', '新規採用者の加入', '正社員', '女性'];

/**
 * A zip bomb: one valid row repeated, byte for byte (row number included, as no spreadsheet
 * program writes but an attacker does), until the worksheet inflates to `megabytes` MB:
 * about 1,000 times the file's size. Answers the inflated size in bytes.
 */
export async function writeXlsxZipBomb(path: string, megabytes: number): Promise<number> {
  const target = megabytes * 1024 * 1024;
  function* sheet(): Iterable<string> {
    yield SHEET_START + sharedRow(1, [0, 1, 2, 3, 4, 5]);
    const chunk = sharedRow(2, [6, 7, 8, 9, 10, 11]).repeat(400);
    for (let written = 0; written < target; written += chunk.length) yield chunk;
    yield SHEET_END;
  }
  return writeZip(
    path,
    xlsx(sheet, () => sharedStringsXml(BOMB_STRINGS.length, (i) => BOMB_STRINGS[i])),
  );
}

/**
 * A shared-strings bomb: `count` distinct strings of `length` characters in sharedStrings.xml
 * (a reader that keeps them all holds count x length characters), and a sheet of a header and
 * ten rows that use a few of them.
 */
export async function writeSharedStringsBomb(path: string, count: number, length: number): Promise<number> {
  const filler = '組合員名簿'.repeat(Math.ceil(length / 5));
  const text = (i: number): string => (i < IMPORT_HEADER.length ? IMPORT_HEADER[i] : `${i}${filler}`.slice(0, length));
  function* sheet(): Iterable<string> {
    yield SHEET_START + sharedRow(1, [0, 1, 2, 3, 4, 5]);
    for (let number = 2; number <= 11; number++)
      yield sharedRow(
        number,
        [6, 7, 8, 9, 10, 11].map((i) => i * 1000 + number),
      );
    yield SHEET_END;
  }
  return writeZip(
    path,
    xlsx(sheet, () => sharedStringsXml(count, text)),
  );
}

/** A CSV of the template's header and one row whose first cell is `megabytes` MB of one letter. */
export async function writeCsvWithHugeCell(path: string, megabytes: number): Promise<number> {
  const out = createWriteStream(path);
  out.write(`${IMPORT_HEADER.join(',')}\r\n`);
  const chunk = 'x'.repeat(1 << 20);
  for (let i = 0; i < megabytes; i++) if (!out.write(chunk)) await once(out, 'drain');
  out.end(',2025-04-01,1,新規採用者の加入,正社員,女性\r\n');
  await once(out, 'finish');
  return out.bytesWritten;
}

/**
 * A multipart/form-data body written byte for byte (a browser's FormData would escape the
 * name): the kind field, then `content` as the file `fileName`.
 */
export function multipartBody(kind: string, fileName: string, content: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----bench${Date.now().toString(16)}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
