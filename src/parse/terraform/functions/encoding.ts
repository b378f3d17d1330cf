import type { MapValue, Range, Value } from '../../../model';
import { spec, type Call, type FunctionTable } from './call';
import { decodedResult, decodingOf, placed, type Decoded, type Decoding } from './decoding';
import { MAX_ITEMS } from './limits';

/** Base64, text encodings, URL encoding and CSV, as Terraform does them. */
export const encodingFunctions: FunctionTable = {
  base64encode: spec(1, 1, (c) => c.string(encodeBase64(c, Buffer.from(c.asString(c.args[0]), 'utf8')))),
  base64decode: spec(1, 1, (c) => c.string(decodeText(c, decodeBase64(c, c.asString(c.args[0])), 'utf-8'))),
  textencodebase64: spec(2, 2, (c) => c.string(encodeBase64(c, encodeText(c, c.asString(c.args[0]), c.asString(c.args[1]))))),
  textdecodebase64: spec(2, 2, (c) => c.string(decodeText(c, decodeBase64(c, c.asString(c.args[0])), c.asString(c.args[1])))),
  urlencode: spec(1, 1, (c) => c.string(urlEncode(c, c.asString(c.args[0])))),
  csvdecode: spec(1, 1, (c) => {
    const source = c.known(c.args[0]);
    const text = c.asString(source);
    const decoding = decodingOf(text, source);
    return decodedResult(c, decodeCsv(text, decoding), decoding, source);
  }),
};

function encodeBase64(call: Call, bytes: Buffer): string {
  call.checkLength(Math.ceil(bytes.length / 3) * 4);
  return bytes.toString('base64');
}

const BASE64_CHAR = /^[A-Za-z0-9+/]$/;

/** Standard base64 with padding, strictly (Node's decoder skips bad characters silently); line breaks are ignored, as in Go. */
function decodeBase64(call: Call, text: string): Buffer {
  const data = text.replace(/[\r\n]/g, '');
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  let valid = data.length % 4 === 0;
  for (let i = 0; valid && i < data.length - padding; i++) valid = BASE64_CHAR.test(data[i]);
  if (!valid) call.fail('the string is not valid base64');
  return Buffer.from(data, 'base64');
}

function decodeText(call: Call, bytes: Buffer, encoding: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    return call.unknown(`iac-scan does not know the text encoding "${encoding}"`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    return call.fail(`the decoded bytes are not valid ${encoding}`);
  }
}

/** The encodings Node can write; Terraform knows more, which then give an Unknown here. */
function encodeText(call: Call, text: string, encoding: string): Buffer {
  switch (encoding.toLowerCase().replace(/[-_]/g, '')) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf16le':
      return Buffer.from(text, 'utf16le');
    case 'utf16be':
      return Buffer.from(text, 'utf16le').swap16();
    default:
      return call.unknown(`iac-scan encodes text as UTF-8 and UTF-16 only, not as ${encoding}`);
  }
}

/** Go's `url.QueryEscape`: unreserved characters stay, a space is `+`, other UTF-8 bytes are `%XX`. */
function urlEncode(call: Call, text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
    else if (byte === 0x20) out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  call.checkLength(out.length);
  return out;
}

/**
 * Terraform's `csvdecode`: RFC 4180 as Go reads it. The first line names the columns; every
 * other line must have as many fields and becomes a map of strings. Quoted fields may hold
 * commas, `""` and line breaks; a quote inside an unquoted field is an error; blank lines are
 * skipped.
 */
function decodeCsv(text: string, decoding: Decoding): Decoded {
  const records = csvRecords(text);
  if ('error' in records) return records;
  const [header, ...rows] = records;
  if (!header) return { error: 'the CSV text has no header line' };
  if (new Set(header.map((column) => column.text)).size !== header.length) return { error: 'the CSV header names a column twice' };
  if (rows.length > MAX_ITEMS) return { limit: `reads a CSV text of more than ${MAX_ITEMS} rows` };
  const items: Value[] = [];
  for (const row of rows) {
    if (row.length !== header.length) return { error: `a CSV line has ${row.length} fields; the header has ${header.length}` };
    const map: MapValue = { kind: 'map', entries: new Map(), keyRanges: new Map(), range: decoding.place(row[0].start, row[row.length - 1].end) };
    header.forEach((column, i) => {
      const field = row[i];
      map.entries.set(column.text, placed({ kind: 'literal', value: field.text, range: decoding.place(field.start, field.end) }, decoding));
      map.keyRanges.set(column.text, decoding.place(column.start, column.end));
    });
    items.push(placed(map, decoding));
  }
  const whole: Range = decoding.place(0, text.length);
  return { value: placed({ kind: 'list', items, range: whole }, decoding) };
}

interface Field {
  text: string;
  start: number;
  end: number;
}

function csvRecords(text: string): Field[][] | { error: string } {
  const records: Field[][] = [];
  let record: Field[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) return { error: 'a quoted CSV field is not closed' };
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else if (text[i] === '\r' && text[i + 1] === '\n') {
          value += '\n';
          i += 2;
        } else value += text[i++];
      }
      if (i < text.length && !',\r\n'.includes(text[i])) return { error: 'a CSV field has text after its closing quote' };
    } else {
      while (i < text.length && !',\r\n'.includes(text[i])) {
        if (text[i] === '"') return { error: 'a quote appears inside an unquoted CSV field' };
        value += text[i++];
      }
    }
    record.push({ text: value, start, end: i });
    if (text[i] === ',') {
      i++;
      if (i === text.length) record.push({ text: '', start: i, end: i });
      else continue;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    i++;
    const blank = record.length === 1 && record[0].text === '' && record[0].start === record[0].end;
    if (!blank) records.push(record);
    record = [];
  }
  return records;
}
