import type { Range, UnknownValue, Value } from '../../model';
import { isCallError } from './functions';

/**
 * What the evaluator knows about a value beyond the model's fields. Kept beside the values (by
 * identity, weakly) so that resources handed to rules stay plain data and hold no evaluator state.
 * A copy of a value (a variable used somewhere else) must keep its marks: make copies with `derive`.
 */

/** What a reference value stands for: a resource instance or a module instance, read by attribute. */
export interface Handle {
  attr(name: string, at: Range): Value;
  /** `x[key]` on the reference itself (a resource whose instances cannot be counted). */
  index?(key: Value, at: Range): Value;
}

/** Evaluation errors (a missing attribute, a bad index, a type mismatch): unknown to rules, but `try` and `can` tell them apart. */
const failures = new WeakSet<Value>();
/** The value to compute with where this one stands in: a reference's configured value, a module's outputs. */
const concretes = new WeakMap<Value, () => Value>();
const handles = new WeakMap<Value, Handle>();
/** The first reason an unknown built from others is unknown (`variable "x" has no value`), for messages. */
const causes = new WeakMap<Value, string>();

/** Why a value is unknown at the root: for an unknown made from others, the reason of the first of them. */
export function causeOf(value: UnknownValue): string {
  return causes.get(value) ?? value.why;
}

export function setCause<T extends Value>(value: T, cause: string): T {
  causes.set(value, cause);
  return value;
}

export function markFailed<T extends Value>(value: T): T {
  failures.add(value);
  return value;
}

/** An evaluation error, or an error a function reported. */
export function isFailure(value: Value): boolean {
  return failures.has(value) || isCallError(value);
}

/** An error anywhere in the value: `try` moves on to its next argument. */
export function containsFailure(value: Value, depth = 0): boolean {
  if (isFailure(value)) return true;
  if (depth > 64) return false;
  if (value.kind === 'list') return value.items.some((item) => containsFailure(item, depth + 1));
  if (value.kind === 'map') {
    for (const item of value.entries.values()) if (containsFailure(item, depth + 1)) return true;
  }
  return false;
}

export function setConcrete<T extends Value>(value: T, compute: () => Value): T {
  let memo: Value | undefined;
  concretes.set(value, () => (memo ??= compute()));
  return value;
}

export function setHandle(value: UnknownValue, handle: Handle): UnknownValue {
  handles.set(value, handle);
  return value;
}

export function handleOf(value: Value): Handle | undefined {
  return handles.get(value);
}

/** The value to compute with: a reference to a configured attribute gives that attribute. */
export function reveal(value: Value): Value {
  let current = value;
  // A chain of views is short (a view of a view of a local); the bound only guards against loops.
  for (let i = 0; i < 32; i++) {
    const next = concretes.get(current);
    if (!next) return current;
    current = next();
  }
  return current;
}

/** `reveal` at every depth, for function arguments: copies only the parts that change. */
export function revealDeep(value: Value, depth = 0): Value {
  const top = reveal(value);
  if (depth > 64) return top;
  if (top.kind === 'list') {
    const items = top.items.map((item) => revealDeep(item, depth + 1));
    return items.some((item, i) => item !== top.items[i]) ? derive(top, { ...top, items }) : top;
  }
  if (top.kind === 'map') {
    let changed = false;
    const entries = new Map<string, Value>();
    for (const [key, item] of top.entries) {
      const shown = revealDeep(item, depth + 1);
      changed ||= shown !== item;
      entries.set(key, shown);
    }
    return changed ? derive(top, { ...top, entries }) : top;
  }
  return top;
}

/** A copy of `from` (another range, another origin) that keeps its marks. */
export function derive<T extends Value>(from: Value, to: T): T {
  if (failures.has(from)) failures.add(to);
  const concrete = concretes.get(from);
  if (concrete) concretes.set(to, concrete);
  const handle = handles.get(from);
  if (handle) handles.set(to, handle);
  const cause = causes.get(from);
  if (cause !== undefined) causes.set(to, cause);
  return to;
}
