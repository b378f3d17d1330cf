import type { Parser } from './scanner';

/*
 * Literal text inside templates and labels. The scanner stops where the literal stops, leaves the
 * decoded text in `p.litValue` (a plain slice of the source when nothing needed decoding) and the
 * OR of its char codes in `p.litBits`, and returns the offset it stopped at.
 */

const BACKSLASH = 92;

/** Quoted text (labels, `"…"`) or one line of heredoc or bare-template text. */
export const enum TextKind {
  /** Stops at `"`, a newline or the end; decodes backslash escapes. */
  Quoted,
  /** Stops after a newline or at the end; backslashes are literal. */
  Line,
}

/** Literal text from `from` up to its end or a `${`/`%{` sequence; `$${` and `%%{` stand for `${` and `%{`. */
export function scanText(p: Parser, from: number, kind: TextKind): number {
  const text = p.text;
  const n = p.length;
  let i = from;
  let copied = from;
  let value = '';
  let bits = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 36 || c === 37) {
      const d = text.charCodeAt(i + 1);
      if (d === 123) break;
      if (d === c && text.charCodeAt(i + 2) === 123) {
        // Keep the first `$`, drop the second.
        value += text.slice(copied, i + 1);
        copied = i + 2;
        i += 3;
        continue;
      }
      // HCL's scanner cuts `$X` or `%X` (X one ASCII character) from a newline right after it;
      // a strip marker on the next line then trims only that newline, keeping a space X.
      if (kind === TextKind.Line && d < 128 && d !== 10 && isLineBreak(text, i + 2)) {
        bits |= c | d;
        i += 2;
        break;
      }
    } else if (kind === TextKind.Line) {
      if (c === 10) {
        i++;
        break;
      }
    } else if (c === 34 || c === 10 || c === 13) {
      break;
    } else if (c === BACKSLASH) {
      const decoded = decodeEscape(p, i);
      value += text.slice(copied, i) + decoded;
      bits |= decoded.charCodeAt(0);
      i = copied = escapeEnd(text, i);
      continue;
    }
    bits |= c;
    i++;
  }
  p.litValue = copied === from ? text.slice(from, i) : value + text.slice(copied, i);
  p.litBits = bits;
  return i;
}

function isLineBreak(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 10 || (c === 13 && text.charCodeAt(i + 1) === 10);
}

/** Where the escape sequence at the backslash `i` ends: `\uNNNN` and `\UNNNNNNNN` take their hex digits. */
function escapeEnd(text: string, i: number): number {
  const selector = text.charCodeAt(i + 1);
  if (selector === 117 || selector === 85) return hexEnd(text, i + 2, selector === 117 ? 4 : 8);
  if (selector === 10 || selector === 13 || Number.isNaN(selector)) return i + 1;
  // A selector beyond the Basic Multilingual Plane is a surrogate pair: take both halves.
  const low = text.charCodeAt(i + 2);
  return selector >= 0xd800 && selector <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? i + 3 : i + 2;
}

function hexEnd(text: string, i: number, most: number): number {
  const end = Math.min(text.length, i + most);
  while (i < end && isHex(text.charCodeAt(i))) i++;
  return i;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** The text the escape at backslash `i` stands for; an invalid escape is recorded and kept as written. */
function decodeEscape(p: Parser, i: number): string {
  const text = p.text;
  const selector = text.charCodeAt(i + 1);
  switch (selector) {
    case 110:
      return '\n';
    case 114:
      return '\r';
    case 116:
      return '\t';
    case 34:
      return '"';
    case BACKSLASH:
      return '\\';
    case 117:
    case 85: {
      const digits = selector === 117 ? 4 : 8;
      const end = escapeEnd(text, i);
      const written = text.slice(i, end);
      if (end - i - 2 !== digits) {
        p.error(i, end, `expected ${digits} hexadecimal digits after "\\${String.fromCharCode(selector)}", found ${JSON.stringify(written)}`);
        return written;
      }
      const code = parseInt(written.slice(2), 16);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        p.error(i, end, `expected a Unicode character, found ${JSON.stringify(written)} (U+${code.toString(16).toUpperCase()} cannot be encoded)`);
        return written;
      }
      return String.fromCodePoint(code);
    }
    default: {
      const end = escapeEnd(text, i);
      p.error(i, end, `expected one of \\n \\r \\t \\" \\\\ \\uNNNN \\UNNNNNNNN, found ${JSON.stringify(text.slice(i, end))}`);
      return text.slice(i + 1, end) || '\\';
    }
  }
}
