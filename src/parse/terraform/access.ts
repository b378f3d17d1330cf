import type { Range, UnknownValue, Value } from '../../model';
import { derive, handleOf, isFailure, reveal, setConcrete } from './marks';
import { failure, kindName, numberOf, textOf, unknownFrom } from './values';

/**
 * `value.name` and `value[key]`, the steps of a traversal. A reference (an unknown with a handle)
 * answers them itself; a view of a configured attribute answers from that attribute and stays a
 * reference; any other unknown gives an unknown that keeps its references.
 */
export function getAttr(value: Value, name: string, at: Range): Value {
  switch (value.kind) {
    case 'unknown': {
      const handle = handleOf(value);
      if (handle) return handle.attr(name, at);
      return throughView(value, (inner) => getAttr(inner, name, at), at);
    }
    case 'map': {
      const found = value.entries.get(name);
      return found ?? failure(`the object has no attribute "${name}"`, at);
    }
    case 'list':
      // The legacy index form `list.0`.
      if (/^\d+$/.test(name)) return itemAt(value.items, Number(name), at);
      return failure(`cannot read attribute "${name}" of a list; use an index or a splat ([*])`, at);
    case 'literal':
      return failure(`cannot read attribute "${name}" of a ${kindName(value)}`, at);
  }
}

export function index(value: Value, key: Value, at: Range): Value {
  if (key.kind === 'unknown' && value.kind !== 'unknown') return unknownFrom('an index that cannot be known before deployment', at, [key, value]);
  switch (value.kind) {
    case 'unknown': {
      const handle = handleOf(value);
      if (handle?.index) return handle.index(key, at);
      if (handle) return failure('this resource has no count or for_each to index', at);
      return throughView(value, (inner) => index(inner, key, at), at);
    }
    case 'list': {
      const n = numberOf(key);
      if (n === undefined || !Number.isInteger(n)) return failure(`a list index must be a whole number, not a ${kindName(key)}`, at);
      return itemAt(value.items, n, at);
    }
    case 'map': {
      const name = textOf(key);
      if (name === undefined) return failure(`a map key must be a string, not a ${kindName(key)}`, at);
      return value.entries.get(name) ?? failure(`the map has no key ${JSON.stringify(name)}`, at);
    }
    case 'literal':
      return failure(`cannot index a ${kindName(value)}`, at);
  }
}

function itemAt(items: Value[], n: number, at: Range): Value {
  return items[n] ?? failure(`index ${n} is outside the list of ${items.length}`, at);
}

/**
 * A reference to another resource's attribute that its configuration sets. It stays an unknown
 * that names the resource (the graph edge), and computations that need the value see `value`.
 */
export function referenceView(why: string, value: Value, at: Range, refs: UnknownValue['refs']): UnknownValue {
  const view = unknownFrom(why, at, [value]);
  const merged = [...(refs ?? []), ...(view.refs ?? [])];
  if (merged.length) view.refs = merged;
  return isFailure(value) ? view : setConcrete(view, () => reveal(value));
}

/** A step on a view: taken on the configured value, and the result is again a view naming the same resources. */
function throughView(view: UnknownValue, step: (inner: Value) => Value, at: Range): Value {
  const inner = reveal(view);
  if (inner === view) return unknownFrom(view.why, at, [view]);
  const result = step(inner);
  if (isFailure(result)) return result;
  return referenceView(view.why, result, at, view.refs);
}

/** The value with `at` as its range: an unknown simply moves; anything else is `derive`d by the caller's rule. */
export function movedUnknown(value: UnknownValue, at: Range): UnknownValue {
  return derive(value, { ...value, range: at });
}
