import type { LiteralValue, Range, Value } from '../../../model';
import { spec, type FunctionTable } from './call';
import { compareCodePoints } from './text';
import { isNull } from './values';

/**
 * Functions over maps and objects. Values taken from a map are returned as they are, keeping
 * their ranges; a key becomes a string at the place the key is written.
 */
export const mapFunctions: FunctionTable = {
  keys: spec(1, 1, (c) => {
    const map = c.asMap(c.args[0]);
    return c.list(sortedKeys(map.entries).map((key) => keyString(key, map.keyRanges.get(key) ?? c.range)));
  }),
  values: spec(1, 1, (c) => {
    const map = c.asMap(c.args[0]);
    return c.list(sortedKeys(map.entries).map((key) => map.entries.get(key) as Value));
  }),
  lookup: spec(2, 3, (c) => {
    const map = c.asMap(c.args[0]);
    const key = c.asString(c.args[1]);
    const found = map.entries.get(key);
    if (found !== undefined) return found;
    if (c.args.length === 3) return c.args[2];
    return c.fail(`the map has no key "${key}" and no default was given`);
  }),
  merge: spec(0, Infinity, (c) => {
    const entries = new Map<string, Value>();
    const keyRanges = new Map<string, Range>();
    for (const arg of c.args) {
      // Terraform skips null arguments.
      if (isNull(c.known(arg))) continue;
      const map = c.asMap(arg);
      for (const [key, value] of map.entries) {
        entries.set(key, value);
        keyRanges.set(key, map.keyRanges.get(key) ?? map.range);
      }
      c.checkCount(entries.size);
    }
    return c.map(entries, keyRanges);
  }),
  zipmap: spec(2, 2, (c) => {
    const keys = c.asList(c.args[0]);
    const values = c.asList(c.args[1]);
    if (keys.length !== values.length) c.fail('the keys and values lists must have the same length');
    const entries = new Map<string, Value>();
    const keyRanges = new Map<string, Range>();
    keys.forEach((key, i) => {
      const name = c.asString(key);
      entries.set(name, values[i]);
      keyRanges.set(name, key.range);
    });
    return c.map(entries, keyRanges);
  }),
  transpose: spec(1, 1, (c) => {
    const map = c.asMap(c.args[0]);
    const columns = new Map<string, Value[]>();
    for (const key of sortedKeys(map.entries)) {
      const keyValue = keyString(key, map.keyRanges.get(key) ?? c.range);
      for (const item of c.asList(map.entries.get(key) as Value)) {
        const name = c.asString(item);
        const column = columns.get(name) ?? [];
        column.push(keyValue);
        columns.set(name, column);
      }
    }
    const names = [...columns.keys()].sort(compareCodePoints);
    return c.map(new Map(names.map((name) => [name, c.list(columns.get(name) as Value[])])));
  }),
};

/** A key as a string value, where the key is written. */
function keyString(key: string, range: Range): LiteralValue {
  return { kind: 'literal', value: key, range };
}

/** Terraform iterates maps and objects in key order. */
function sortedKeys(entries: Map<string, Value>): string[] {
  return [...entries.keys()].sort(compareCodePoints);
}
