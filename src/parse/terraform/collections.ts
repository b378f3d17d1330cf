import type { Range, UnknownValue, Value } from '../../model';
import { reveal } from './marks';
import { kindName, literal } from './values';

/** One element of a collection being iterated: the index or key, and the value. */
type Element = readonly [key: Value, value: Value];

export type Elements =
  | { kind: 'known'; elements: Element[] }
  | { kind: 'unknown'; value: UnknownValue }
  | { kind: 'invalid'; why: string };

/**
 * The elements a for-expression, a template `for`, a dynamic block or `for_each` iterates: a
 * list by index, a map by key in lexical order (as Terraform iterates maps and objects).
 */
export function elementsOf(collection: Value, at: Range): Elements {
  const shown = reveal(collection);
  switch (shown.kind) {
    case 'unknown':
      return { kind: 'unknown', value: shown };
    case 'list':
      return { kind: 'known', elements: shown.items.map((item, i) => [literal(i, item.range), item] as const) };
    case 'map': {
      const keys = [...shown.entries.keys()].sort(compareKeys);
      return {
        kind: 'known',
        elements: keys.map((key) => [literal(key, shown.keyRanges.get(key) ?? at), shown.entries.get(key) as Value] as const),
      };
    }
    case 'literal':
      return { kind: 'invalid', why: `cannot iterate over a ${kindName(shown)}` };
  }
}

/** Lexical order by UTF-16 code units, as Terraform sorts map keys. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
