import type { Value } from '../../../model';
import type { Call } from './call';
import { kindOf } from './values';

/**
 * Terraform's type unification for the elements of one collection: strings mixed with numbers
 * or bools make those strings too; numbers with bools, or primitives with collections, are an
 * error. Unknown and null elements fit any type. Converted elements keep their ranges.
 */
export function unifyItems(call: Call, items: readonly Value[]): Value[] {
  const kinds = new Set(items.map(kindOf).filter((k) => k !== 'unknown' && k !== 'null'));
  if (kinds.size <= 1) return [...items];
  if (!kinds.has('string') || kinds.has('list') || kinds.has('map')) call.fail('all elements must have the same type');
  return items.map((item) => (item.kind === 'literal' && item.value !== null ? asStringItem(call, item) : item));
}

/** The item as a string where it is written: a number or bool converted, a string as it is. */
export function asStringItem(call: Call, item: Value): Value {
  const text = call.asString(item);
  return item.kind === 'literal' && typeof item.value !== 'string' ? { ...item, value: text } : item;
}
