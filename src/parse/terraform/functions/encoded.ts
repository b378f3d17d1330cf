import type { ListValue, MapValue, Range, UnknownValue, Value } from '../../../model';
import { MAX_STRING_LENGTH } from './limits';
import { compareCodePoints, decimalText } from './text';

/**
 * `jsonencode` and `yamlencode` give a string in Terraform. Here they give the structure itself
 * (every node keeping the range where it is written) with a mark saying how it is encoded, so
 * that rules can walk an IAM policy written as `jsonencode({...})` as they walk a map, and
 * functions that need the string (`length`, `sha256`, `format`, `==`) compute it on demand.
 *
 * The mark is an enumerable symbol property: an object spread (`{ ...value, range }`) keeps it,
 * and JSON output of findings never shows it. `structuredClone` drops it.
 */
const ENCODING = Symbol('iac-scan.terraform.encoding');

export type Encoding = 'json' | 'yaml';
export type Structure = ListValue | MapValue;
type Marked = Structure & { [ENCODING]?: Encoding };

/** How a structure was encoded to a string, or undefined for a value that is what it looks like. */
export function encodedAs(value: Value): Encoding | undefined {
  return value.kind === 'list' || value.kind === 'map' ? (value as Marked)[ENCODING] : undefined;
}

/** A copy of `value` marked as holding the string that `encoding` writes of it. */
export function markEncoded(value: Structure, encoding: Encoding): Structure {
  const copy: Marked = { ...value };
  copy[ENCODING] = encoding;
  return copy;
}

/** A copy of `value` without the mark: the structure as a value again (`jsondecode(jsonencode(x))`). */
export function withoutEncoding(value: Structure): Structure {
  const copy: Marked = { ...value };
  delete copy[ENCODING];
  return copy;
}

/** The text of a value, or why it is not known before apply, or that it would pass the string limit. */
export type EncodedText = { text: string } | { unknown: UnknownValue } | { tooLong: true };

/**
 * The JSON `jsonencode` writes of `value`: minified, object keys sorted by code point, numbers
 * in full, `<`, `>`, `&`, U+2028 and U+2029 escaped as Terraform does. A structure marked as
 * encoded is a string wherever it appears, so it is written as a quoted string.
 */
export function jsonText(value: Value): EncodedText {
  return writeSafely((put) => writeJson(value, put, false));
}

/** The string an encoded structure stands for. */
export function encodedText(value: Structure): EncodedText {
  if (encodedAs(value) === 'yaml') return { unknown: yamlTextUnknown(value.range) };
  return writeSafely((put) => writeJson(value, put, true));
}

type Put = (text: string) => void;

class TooLong {}
class UnknownInside {
  constructor(readonly value: UnknownValue) {}
}

function writeSafely(write: (put: Put) => void): EncodedText {
  const parts: string[] = [];
  let length = 0;
  const put: Put = (text) => {
    length += text.length;
    if (length > MAX_STRING_LENGTH) throw new TooLong();
    parts.push(text);
  };
  try {
    write(put);
  } catch (e) {
    if (e instanceof TooLong) return { tooLong: true };
    if (e instanceof UnknownInside) return { unknown: e.value };
    throw e;
  }
  return { text: parts.join('') };
}

/** `asStructure`: write a marked top-level value as its structure rather than as a string. */
function writeJson(value: Value, put: Put, asStructure: boolean): void {
  if (value.kind === 'unknown') throw new UnknownInside(value);
  if (value.kind === 'literal') {
    const v = value.value;
    put(v === null ? 'null' : typeof v === 'string' ? quoteJson(v) : typeof v === 'number' ? decimalText(v) : String(v));
    return;
  }
  const encoding = asStructure ? undefined : encodedAs(value);
  if (encoding === 'yaml') throw new UnknownInside(yamlTextUnknown(value.range));
  if (encoding === 'json') {
    const inner = encodedText(value);
    if ('unknown' in inner) throw new UnknownInside(inner.unknown);
    if ('tooLong' in inner) throw new TooLong();
    put(quoteJson(inner.text));
    return;
  }
  if (value.kind === 'list') {
    put('[');
    value.items.forEach((item, i) => {
      if (i > 0) put(',');
      writeJson(item, put, false);
    });
    put(']');
    return;
  }
  put('{');
  [...value.entries.keys()].sort(compareCodePoints).forEach((key, i) => {
    put(i > 0 ? `,${quoteJson(key)}:` : `${quoteJson(key)}:`);
    writeJson(value.entries.get(key) as Value, put, false);
  });
  put('}');
}

/** A JSON string as Terraform (Go) writes it. */
export function quoteJson(text: string): string {
  let out = '"';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const escape = jsonEscape(code);
    if (escape === undefined) continue;
    out += text.slice(from, i) + escape;
    from = i + 1;
  }
  return `${out}${text.slice(from)}"`;
}

function jsonEscape(code: number): string | undefined {
  switch (code) {
    case 0x22:
      return '\\"';
    case 0x5c:
      return '\\\\';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x3c:
    case 0x3e:
    case 0x26:
    case 0x2028:
    case 0x2029:
      return unicodeEscape(code);
    default:
      return code < 0x20 ? unicodeEscape(code) : undefined;
  }
}

function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

function yamlTextUnknown(range: Range): UnknownValue {
  return { kind: 'unknown', why: 'iac-scan keeps what yamlencode() encodes but does not reproduce its text', range };
}
