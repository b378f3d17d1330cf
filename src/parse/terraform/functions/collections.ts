import type { ListValue, MapValue, Value } from '../../../model';
import { spec, type Call, type FunctionTable } from './call';
import { MAX_NESTING, MAX_RANGE_ITEMS } from './limits';
import { distinctItems, identity } from './sets';
import { compareCodePoints, graphemes } from './text';
import { asStringItem, unifyItems } from './unify';
import { equalValues, isNull, kindOf } from './values';

/**
 * Functions over lists (and sets and tuples, which are lists here). Items taken from an argument
 * are returned as they are, keeping the ranges where they are written; a list's own items may be
 * Unknown without making the list Unknown (`length([a.id, b.id])` is 2).
 */
export const collectionFunctions: FunctionTable = {
  length: spec(1, 1, (c) => {
    const value = c.known(c.args[0]);
    const kind = kindOf(value);
    if (kind === 'list') return c.number((value as ListValue).items.length);
    if (kind === 'map') return c.number((value as MapValue).entries.size);
    if (kind === 'string') return c.number(graphemes(c.asString(value)).length);
    return c.fail(`${kind === 'null' ? 'null' : `a ${kind}`} has no length; length takes a string, list or map`);
  }),
  element: spec(2, 2, (c) => {
    const items = c.asList(c.args[0]);
    const index = c.asInteger(c.args[1]);
    if (index < 0) c.fail('cannot use element with a negative index');
    if (items.length === 0) c.fail('cannot use element with an empty list');
    return items[index % items.length];
  }),
  index: spec(2, 2, (c) => {
    const items = c.asList(c.args[0]);
    for (let i = 0; i < items.length; i++) {
      const same = equalValues(items[i], c.args[1]);
      if (same === undefined) c.unknown('index() cannot tell where the value is: an item or the value is not known');
      if (same) return c.number(i);
    }
    return c.fail('the item was not found in the list');
  }),
  contains: spec(2, 2, (c) => {
    let unsure = false;
    for (const item of c.asList(c.args[0])) {
      const same = equalValues(item, c.args[1]);
      if (same) return c.bool(true);
      if (same === undefined) unsure = true;
    }
    return unsure ? c.unknown('contains() cannot tell: an item or the value is not known') : c.bool(false);
  }),
  concat: spec(1, Infinity, (c) => c.list(c.args.flatMap((list) => c.asList(list)))),
  coalesce: spec(1, Infinity, (c) => {
    for (const value of unifyItems(c, c.args)) {
      const known = c.known(value);
      if (!isNull(known) && !(known.kind === 'literal' && known.value === '')) return known;
    }
    return c.fail('no argument is non-null and non-empty');
  }),
  coalescelist: spec(1, Infinity, (c) => {
    for (const list of c.args) if (c.asList(list).length > 0) return list;
    return c.fail('no argument is a non-empty list');
  }),
  compact: spec(1, 1, (c) => {
    // A list(string) parameter: numbers and bools become strings, as Terraform converts them.
    const items = c.asList(c.args[0]).filter((item) => !isNull(c.known(item)) && c.asString(item) !== '');
    return c.list(items.map((item) => asStringItem(c, item)));
  }),
  distinct: spec(1, 1, (c) => {
    return c.list(distinctItems(c, unifyItems(c, c.asList(c.args[0]))));
  }),
  flatten: spec(1, 1, (c) => {
    const out: Value[] = [];
    flattenInto(c, c.asList(c.args[0]), out, 0);
    return c.list(out);
  }),
  reverse: spec(1, 1, (c) => c.list([...c.asList(c.args[0])].reverse())),
  slice: spec(3, 3, (c) => {
    const items = c.asList(c.args[0]);
    const [start, end] = [c.asInteger(c.args[1]), c.asInteger(c.args[2])];
    if (start < 0) c.fail('the start index must not be negative');
    if (end > items.length) c.fail('the end index must not be greater than the length of the list');
    if (start > end) c.fail('the start index must not be greater than the end index');
    return c.list(items.slice(start, end));
  }),
  sort: spec(1, 1, (c) => {
    const items = c.asList(c.args[0]);
    for (const item of items) if (isNull(c.known(item))) c.fail('the list must not contain null');
    // A list(string) parameter: numbers and bools become strings, as Terraform converts them.
    const texts = items.map((item) => c.asString(item));
    const order = texts.map((_, i) => i).sort((a, b) => compareCodePoints(texts[a], texts[b]));
    return c.list(order.map((i) => asStringItem(c, items[i])));
  }),
  range: spec(1, 3, (c) => {
    const numbers = c.args.map((a) => c.asNumber(a));
    const [start, limit] = numbers.length === 1 ? [0, numbers[0]] : [numbers[0], numbers[1]];
    const step = numbers[2] ?? (limit >= start ? 1 : -1);
    if (step === 0) c.fail('the step must not be zero');
    const values: Value[] = [];
    for (let n = start; step > 0 ? n < limit : n > limit; n = start + values.length * step) {
      // Terraform's own limit, so an error as in Terraform rather than an Unknown.
      if (values.length === MAX_RANGE_ITEMS) c.fail(`more than ${MAX_RANGE_ITEMS} values were generated`);
      values.push(c.number(n));
    }
    return c.list(values);
  }),
  one: spec(1, 1, (c) => {
    const items = c.asList(c.args[0]);
    if (items.length > 1) c.fail('the list must have no more than one element');
    return items[0] ?? c.nil();
  }),
  alltrue: spec(1, 1, (c) => c.bool(!anyIs(c, false))),
  anytrue: spec(1, 1, (c) => c.bool(anyIs(c, true))),
  chunklist: spec(2, 2, (c) => {
    const items = c.asList(c.args[0]);
    const size = c.asInteger(c.args[1]);
    if (size < 0) c.fail('the chunk size must not be negative');
    if (size === 0) return c.list([c.list([...items])]);
    c.checkCount(Math.ceil(items.length / size));
    const chunks: Value[] = [];
    for (let i = 0; i < items.length; i += size) chunks.push(c.list(items.slice(i, i + size)));
    return c.list(chunks);
  }),
  matchkeys: spec(3, 3, (c) => {
    const values = c.asList(c.args[0]);
    const keys = c.asList(c.args[1]);
    if (values.length !== keys.length) c.fail('the values and keys lists must have the same length');
    const unified = unifyItems(c, [...keys, ...c.asList(c.args[2])]);
    const wanted = new Set(unified.slice(keys.length).map((item) => identity(c, item)));
    return c.list(values.filter((_, i) => wanted.has(identity(c, unified[i]))));
  }),
};

/** Whether some item of the bool list is `target`; Unknown when only an unknown item could be. */
function anyIs(call: Call, target: boolean): boolean {
  let unsure: Value | undefined;
  for (const item of call.asList(call.args[0])) {
    if (item.kind === 'unknown') unsure ??= item;
    else if (call.asBool(item) === target) return true;
  }
  if (unsure) call.known(unsure);
  return false;
}

function flattenInto(call: Call, items: readonly Value[], out: Value[], depth: number): void {
  if (depth > MAX_NESTING) call.unknown(`flatten() follows lists nested at most ${MAX_NESTING} levels deep`);
  for (const item of items) {
    // An unknown item might be a list, which would change the result's length.
    const known = call.known(item);
    if (kindOf(known) === 'list') flattenInto(call, (known as ListValue).items, out, depth + 1);
    else {
      out.push(known);
      call.checkCount(out.length);
    }
  }
}
