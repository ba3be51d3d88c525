import Module, { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';

/**
 * exceljs 4.4 decodes each chunk of a sheet's XML on its own (utils/parse-sax.js), so a
 * Japanese character split across two chunks of the zip stream comes out as U+FFFD: about
 * one cell in 3,000 of a Japanese sheet read with the streaming reader. This installs the
 * same parser with a decoder that carries a split character over to the next chunk, in
 * place of exceljs's, before exceljs is loaded: import this file before `exceljs`.
 */
const fromHere = createRequire(__filename);
const parseSaxPath = fromHere.resolve('exceljs/lib/utils/parse-sax.js');
const fromExceljs = createRequire(parseSaxPath);

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

async function* parseSax(iterable: AsyncIterable<Buffer | string> & { pipe?: unknown }): AsyncGenerator<SaxEvent[]> {
  const { SaxesParser } = fromExceljs('saxes') as typeof import('saxes');
  const decoder = new StringDecoder('utf8');
  const parser = new SaxesParser();
  let error: Error | undefined;
  let events: SaxEvent[] = [];
  parser.on('error', (e) => (error = e));
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.end();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

if (!fromHere.cache[parseSaxPath]) {
  const fixed = new Module(parseSaxPath);
  fixed.filename = parseSaxPath;
  fixed.loaded = true;
  fixed.exports = parseSax;
  fromHere.cache[parseSaxPath] = fixed;
}
