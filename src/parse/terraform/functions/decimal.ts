/**
 * Decimal forms of non-negative numbers for `format`'s `%e %f %g`, rounded as Go rounds: on the
 * number's exact binary value, halves to even (`%.0f` of 2.5 is "2"). JavaScript's `toFixed` and
 * `toExponential` round halves up, so rounding is done here on big integers.
 */

/** `%f`: `decimals` digits after the point. */
export function fixedForm(x: number, decimals: number): string {
  const digits = scaledRound(x, decimals).toString().padStart(decimals + 1, '0');
  return decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** `%e`: one digit, `decimals` more after the point, and an exponent of at least two digits. */
export function exponentForm(x: number, decimals: number): string {
  const { digits, exponent } = significantDigits(x, decimals + 1);
  return withExponent(digits, decimals, exponent);
}

/**
 * `%g`: Go's rule. The exponent form is used when the exponent is below -4 or at least the
 * precision (6 when no precision is given and the shortest digits are used); trailing zeros go.
 */
export function generalForm(x: number, precision: number | undefined): string {
  const shortest = precision === undefined;
  const significant = shortest ? undefined : Math.max(precision, 1);
  const rounded = significant === undefined ? shortestDigits(x) : significantDigits(x, significant);
  const digits = rounded.digits.replace(/(?<=.)0+$/, '');
  const point = rounded.exponent + 1;
  let wanted = significant ?? digits.length;
  let limit = wanted;
  if (limit > digits.length && digits.length >= point) limit = digits.length;
  if (shortest) limit = 6;
  if (rounded.exponent < -4 || rounded.exponent >= limit) return withExponent(digits, Math.min(wanted, digits.length) - 1, rounded.exponent);
  if (wanted > point) wanted = digits.length;
  return fromDigits(digits, point, Math.max(wanted - point, 0));
}

interface Rounded {
  /** Significant digits, the first non-zero unless the number is 0. */
  digits: string;
  /** The power of ten of the first digit. */
  exponent: number;
}

function shortestDigits(x: number): Rounded {
  const [mantissa, exponent] = x.toExponential().split('e');
  return { digits: mantissa.replace('.', ''), exponent: x === 0 ? 0 : Number(exponent) };
}

function significantDigits(x: number, count: number): Rounded {
  if (x === 0) return { digits: '0'.repeat(count), exponent: 0 };
  // The shortest form's exponent is the right one, or one too high just below a power of ten.
  let exponent = shortestDigits(x).exponent;
  for (;;) {
    const digits = scaledRound(x, count - 1 - exponent).toString();
    if (digits.length < count) exponent--;
    // Rounding 9.99… up to 10.0… adds a digit, a zero: the exponent is one more.
    else return digits.length > count ? { digits: digits.slice(0, count), exponent: exponent + 1 } : { digits, exponent };
  }
}

function withExponent(digits: string, decimals: number, exponent: number): string {
  const fraction = decimals > 0 ? `.${digits.slice(1, decimals + 1).padEnd(decimals, '0')}` : '';
  return `${digits[0]}${fraction}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** Digits whose first digit is at `point` places before the decimal point, written with `decimals` decimals. */
function fromDigits(digits: string, point: number, decimals: number): string {
  const at = (i: number) => (i >= 0 && i < digits.length ? digits[i] : '0');
  const whole = point <= 0 ? '0' : Array.from({ length: point }, (_, i) => at(i)).join('');
  if (decimals === 0) return whole;
  return `${whole}.${Array.from({ length: decimals }, (_, i) => at(point + i)).join('')}`;
}

/** round(x × 10^power), exactly, halves to even. */
function scaledRound(x: number, power: number): bigint {
  const [mantissa, exponent] = binaryParts(x);
  let numerator = mantissa;
  let denominator = 1n;
  if (exponent >= 0) numerator <<= BigInt(exponent);
  else denominator <<= BigInt(-exponent);
  if (power >= 0) numerator *= 10n ** BigInt(power);
  else denominator *= 10n ** BigInt(-power);
  const quotient = numerator / denominator;
  const twiceRemainder = 2n * (numerator % denominator);
  const roundUp = twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n);
  return roundUp ? quotient + 1n : quotient;
}

/** A finite non-negative double as mantissa × 2^exponent. */
function binaryParts(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  return biased === 0 ? [fraction, -1074] : [fraction | (1n << 52n), biased - 1075];
}
