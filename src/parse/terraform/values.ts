import { unknownOf, type LiteralValue, type ListValue, type MapValue, type Range, type UnknownValue, type Value } from '../../model';
import { causeOf, containsFailure, derive, markFailed, setCause } from './marks';

/** Places a value came from are kept up to this many. */
const MAX_ORIGINS = 4;

export function literal(value: LiteralValue['value'], range: Range): LiteralValue {
  return { kind: 'literal', value, range };
}

export function list(items: Value[], range: Range): ListValue {
  return { kind: 'list', items, range };
}

export function emptyMap(range: Range): MapValue {
  return { kind: 'map', entries: new Map(), keyRanges: new Map(), range };
}

/** A map built key by key, each key with the place it is written. */
export class MapBuilder {
  readonly entries = new Map<string, Value>();
  readonly keyRanges = new Map<string, Range>();

  set(key: string, value: Value, keyRange: Range): void {
    this.entries.set(key, value);
    this.keyRanges.set(key, keyRange);
  }

  build(range: Range): MapValue {
    return { kind: 'map', entries: this.entries, keyRanges: this.keyRanges, range };
  }
}

/**
 * An unknown computed from other values: it carries their resource references and secrecy, and
 * it is an evaluation error when one of them is (so `try` still sees the error through it). Its
 * reason names what is unknown at the root: `count cannot be known before deployment, because
 * variable "n" has no value`.
 */
export function unknownFrom(what: string, range: Range, parts: readonly Value[] = []): UnknownValue {
  const inner = firstUnknown(parts);
  const cause = inner && causeOf(inner);
  const result = unknownOf(cause === undefined || what === inner?.why || what === cause ? what : `${what}, because ${cause}`, range, parts);
  if (cause !== undefined) setCause(result, cause);
  return parts.some((part) => containsFailure(part)) ? markFailed(result) : result;
}

export function firstUnknown(parts: readonly Value[], depth = 0): UnknownValue | undefined {
  for (const part of parts) {
    if (part.kind === 'unknown') return part;
    if (depth > 16) continue;
    const inner = part.kind === 'list' ? firstUnknown(part.items, depth + 1) : part.kind === 'map' ? firstUnknown([...part.entries.values()], depth + 1) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

/** What Terraform reports as an error. Rules see an unknown; `try` and `can` see the error. */
export function failure(why: string, range: Range): UnknownValue {
  return markFailed({ kind: 'unknown', why, range });
}

/**
 * A value shown at the place it is used (`var.x` in a resource), remembering the places it came
 * from, nearest first: where it was written or computed (a variable's default, a tfvars line, a
 * module argument, a local) and where that value came from in turn.
 */
export function usedAt(value: Value, at: Range): Value {
  const origin: Range[] = [];
  for (const place of [value.range, ...(value.origin ?? [])]) {
    if (origin.length < MAX_ORIGINS && !sameRange(place, at) && !origin.some((r) => sameRange(r, place))) origin.push(place);
  }
  const moved = { ...value, range: at } as Value;
  if (origin.length) moved.origin = origin;
  else delete moved.origin;
  return derive(value, moved);
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.file === b.file &&
    a.start.line === b.start.line &&
    a.start.column === b.start.column &&
    a.end.line === b.end.line &&
    a.end.column === b.end.column
  );
}

/** Every place the parts came from, for a value computed from them. */
export function originsOf(parts: readonly Value[]): Range[] {
  const origins: Range[] = [];
  for (const part of parts) if (part.origin) origins.push(...part.origin);
  return origins.slice(0, MAX_ORIGINS);
}

/** A value computed from known parts, keeping where the parts came from. */
export function computed(value: LiteralValue['value'], range: Range, parts: readonly Value[]): LiteralValue {
  const result = literal(value, range);
  const origin = originsOf(parts);
  if (origin.length) result.origin = origin;
  return result;
}

/** The text a known primitive converts to, as Terraform converts it for a string; undefined otherwise. */
export function textOf(value: Value): string | undefined {
  if (value.kind !== 'literal' || value.value === null) return undefined;
  return typeof value.value === 'number' ? numberText(value.value) : String(value.value);
}

/** Numbers print without an exponent for the integers Terraform configurations hold. */
function numberText(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
}

/** A number, or a string that converts to one. */
export function numberOf(value: Value): number | undefined {
  if (value.kind !== 'literal') return undefined;
  if (typeof value.value === 'number') return value.value;
  if (typeof value.value === 'string' && value.value.trim() !== '') {
    const n = Number(value.value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** A bool, or the strings "true" and "false", which Terraform converts to one. */
export function boolOf(value: Value): boolean | undefined {
  if (value.kind !== 'literal') return undefined;
  if (typeof value.value === 'boolean') return value.value;
  if (value.value === 'true') return true;
  if (value.value === 'false') return false;
  return undefined;
}

/**
 * Equality as Terraform's `==`: same type and same value, collections item by item; ranges do
 * not count. Undefined when an unknown decides it.
 */
export function valuesEqual(a: Value, b: Value, depth = 0): boolean | undefined {
  if (a.kind === 'unknown' || b.kind === 'unknown' || depth > 64) return undefined;
  if (a.kind === 'literal' || b.kind === 'literal') {
    return a.kind === 'literal' && b.kind === 'literal' && a.value === b.value;
  }
  if (a.kind === 'list' && b.kind === 'list') {
    if (a.items.length !== b.items.length) return false;
    return allEqual(a.items.map((item, i) => [item, b.items[i]] as const), depth);
  }
  if (a.kind === 'map' && b.kind === 'map') {
    if (a.entries.size !== b.entries.size) return false;
    const pairs: (readonly [Value, Value])[] = [];
    for (const [key, item] of a.entries) {
      const other = b.entries.get(key);
      if (other === undefined) return false;
      pairs.push([item, other]);
    }
    return allEqual(pairs, depth);
  }
  return false;
}

function allEqual(pairs: (readonly [Value, Value])[], depth: number): boolean | undefined {
  let unknown = false;
  for (const [x, y] of pairs) {
    const same = valuesEqual(x, y, depth + 1);
    if (same === false) return false;
    if (same === undefined) unknown = true;
  }
  return unknown ? undefined : true;
}

/** How messages name a value's kind. */
export function kindName(value: Value): string {
  if (value.kind !== 'literal') return value.kind === 'map' ? 'object' : value.kind;
  return value.value === null ? 'null' : typeof value.value;
}
