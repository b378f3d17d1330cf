import type { UnknownValue, Value } from '../../../model';
import { Call, isCallError, spec, type FunctionTable } from './call';
import { exponentForm, fixedForm, generalForm } from './decimal';
import { jsonText, quoteJson } from './encoded';
import { MAX_STRING_LENGTH } from './limits';
import { graphemes } from './text';
import { kindOf } from './values';

/**
 * `format` and `formatlist`: printf-style verbs as Terraform documents them (%v %#v %t %b %d %o
 * %x %X %e %E %f %g %G %s %q %%), flags `+ - space 0 #`, width, precision and `[n]` argument
 * indexes. Widths count characters (grapheme clusters), as Terraform does; a width or a result
 * past the string limit gives an Unknown instead of being built.
 */
export const formatFunctions: FunctionTable = {
  format: spec(1, Infinity, (c) => c.string(formatted(c, parseSpec(c, c.asString(c.args[0])), c.args.slice(1)))),
  formatlist: spec(1, Infinity, formatList),
};

interface Verb {
  letter: string;
  plus: boolean;
  minus: boolean;
  space: boolean;
  zero: boolean;
  sharp: boolean;
  width?: number;
  precision?: number;
  /** 1-based argument chosen with `[n]`. */
  argument?: number;
}

type Piece = string | Verb;

const VERB = /%([-+ 0#]*)(\d+)?(?:\.(\d*))?(?:\[(\d+)\])?(.?)/y;
const VERB_LETTERS = 'vtbdoxXeEfgGsq';
/** The most digits of precision computed: a bound on work (configurations never ask for more). */
const MAX_PRECISION = 100;

function parseSpec(call: Call, spec: string): Piece[] {
  const pieces: Piece[] = [];
  let literal = '';
  for (let i = 0; i < spec.length; ) {
    const percent = spec.indexOf('%', i);
    if (percent === -1) {
      literal += spec.slice(i);
      break;
    }
    literal += spec.slice(i, percent);
    if (spec.startsWith('%%', percent)) {
      literal += '%';
      i = percent + 2;
      continue;
    }
    VERB.lastIndex = percent;
    const m = VERB.exec(spec) as RegExpExecArray;
    const [, flags, width, precision, argument, letter] = m;
    if (letter === '') call.fail('the format string ends in the middle of a verb');
    if (!VERB_LETTERS.includes(letter)) call.fail(`unsupported format verb %${letter}`);
    if (literal) pieces.push(literal);
    literal = '';
    const widthValue = width === undefined ? undefined : Number(width);
    const precisionValue = precision === undefined ? undefined : Number(precision || '0');
    if ((widthValue ?? 0) > MAX_STRING_LENGTH) call.tooLarge('a string longer than 1 MiB');
    if ((precisionValue ?? 0) > MAX_PRECISION) call.unknown(`${call.name}() asks for more than ${MAX_PRECISION} digits of precision`);
    pieces.push({
      letter,
      plus: flags.includes('+'),
      minus: flags.includes('-'),
      space: flags.includes(' '),
      zero: flags.includes('0'),
      sharp: flags.includes('#'),
      // Terraform treats a zero width or precision as none.
      width: widthValue || undefined,
      precision: precision === undefined ? undefined : precisionValue,
      argument: argument === undefined ? undefined : Number(argument),
    });
    i = VERB.lastIndex;
  }
  if (literal) pieces.push(literal);
  return pieces;
}

/** The spec applied to `values`; a value after the last one used is an error, as in Terraform. */
function formatted(call: Call, pieces: Piece[], values: readonly Value[]): string {
  let out = '';
  let next = 0;
  let used = 0;
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      out += piece;
    } else {
      if (piece.argument !== undefined) next = piece.argument - 1;
      if (next < 0 || next >= values.length) call.fail(`not enough arguments for %${piece.letter}`);
      out += render(call, piece, values[next]);
      used = Math.max(used, ++next);
    }
    call.checkLength(out.length);
  }
  if (used < values.length) call.fail(`too many arguments; the format string uses only ${used}`);
  return out;
}

/**
 * `formatlist`: list arguments are iterated together (they must have the same length), others
 * repeat. An item whose arguments include an unknown is an Unknown of its own.
 */
function formatList(call: Call): Value {
  const pieces = parseSpec(call, call.asString(call.args[0]));
  const values = call.args.slice(1);
  let length: number | undefined;
  for (const value of values) {
    // An unknown argument might be a list, which would decide the result's length.
    const known = call.known(value);
    if (known.kind !== 'list' || kindOf(known) !== 'list') continue;
    if (length !== undefined && known.items.length !== length) call.fail('all list arguments must have the same length');
    length = known.items.length;
  }
  const iterations = length ?? 1;
  call.checkCount(iterations);
  // Each item is a call of its own, so that an unknown in one row makes only that item Unknown.
  const formatRow = spec(0, Infinity, (c) => c.string(formatted(c, pieces, c.args)));
  const items: Value[] = [];
  for (let i = 0; i < iterations; i++) {
    const row = values.map((v) => (v.kind === 'list' && kindOf(v) === 'list' ? v.items[i] : v));
    const item = new Call(call.name, row, call.ctx).run(formatRow);
    if (isCallError(item)) call.unknownBecause(item as UnknownValue);
    items.push(item);
  }
  return call.list(items);
}

function render(call: Call, verb: Verb, value: Value): string {
  const kind = kindOf(call.known(value));
  if (kind === 'null') {
    if (verb.letter !== 'v') call.fail(`null cannot be formatted with %${verb.letter}`);
    return pad(verb, 'null');
  }
  switch (verb.letter) {
    case 'v':
      if (verb.sharp || kind === 'list' || kind === 'map') return pad(verb, json(call, value));
      if (kind === 'number') return formatNumber(verb, 'g', call.asNumber(value));
      return pad(verb, kind === 'bool' ? String(call.asBool(value)) : call.asString(value));
    case 't':
      return pad(verb, String(call.asBool(value)));
    case 's':
      return pad(verb, truncate(call.asString(value), verb.precision));
    case 'q':
      return pad(verb, quoteJson(truncate(call.asString(value), verb.precision)));
    case 'b':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
      return formatInteger(verb, call.asInteger(value));
    default:
      return formatNumber(verb, verb.letter, call.asNumber(value));
  }
}

function json(call: Call, value: Value): string {
  const text = jsonText(value);
  if ('unknown' in text) call.unknownBecause(text.unknown);
  if ('tooLong' in text) call.tooLarge('a string longer than 1 MiB');
  return text.text;
}

/** A string's precision counts characters (grapheme clusters), as its width does. */
function truncate(text: string, precision: number | undefined): string {
  return precision === undefined ? text : graphemes(text).slice(0, precision).join('');
}

const RADIX: Record<string, number> = { b: 2, d: 10, o: 8, x: 16, X: 16 };
const PREFIX: Record<string, string> = { b: '0b', o: '0', x: '0x', X: '0X' };

function formatInteger(verb: Verb, n: number): string {
  let digits = BigInt(Math.abs(n)).toString(RADIX[verb.letter]);
  if (verb.letter === 'X') digits = digits.toUpperCase();
  if (verb.precision !== undefined) digits = digits.padStart(verb.precision, '0');
  if (verb.sharp) digits = (PREFIX[verb.letter] ?? '') + digits;
  return signed(verb, n < 0, digits, verb.precision === undefined);
}

/** `%e %E %f %g %G`, as Go formats numbers (decimal.ts). */
function formatNumber(verb: Verb, letter: string, n: number): string {
  const magnitude = Math.abs(n);
  let body: string;
  if (letter === 'e' || letter === 'E') body = exponentForm(magnitude, verb.precision ?? 6);
  else if (letter === 'f') body = fixedForm(magnitude, verb.precision ?? 6);
  else body = generalForm(magnitude, verb.precision);
  if (letter === 'E' || letter === 'G') body = body.toUpperCase();
  return signed(verb, n < 0, body, true);
}

/** Sign, then zero padding (for numbers, unless left-justified) or space padding to the width. */
function signed(verb: Verb, negative: boolean, body: string, zeroPads: boolean): string {
  const sign = negative ? '-' : verb.plus ? '+' : verb.space ? ' ' : '';
  if (verb.zero && zeroPads && !verb.minus && verb.width !== undefined) {
    return sign + body.padStart(verb.width - sign.length, '0');
  }
  return pad(verb, sign + body);
}

/** Pads to the width in characters (grapheme clusters); Go pads strings with zeros too when asked to. */
function pad(verb: Verb, text: string): string {
  const width = verb.width ?? 0;
  if (width === 0) return text;
  const length = graphemes(text).length;
  if (length >= width) return text;
  const fill = (verb.zero && !verb.minus ? '0' : ' ').repeat(width - length);
  return verb.minus ? text + fill : fill + text;
}
