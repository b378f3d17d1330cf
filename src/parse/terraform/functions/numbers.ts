import { spec, type Call, type FunctionSpec, type FunctionTable } from './call';

/** Functions from one number to another. */
const mapNumber = (transform: (n: number) => number): FunctionSpec => spec(1, 1, (c) => c.number(transform(c.asNumber(c.args[0]))));

/** A string of this many digits is past the largest double in any base, so it is not parsed. */
const MAX_PARSEINT_DIGITS = 1100;

export const numberFunctions: FunctionTable = {
  abs: mapNumber(Math.abs),
  ceil: mapNumber(Math.ceil),
  floor: mapNumber(Math.floor),
  signum: mapNumber(Math.sign),
  log: spec(2, 2, (c) => c.number(Math.log(c.asNumber(c.args[0])) / Math.log(c.asNumber(c.args[1])))),
  pow: spec(2, 2, (c) => c.number(c.asNumber(c.args[0]) ** c.asNumber(c.args[1]))),
  // reduce, not Math.min(...args): an expanded list may have more items than a call can take.
  min: spec(1, Infinity, (c) => c.number(c.args.reduce((least, a) => Math.min(least, c.asNumber(a)), Infinity))),
  max: spec(1, Infinity, (c) => c.number(c.args.reduce((most, a) => Math.max(most, c.asNumber(a)), -Infinity))),
  sum: spec(1, 1, (c) => {
    const items = c.asList(c.args[0]);
    if (items.length === 0) c.fail('cannot sum an empty list');
    return c.number(items.reduce((total, item) => total + c.asNumber(item), 0));
  }),
  parseint: spec(2, 2, (c) => c.number(parseInteger(c, c.asString(c.args[0]), c.asInteger(c.args[1])))),
};

/**
 * Terraform's `parseint`: bases 2 to 62; digits 0-9, then letters (either case up to base 36;
 * above it lower case come before upper case); an optional sign.
 */
function parseInteger(call: Call, text: string, base: number): number {
  if (base < 2 || base > 62) call.fail('the base must be between 2 and 62');
  const negative = text.startsWith('-');
  const digits = text.replace(/^[-+]/, '');
  if (digits === '') call.fail(`cannot parse "${text}" as a base ${base} integer`);
  if (digits.length > MAX_PARSEINT_DIGITS) call.tooLarge('a number beyond the range of 64-bit floating point');
  let value = 0n;
  for (const ch of digits) {
    const digit = digitValue(ch, base);
    if (digit === undefined || digit >= base) call.fail(`cannot parse "${text}" as a base ${base} integer`);
    value = value * BigInt(base) + BigInt(digit);
  }
  return Number(negative ? -value : value);
}

function digitValue(ch: string, base: number): number | undefined {
  const code = ch.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code >= 0x61 && code <= 0x7a;
  const upper = code >= 0x41 && code <= 0x5a;
  if (!lower && !upper) return undefined;
  const letter = (code | 0x20) - 0x61;
  return base <= 36 || lower ? 10 + letter : 36 + letter;
}
