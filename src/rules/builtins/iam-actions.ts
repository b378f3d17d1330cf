import type { MapValue, Range, Value } from '../../model';
import { propertyRange } from '../eval/ranges';

/**
 * Reading the Action-like parts of an IAM statement (`Action`, `NotAction`, `Resource`): a
 * string or a list of strings, some of which may be patterns.
 */

/**
 * The place of the first string in `statement[key]` (a string or a list of strings) that
 * satisfies `test` (given the trimmed text): the item in a list, the whole property for a single
 * string. false when there is none (or the key is absent), undefined when an unknown might be one.
 */
export function findString(statement: MapValue, key: string, test: (text: string) => boolean): Range | false | undefined {
  const value = statement.entries.get(key);
  if (value === undefined) return false;
  const matches = (v: Value) => v.kind === 'literal' && typeof v.value === 'string' && test(v.value.trim());
  if (value.kind === 'unknown') return undefined;
  if (value.kind === 'literal') return matches(value) ? propertyRange(value, statement.keyRanges.get(key)) : false;
  if (value.kind !== 'list') return false;
  let unsure = false;
  for (const item of value.items) {
    if (matches(item)) return item.range;
    if (item.kind === 'unknown') unsure = true;
  }
  return unsure ? undefined : false;
}

/**
 * Does an IAM action pattern (`iam:PassRole`, `iam:Pass*`, `iam:*`, `*`, `*:*`) cover `action`?
 * IAM compares action names without regard to case; in a pattern `*` stands for any run of
 * characters and `?` for any one character.
 */
export function actionPatternCovers(pattern: string, action: string): boolean {
  let source = '';
  for (const c of pattern) {
    if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i').test(action);
}
