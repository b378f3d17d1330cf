import type { Value } from '../../../model';
import { spec, type Call, type FunctionTable } from './call';
import { unifyItems } from './unify';
import { compareCodePoints } from './text';
import { firstUnknown, kindOf } from './values';

/**
 * Sets are lists here (the model has no set kind). A set built by these functions has no
 * duplicates and Terraform's order: strings by code point, numbers ascending, false before true;
 * other elements keep their first-seen order.
 */
export const setFunctions: FunctionTable = {
  setunion: spec(1, Infinity, (c) => c.list(setOf(c, unifyItems(c, c.args.flatMap((a) => c.asList(a)))))),
  setintersection: spec(1, Infinity, (c) => {
    const [first, ...others] = setsOf(c);
    return c.list(first.filter((item) => others.every((set) => set.has(identity(c, item)))));
  }),
  setsubtract: spec(2, 2, (c) => {
    const [first, second] = setsOf(c);
    return c.list(first.filter((item) => !second.has(identity(c, item))));
  }),
  setproduct: spec(2, Infinity, (c) => {
    const lists = c.args.map((a) => unifyItems(c, c.asList(a)));
    c.checkCount(lists.reduce((count, list) => count * list.length, 1));
    let rows: Value[][] = [[]];
    for (const list of lists) rows = rows.flatMap((row) => list.map((item) => [...row, item]));
    return c.list(rows.map((row) => c.list(row)));
  }),
};

/** The arguments as sets: the first as its elements, the others as identity sets, all unified together. */
function setsOf(call: Call): [Value[], ...Set<string>[]] {
  const lists = call.args.map((a) => call.asList(a));
  const unified = unifyItems(call, lists.flat());
  let at = 0;
  const sets = lists.map((list) => setOf(call, unified.slice(at, (at += list.length))));
  return [sets[0], ...sets.slice(1).map((set) => new Set(set.map((item) => identity(call, item))))];
}

/** Elements of a set, deduplicated and ordered. */
export function setOf(call: Call, items: readonly Value[]): Value[] {
  const unique = distinctItems(call, items);
  const kinds = new Set(unique.map(kindOf));
  if (kinds.size !== 1) return unique;
  if (kinds.has('string')) {
    const texts = new Map(unique.map((item) => [item, call.asString(item)]));
    return unique.sort((a, b) => compareCodePoints(texts.get(a) as string, texts.get(b) as string));
  }
  if (kinds.has('number') || kinds.has('bool')) return unique.sort((a, b) => Number(scalar(a)) - Number(scalar(b)));
  return unique;
}

/** The items without repeats, first kept. An unknown item might equal another: the result is Unknown. */
export function distinctItems(call: Call, items: readonly Value[]): Value[] {
  for (const item of items) {
    const unknown = firstUnknown(item);
    if (unknown) call.unknownBecause(unknown);
  }
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = identity(call, item);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function scalar(value: Value): unknown {
  return value.kind === 'literal' ? value.value : undefined;
}

/** A key equal for equal known values (Terraform's equality: no conversion between kinds). */
export function identity(call: Call, value: Value): string {
  if (value.kind === 'unknown') call.unknownBecause(value);
  const kind = kindOf(value);
  switch (kind) {
    case 'string':
      return JSON.stringify(['s', call.asString(value)]);
    case 'list':
      return JSON.stringify(['l', ...call.asList(value).map((item) => identity(call, item))]);
    case 'map': {
      const entries = [...call.asMap(value).entries].sort(([a], [b]) => compareCodePoints(a, b));
      return JSON.stringify(['m', ...entries.map(([key, item]) => [key, identity(call, item)])]);
    }
    default:
      return JSON.stringify([kind, scalar(value)]);
  }
}
