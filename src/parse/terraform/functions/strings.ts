import { spec, type Call, type FunctionSpec, type FunctionTable } from './call';
import { replacePattern } from './regex';
import { graphemes, isSpace } from './text';

/** Functions from one string to another. */
const mapString = (transform: (text: string) => string): FunctionSpec =>
  spec(1, 1, (c) => c.string(transform(c.asString(c.args[0]))));

/** Functions from two strings to a bool. */
const testStrings = (test: (text: string, part: string) => boolean): FunctionSpec =>
  spec(2, 2, (c) => c.bool(test(c.asString(c.args[0]), c.asString(c.args[1]))));

export const stringFunctions: FunctionTable = {
  lower: mapString((s) => mapCodePoints(s, (ch) => ch.toLowerCase())),
  upper: mapString((s) => mapCodePoints(s, (ch) => ch.toUpperCase())),
  title: mapString(title),
  trimspace: mapString((s) => trimWhere(s, isSpace)),
  chomp: mapString(chomp),
  strrev: mapString((s) => graphemes(s).reverse().join('')),
  trim: spec(2, 2, (c) => {
    const cutset = new Set(Array.from(c.asString(c.args[1]), (ch) => ch.codePointAt(0) as number));
    return c.string(trimWhere(c.asString(c.args[0]), (cp) => cutset.has(cp)));
  }),
  trimprefix: spec(2, 2, (c) => {
    const [text, prefix] = [c.asString(c.args[0]), c.asString(c.args[1])];
    return c.string(text.startsWith(prefix) ? text.slice(prefix.length) : text);
  }),
  trimsuffix: spec(2, 2, (c) => {
    const [text, suffix] = [c.asString(c.args[0]), c.asString(c.args[1])];
    return c.string(text.endsWith(suffix) ? text.slice(0, text.length - suffix.length) : text);
  }),
  startswith: testStrings((text, prefix) => text.startsWith(prefix)),
  endswith: testStrings((text, suffix) => text.endsWith(suffix)),
  strcontains: testStrings((text, part) => text.includes(part)),
  substr: spec(3, 3, (c) => c.string(substring(c.asString(c.args[0]), c.asInteger(c.args[1]), c.asInteger(c.args[2])))),
  indent: spec(2, 2, (c) => {
    const spaces = c.asInteger(c.args[0]);
    if (spaces < 0) c.fail('the number of spaces must not be negative');
    c.checkLength(spaces);
    const text = c.asString(c.args[1]);
    c.checkLength(text.length + spaces * occurrences(text, '\n'));
    return c.string(text.replaceAll('\n', `\n${' '.repeat(spaces)}`));
  }),
  join: spec(2, Infinity, (c) => {
    const separator = c.asString(c.args[0]);
    const parts: string[] = [];
    let length = 0;
    for (const list of c.args.slice(1)) {
      for (const item of c.asList(list)) {
        if (item.kind === 'literal' && item.value === null) c.fail('a list element is null; join cannot join null values');
        const part = c.asString(item);
        length += part.length + (parts.length ? separator.length : 0);
        c.checkLength(length);
        parts.push(part);
      }
    }
    return c.string(parts.join(separator));
  }),
  split: spec(2, 2, (c) => {
    const [separator, text] = [c.asString(c.args[0]), c.asString(c.args[1])];
    // Go splits on "" between every character (code point); so does Terraform.
    c.checkCount(separator === '' ? text.length : occurrences(text, separator) + 1);
    const parts = separator === '' ? Array.from(text) : text.split(separator);
    return c.list(parts.map((part) => c.string(part)));
  }),
  replace: spec(3, 3, (c) => {
    const [text, search, replacement] = [c.asString(c.args[0]), c.asString(c.args[1]), c.asString(c.args[2])];
    if (search.length > 1 && search.startsWith('/') && search.endsWith('/')) {
      return c.string(replacePattern(c, text, search.slice(1, -1), replacement));
    }
    return c.string(replaceAll(c, text, search, replacement));
  }),
};

/**
 * Case mapping one code point at a time, as Go does: a character whose other case is several
 * characters (`ß` → `SS`) stays as it is, and Greek final sigma gets no special treatment.
 */
function mapCodePoints(text: string, map: (ch: string) => string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return map(text);
  let out = '';
  for (const ch of text) {
    const mapped = map(ch);
    out += Array.from(mapped).length === 1 ? mapped : ch;
  }
  return out;
}

/**
 * Go's `strings.Title`, which Terraform's `title` uses: a letter after a separator becomes upper
 * case. ASCII characters other than letters, digits and `_` separate words, and so do spaces.
 */
function title(text: string): string {
  let out = '';
  let afterSeparator = true;
  for (const ch of text) {
    out += afterSeparator ? mapCodePoints(ch, (c) => c.toUpperCase()) : ch;
    afterSeparator = isWordSeparator(ch);
  }
  return out;
}

function isWordSeparator(ch: string): boolean {
  const codePoint = ch.codePointAt(0) as number;
  if (codePoint < 0x80) return !/[A-Za-z0-9_]/.test(ch);
  if (/[\p{L}\p{Nd}]/u.test(ch)) return false;
  return isSpace(codePoint);
}

/** Removes every newline (`\n`, `\r\n`, `\r`) at the end. */
function chomp(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x0a || text.charCodeAt(end - 1) === 0x0d)) end--;
  return text.slice(0, end);
}

function trimWhere(text: string, strip: (codePoint: number) => boolean): string {
  const chars = Array.from(text);
  let start = 0;
  let end = chars.length;
  while (start < end && strip(chars[start].codePointAt(0) as number)) start++;
  while (end > start && strip(chars[end - 1].codePointAt(0) as number)) end--;
  return chars.slice(start, end).join('');
}

/**
 * Terraform's `substr`, counting grapheme clusters: a negative offset counts from the end, a
 * negative length takes the rest, and an offset past the end gives "".
 */
function substring(text: string, offset: number, length: number): string {
  const chars = graphemes(text);
  const start = offset < 0 ? offset + chars.length : offset;
  const end = length < 0 ? chars.length : start + length;
  return chars.slice(Math.max(start, 0), Math.max(end, 0)).join('');
}

function occurrences(text: string, part: string): number {
  let count = 0;
  for (let i = text.indexOf(part); i !== -1; i = text.indexOf(part, i + part.length)) count++;
  return count;
}

/** Go's `strings.Replace` with every occurrence: an empty search string matches between every character. */
function replaceAll(call: Call, text: string, search: string, replacement: string): string {
  const count = search === '' ? Array.from(text).length + 1 : occurrences(text, search);
  call.checkLength(text.length + count * (replacement.length - search.length));
  // A function, so that `$&` and `$1` in the replacement stay literal as in Terraform.
  if (search !== '') return text.replaceAll(search, () => replacement);
  return replacement + Array.from(text, (ch) => ch + replacement).join('');
}
