/** Text as Terraform sees it: numbers written out in full, characters as grapheme clusters. */

const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * A number as Terraform writes it when it becomes a string: every digit, never an exponent
 * (`tostring(1e21)` is "1000000000000000000000"). JavaScript's `String` switches to exponent form
 * from 1e21 and below 1e-6, so that form is expanded here.
 */
export function decimalText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Object.is(n, -0)) return '0';
  const plain = String(n);
  const e = plain.indexOf('e');
  if (e === -1) return plain;
  const negative = plain.startsWith('-');
  const mantissa = plain.slice(negative ? 1 : 0, e);
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const point = (dot === -1 ? mantissa.length : dot) + Number(plain.slice(e + 1));
  let text: string;
  if (point <= 0) text = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) text = digits + '0'.repeat(point - digits.length);
  else text = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${text}` : text;
}

/** Orders strings by Unicode code point, as Terraform sorts (UTF-16 order differs above U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** The "characters" Terraform counts in `length`, `substr` and `strrev`: grapheme clusters. */
export function graphemes(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}

/** Go's `unicode.IsSpace`, which Terraform's `trimspace` uses (JavaScript's `\s` differs: U+0085, U+FEFF). */
export function isSpace(codePoint: number): boolean {
  if (codePoint <= 0xff) {
    return (codePoint >= 0x09 && codePoint <= 0x0d) || codePoint === 0x20 || codePoint === 0x85 || codePoint === 0xa0;
  }
  return (
    codePoint === 0x1680 ||
    (codePoint >= 0x2000 && codePoint <= 0x200a) ||
    codePoint === 0x2028 ||
    codePoint === 0x2029 ||
    codePoint === 0x202f ||
    codePoint === 0x205f ||
    codePoint === 0x3000
  );
}

/** The width in UTF-16 code units of the code point at `index` (0 at the end). */
export function codePointWidth(text: string, index: number): number {
  if (index >= text.length) return 0;
  return (text.codePointAt(index) as number) > 0xffff ? 2 : 1;
}
