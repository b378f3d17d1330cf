import type { ListValue, LiteralValue, MapValue, Range, UnknownValue, Value } from '../../../model';
import type { Workspace } from '../../workspace';
import { encodedAs, encodedText, type Structure } from './encoded';
import { MAX_ITEMS, MAX_STRING_LENGTH } from './limits';
import { decimalText } from './text';
import { kindOf, literalAt, sourcesOf, unknownOf, type Kind } from './values';

export interface FunctionContext {
  /** Where the call is written: the range of every value the call makes. */
  range: Range;
  /** Absolute folder of the module whose code makes the call (path.module). */
  moduleDir: string;
  /** Reads a file inside the scan root only (a Workspace from src/parse/workspace.ts). */
  workspace: Workspace;
  /** Renders a template text with variables (provided by the evaluator; used by templatefile). */
  renderTemplate(text: string, vars: MapValue, file: Range): Value;
}

/** One function: how many arguments it takes (`max` Infinity for a variadic last parameter), and its body. */
export interface FunctionSpec {
  min: number;
  max: number;
  run(call: Call): Value;
}

export type FunctionTable = Readonly<Record<string, FunctionSpec>>;

export function spec(min: number, max: number, run: (call: Call) => Value): FunctionSpec {
  return { min, max, run };
}

/**
 * The mark on an Unknown that stands for an error Terraform would report (`tonumber("no")`, a
 * missing file). The evaluator needs it for `try` and `can`; everything else treats it as an
 * Unknown, so an error never becomes a finding. An enumerable symbol property, like the
 * encoding mark: spreads keep it.
 */
const CALL_ERROR = Symbol('iac-scan.terraform.call-error');

/** Whether a value stands for an error Terraform would report when evaluating the call. */
export function isCallError(value: Value): boolean {
  return value.kind === 'unknown' && (value as UnknownValue & { [CALL_ERROR]?: true })[CALL_ERROR] === true;
}

/** Ends a call early with its result (an Unknown, or an error). Never leaves `Call.run`. */
class Decided {
  constructor(readonly value: Value) {}
}

type Known = Exclude<Value, UnknownValue>;

const DEPENDS_ON = ' depends on a value that is not known: ';

const KIND_NAMES: Record<Kind, string> = {
  string: 'a string',
  number: 'a number',
  bool: 'a bool',
  null: 'null',
  list: 'a list',
  map: 'a map',
  unknown: 'an unknown value',
};

/**
 * One call of a function: its arguments, readers that convert them as Terraform does, and
 * builders for the result. A reader that meets an Unknown ends the call with an Unknown that
 * carries every argument's references and secrecy; `fail` ends it with an error.
 */
export class Call {
  constructor(
    readonly name: string,
    readonly args: readonly Value[],
    readonly ctx: FunctionContext,
  ) {}

  get range(): Range {
    return this.ctx.range;
  }

  run(fn: FunctionSpec): Value {
    // An argument that is already an error makes the call one, as in Terraform.
    const error = this.args.find(isCallError);
    if (error) return error;
    if (this.args.length < fn.min || this.args.length > fn.max) {
      const expected = fn.max === Infinity ? `at least ${fn.min}` : fn.min === fn.max ? `${fn.min}` : `${fn.min} to ${fn.max}`;
      return this.decide(() => this.fail(`takes ${expected} argument${fn.max === 1 ? '' : 's'}, not ${this.args.length}`));
    }
    return this.decide(() => fn.run(this));
  }

  private decide(body: () => Value): Value {
    try {
      return body();
    } catch (e) {
      if (e instanceof Decided) return e.value;
      throw e;
    }
  }

  // --- ending the call -------------------------------------------------------------------

  /** The result is not known before apply, for the reason given; `secret` when it is a secret whatever the arguments. */
  unknown(why: string, secret = false): never {
    const value = unknownOf(why, this.range, this.args);
    throw new Decided(secret ? { ...value, secret } : value);
  }

  /**
   * The result depends on `cause`, which is unknown (or an error, which then is the result). The
   * reason given is the first one, not the chain of calls it passed through.
   */
  unknownBecause(cause: UnknownValue): never {
    if (isCallError(cause)) throw new Decided(cause);
    const chained = cause.why.lastIndexOf(DEPENDS_ON);
    this.unknown(`${this.name}()${DEPENDS_ON}${chained === -1 ? cause.why : cause.why.slice(chained + DEPENDS_ON.length)}`);
  }

  /** Terraform reports an error for this call. */
  fail(message: string): never {
    const error = unknownOf(`${this.name}() fails in Terraform: ${message}`, this.range, this.args);
    throw new Decided(Object.assign(error, { [CALL_ERROR]: true }));
  }

  /** The result would pass one of iac-scan's limits (see limits.ts). */
  tooLarge(what: string): never {
    this.unknown(`${this.name}() would make ${what}; iac-scan does not build values that large`);
  }

  // --- reading arguments -----------------------------------------------------------------

  known(value: Value): Known {
    if (value.kind === 'unknown') this.unknownBecause(value);
    return value;
  }

  /** A string, converting numbers and bools as Terraform does; an encoded structure gives its text. */
  asString(value: Value): string {
    const v = this.known(value);
    if (v.kind === 'literal') {
      if (typeof v.value === 'string') return v.value;
      if (typeof v.value === 'number') return decimalText(v.value);
      if (typeof v.value === 'boolean') return String(v.value);
    } else if (encodedAs(v)) {
      const text = encodedText(v);
      if ('unknown' in text) this.unknownBecause(text.unknown);
      if ('tooLong' in text) this.tooLarge('a string longer than 1 MiB');
      return text.text;
    }
    this.wrongKind(v, 'a string');
  }

  /** A number; a string holding a decimal number converts, as in Terraform. Always finite. */
  asNumber(value: Value): number {
    const v = this.known(value);
    let n: number | undefined;
    if (v.kind === 'literal' && typeof v.value === 'number') n = v.value;
    else if (v.kind === 'literal' && typeof v.value === 'string') {
      n = parseDecimal(v.value);
      if (n === undefined) this.fail(`cannot convert "${v.value}" to a number: it must be a decimal number`);
    } else this.wrongKind(v, 'a number');
    if (!Number.isFinite(n)) this.unknown(`${this.name}() reads a number beyond the range of 64-bit floating point`);
    return n;
  }

  asInteger(value: Value): number {
    const n = this.asNumber(value);
    if (!Number.isInteger(n)) this.fail(`${decimalText(n)} is not a whole number`);
    return n;
  }

  /** A bool; the strings "true" and "false" convert, as in Terraform. */
  asBool(value: Value): boolean {
    const v = this.known(value);
    if (v.kind === 'literal' && typeof v.value === 'boolean') return v.value;
    if (v.kind === 'literal' && (v.value === 'true' || v.value === 'false')) return v.value === 'true';
    if (v.kind === 'literal' && typeof v.value === 'string') this.fail(`cannot convert "${v.value}" to a bool: only "true" and "false" are`);
    this.wrongKind(v, 'a bool');
  }

  /** The items of a list, set or tuple (the items themselves may be unknown). */
  asList(value: Value): readonly Value[] {
    const v = this.known(value);
    if (v.kind === 'list' && !encodedAs(v)) return v.items;
    this.wrongKind(v, 'a list');
  }

  /** A map or object (its values may be unknown). */
  asMap(value: Value): MapValue {
    const v = this.known(value);
    if (v.kind === 'map' && !encodedAs(v)) return v;
    this.wrongKind(v, 'a map');
  }

  private wrongKind(value: Known, expected: string): never {
    this.fail(`${KIND_NAMES[kindOf(value)]} cannot be used where ${expected} is required`);
  }

  // --- building the result ---------------------------------------------------------------

  /** Stops with an Unknown when a string of `length` code units would pass the limit. */
  checkLength(length: number): void {
    if (length > MAX_STRING_LENGTH) this.tooLarge('a string longer than 1 MiB');
  }

  /** Stops with an Unknown when a collection of `count` items would pass the limit. */
  checkCount(count: number): void {
    if (count > MAX_ITEMS) this.tooLarge(`a collection of more than ${MAX_ITEMS} items`);
  }

  string(text: string): LiteralValue {
    this.checkLength(text.length);
    return literalAt(text, this.range, this.args);
  }

  number(n: number): LiteralValue {
    if (!Number.isFinite(n)) this.tooLarge('a number beyond the range of 64-bit floating point');
    return literalAt(Object.is(n, -0) ? 0 : n, this.range, this.args);
  }

  bool(b: boolean): LiteralValue {
    return literalAt(b, this.range, this.args);
  }

  nil(): LiteralValue {
    return literalAt(null, this.range, this.args);
  }

  list(items: Value[]): ListValue {
    this.checkCount(items.length);
    return withOrigin({ kind: 'list', items, range: this.range }, sourcesOf(this.args, this.range));
  }

  /** A map; `keyRanges` defaults to the call's range for every key. */
  map(entries: Map<string, Value>, keyRanges?: Map<string, Range>): MapValue {
    this.checkCount(entries.size);
    const ranges = keyRanges ?? new Map([...entries.keys()].map((key) => [key, this.range]));
    return withOrigin({ kind: 'map', entries, keyRanges: ranges, range: this.range }, sourcesOf(this.args, this.range));
  }
}

function withOrigin<T extends Structure>(value: T, origin: Range[]): T {
  if (origin.length) value.origin = origin;
  return value;
}

const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** A decimal number as Terraform accepts it in a string (no hex, no spaces, no Infinity). */
function parseDecimal(text: string): number | undefined {
  return DECIMAL.test(text) ? Number(text) : undefined;
}
