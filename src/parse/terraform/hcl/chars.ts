/**
 * Character classes of HCL's native syntax. ASCII goes through a table; other characters (rare
 * in configuration) through Unicode property tests, which is where HCL's identifier rules come from.
 */

export const IDENT_START = 1;
export const IDENT_PART = 2;
export const DIGIT = 4;

/** Class bits for each ASCII code. */
export const CHAR_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const digit = c >= 48 && c <= 57;
  if (letter || c === 95) CHAR_CLASS[c] |= IDENT_START | IDENT_PART;
  if (digit) CHAR_CLASS[c] |= DIGIT | IDENT_PART;
  // HCL adds the dash to UAX #31 identifiers so that names like `kebab-case` work.
  if (c === 45) CHAR_CLASS[c] |= IDENT_PART;
}

const ID_START = /^\p{ID_Start}$/u;
const ID_CONTINUE = /^\p{ID_Continue}$/u;

/** For code points beyond ASCII only. */
export function isIdentStartCode(cp: number): boolean {
  return ID_START.test(String.fromCodePoint(cp));
}

/** End of the identifier whose first character ends at `i`. */
export function identEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((CHAR_CLASS[c] & IDENT_PART) === 0) break;
      i++;
    } else {
      const cp = text.codePointAt(i)!;
      if (!ID_CONTINUE.test(String.fromCodePoint(cp))) break;
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return i;
}

/**
 * End of the number literal starting with the digit at `i`. HCL's scanner takes digits, dots and
 * exponents (`e`, `E`, optionally signed, followed by a digit) greedily, never ending on a dot:
 * `1.e5` is one literal, `a.0.b` leaves `.b` alone, and `1..2` is a literal that fails to convert.
 */
export function numberEnd(text: string, i: number): number {
  const n = text.length;
  let end = ++i;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      end = ++i;
    } else if (c === 46) {
      i++;
    } else if (c === 101 || c === 69) {
      let j = i + 1;
      const sign = text.charCodeAt(j);
      if (sign === 43 || sign === 45) j++;
      const d = text.charCodeAt(j);
      if (!(d >= 48 && d <= 57)) break;
      end = i = j + 1;
    } else {
      break;
    }
  }
  return end;
}

/** Go's `unicode.IsSpace`, which HCL uses for strip markers, heredoc indentation and markers. */
export function isSpace(c: number): boolean {
  if (c <= 0xff) return c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** How many space characters begin `s`. Every space character is one UTF-16 unit. */
export function leadingSpaces(s: string): number {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

export function trimEndSpace(s: string): string {
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}

export function trimStartSpace(s: string): string {
  const start = leadingSpaces(s);
  return start === 0 ? s : s.slice(start);
}
