import type { LiteralValue, Range, UnknownValue, Value } from '../../../model';
import { encodedAs, encodedText, type Structure } from './encoded';
import { MAX_ORIGINS } from './limits';

export { unknownOf } from '../../../model';

/** Terraform's kinds of value as functions check them. An encoded structure is a string, as in Terraform. */
export type Kind = 'string' | 'number' | 'bool' | 'null' | 'list' | 'map' | 'unknown';

export function kindOf(value: Value): Kind {
  switch (value.kind) {
    case 'unknown':
      return 'unknown';
    case 'list':
    case 'map':
      return encodedAs(value) ? 'string' : value.kind;
    case 'literal':
      if (value.value === null) return 'null';
      return typeof value.value === 'string' ? 'string' : typeof value.value === 'number' ? 'number' : 'bool';
  }
}

export function isNull(value: Value): boolean {
  return value.kind === 'literal' && value.value === null;
}

/** The first Unknown inside a value (itself included), depth first. */
export function firstUnknown(value: Value): UnknownValue | undefined {
  if (value.kind === 'unknown') return value;
  if (value.kind === 'list') {
    for (const item of value.items) {
      const found = firstUnknown(item);
      if (found) return found;
    }
  } else if (value.kind === 'map') {
    for (const item of value.entries.values()) {
      const found = firstUnknown(item);
      if (found) return found;
    }
  }
  return undefined;
}

function within(inner: Range, outer: Range): boolean {
  return inner.file === outer.file && !before(inner.start, outer.start) && !before(outer.end, inner.end);
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

/**
 * The places a value made at `at` from `parts` came from: their own origins, or where a part
 * was written when that is outside the call (a variable's default, a local). Parts written
 * inside the call are already shown by `at`.
 */
export function sourcesOf(parts: readonly Value[], at: Range): Range[] {
  const sources: Range[] = [];
  const seen = new Set<string>();
  const add = (range: Range) => {
    const id = `${range.file}:${range.start.line}:${range.start.column}:${range.end.line}:${range.end.column}`;
    if (sources.length < MAX_ORIGINS && !seen.has(id)) {
      seen.add(id);
      sources.push(range);
    }
  };
  for (const part of parts) {
    if (part.origin) part.origin.forEach(add);
    else if (!within(part.range, at)) add(part.range);
  }
  return sources;
}

/** The same value shown at `at` (a call's range), remembering where it came from. Marks are kept. */
export function rehomed<T extends Value>(value: T, at: Range): T {
  const origin = sourcesOf([value], at);
  const moved: T = { ...value, range: at };
  if (origin.length) moved.origin = origin;
  else delete moved.origin;
  return moved;
}

/** A literal made at `at` from `parts`. */
export function literalAt(value: LiteralValue['value'], at: Range, parts: readonly Value[]): LiteralValue {
  const origin = sourcesOf(parts, at);
  return origin.length ? { kind: 'literal', value, range: at, origin } : { kind: 'literal', value, range: at };
}

/**
 * Terraform's `==` on two values: values of different kinds are never equal (Terraform does not
 * convert for it). Undefined when an unknown decides the answer; a difference found among the
 * known parts decides it first.
 */
export function equalValues(a: Value, b: Value): boolean | undefined {
  const kind = kindOf(a);
  const other = kindOf(b);
  if (kind === 'unknown' || other === 'unknown') return undefined;
  if (kind !== other) return false;
  if (kind === 'string') return equalTexts(a, b);
  if (a.kind === 'literal' && b.kind === 'literal') return a.value === b.value;
  if (a.kind === 'list' && b.kind === 'list') {
    if (a.items.length !== b.items.length) return false;
    return allEqual(a.items.map((item, i) => [item, b.items[i]]));
  }
  if (a.kind === 'map' && b.kind === 'map') {
    if (a.entries.size !== b.entries.size) return false;
    for (const key of a.entries.keys()) if (!b.entries.has(key)) return false;
    return allEqual([...a.entries].map(([key, item]) => [item, b.entries.get(key) as Value]));
  }
  return false;
}

function allEqual(pairs: [Value, Value][]): boolean | undefined {
  let unsure = false;
  for (const [x, y] of pairs) {
    const same = equalValues(x, y);
    if (same === false) return false;
    if (same === undefined) unsure = true;
  }
  return unsure ? undefined : true;
}

function equalTexts(a: Value, b: Value): boolean | undefined {
  const x = stringIfKnown(a);
  const y = stringIfKnown(b);
  return x === undefined || y === undefined ? undefined : x === y;
}

/** A string value's text, also of an encoded structure; undefined when not known. */
function stringIfKnown(value: Value): string | undefined {
  if (value.kind === 'literal') return String(value.value);
  if (value.kind === 'unknown') return undefined;
  const text = encodedText(value as Structure);
  return 'text' in text ? text.text : undefined;
}
