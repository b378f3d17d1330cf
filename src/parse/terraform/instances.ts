import type { Range, UnknownValue, Value } from '../../model';
import { compareKeys } from './collections';
import type { Evaluator } from './evaluator';
import type { Body } from './hcl/ast';
import { LIMITS } from './limits';
import { isFailure, reveal } from './marks';
import { attribute } from './module-config';
import type { Scope } from './scope';
import { literal, MapBuilder, numberOf, textOf, unknownFrom } from './values';

/** One instance of a block with count or for_each: its address suffix and the names its expressions see. */
export interface InstanceSpec {
  /** `""`, `[0]`, `["key"]`, or `[*]` for the stand-in of instances that cannot be counted. */
  suffix: string;
  /** The count index or for_each key; absent for a single instance and the stand-in. */
  key?: number | string;
  /** `count` (with `index`) or `each` (with `key` and `value`). */
  names: [string, Value][];
}

/**
 * How a resource or module block expands. `single`: no count or for_each. `unknown`: count or
 * for_each cannot be known before deployment; one stand-in instance `[*]` is checked (never none:
 * that would hide its findings), with `count.index` or `each` unknown.
 */
export type Expansion =
  | { kind: 'single'; instances: [InstanceSpec] }
  | { kind: 'count' | 'each'; instances: InstanceSpec[] }
  | { kind: 'unknown'; instances: [InstanceSpec]; why: UnknownValue; by: 'count' | 'for_each'; warned: boolean };

const SINGLE: Expansion = { kind: 'single', instances: [{ suffix: '', names: [] }] };

/** `label` names the block in notices (`aws_s3_bucket.b`, `module.m`). */
export function expand(ev: Evaluator, body: Body, scope: Scope, label: string, at: Range): Expansion {
  const count = attribute(body, 'count');
  const forEach = attribute(body, 'for_each');
  if (count && forEach) ev.env.notices.warn('count-and-for-each', `${label} has both count and for_each; Terraform would stop here. count is used.`, at);
  if (count) return byCount(ev, ev.evaluate(count.value, scope), label, at);
  if (forEach) return byForEach(ev, ev.evaluate(forEach.value, scope), label, at);
  return SINGLE;
}

function byCount(ev: Evaluator, raw: Value, label: string, at: Range): Expansion {
  const value = reveal(raw);
  if (value.kind === 'unknown') return unknownExpansion('count', value, label, at);
  const n = numberOf(value);
  if (n === undefined || !Number.isInteger(n) || n < 0) {
    ev.env.notices.warn('invalid-count', `${label}: count must be a whole number of zero or more; Terraform would stop here. It is checked as one instance of unknown count.`, value.range);
    return unknownExpansion('count', unknownFrom('count is not a whole number', value.range, [value]), label, at, true);
  }
  tooMany(ev, label, n, value.range);
  const instances: InstanceSpec[] = [];
  for (let i = 0; i < Math.min(n, LIMITS.instances); i++) {
    const count = new MapBuilder();
    count.set('index', literal(i, value.range), value.range);
    instances.push({ suffix: `[${i}]`, key: i, names: [['count', count.build(value.range)]] });
  }
  return { kind: 'count', instances };
}

function byForEach(ev: Evaluator, raw: Value, label: string, at: Range): Expansion {
  const value = reveal(raw);
  if (value.kind === 'unknown') return unknownExpansion('for_each', value, label, at);
  const elements = forEachElements(value);
  if (typeof elements === 'string') {
    ev.env.notices.warn('invalid-for-each', `${label}: for_each ${elements}; Terraform would stop here. It is checked as one instance of unknown key.`, value.range);
    return unknownExpansion('for_each', unknownFrom(`for_each ${elements}`, value.range, [value]), label, at, true);
  }
  if (elements.unknown) return unknownExpansion('for_each', elements.unknown, label, at);
  tooMany(ev, label, elements.known.length, value.range);
  const instances = elements.known.slice(0, LIMITS.instances).map(([key, keyValue, item]): InstanceSpec => {
    const each = new MapBuilder();
    each.set('key', keyValue, keyValue.range);
    each.set('value', item, item.range);
    return { suffix: `[${JSON.stringify(key)}]`, key, names: [['each', each.build(value.range)]] };
  });
  return { kind: 'each', instances };
}

function tooMany(ev: Evaluator, label: string, n: number, at: Range): void {
  if (n > LIMITS.instances) ev.env.notices.warn('instance-limit', `${label} expands to ${n} instances; only the first ${LIMITS.instances} were checked.`, at);
}

type ForEachElement = [key: string, keyValue: Value, value: Value];

/** A map's entries, or a set of strings (each key is its own value); a reason when it is neither. */
function forEachElements(value: Value): { known: ForEachElement[]; unknown?: UnknownValue } | string {
  if (value.kind === 'map') {
    const keys = [...value.entries.keys()].sort(compareKeys);
    return { known: keys.map((key) => [key, literal(key, value.keyRanges.get(key) ?? value.range), value.entries.get(key) as Value]) };
  }
  if (value.kind !== 'list') return value.kind === 'literal' && value.value === null ? 'is null' : 'must be a map or a set of strings';
  const byKey = new Map<string, Value>();
  for (const item of value.items) {
    const shown = reveal(item);
    if (shown.kind === 'unknown') return { known: [], unknown: unknownFrom('a for_each key cannot be known before deployment', value.range, [shown]) };
    const key = textOf(shown);
    if (key === undefined || isFailure(shown)) return 'must be a map or a set of strings';
    if (!byKey.has(key)) byKey.set(key, shown);
  }
  return { known: [...byKey.keys()].sort(compareKeys).map((key) => [key, byKey.get(key) as Value, byKey.get(key) as Value]) };
}

/** A note that a resource or module is checked as its stand-in `[*]` (not for data sources, which are not checked). */
export function noteUnknownExpansion(ev: Evaluator, expansion: Expansion, label: string, at: Range): void {
  if (expansion.kind !== 'unknown' || expansion.warned) return;
  const names = expansion.by === 'count' ? 'count.index is' : 'each.key and each.value are';
  ev.env.notices.note('unknown-expansion', `${expansion.why.why}; it is checked as one instance, ${label}[*], whose ${names} unknown.`, at);
}

/** `warned`: a warning already said why (an invalid count), so no note is needed. */
function unknownExpansion(by: 'count' | 'for_each', why: UnknownValue, label: string, at: Range, warned = false): Expansion {
  const unknown = unknownFrom(`${label}: ${by} cannot be known before deployment`, at, [why]);
  const names = new MapBuilder();
  if (by === 'count') names.set('index', unknown, at);
  else {
    names.set('key', unknown, at);
    names.set('value', unknown, at);
  }
  return { kind: 'unknown', instances: [{ suffix: '[*]', names: [[by === 'count' ? 'count' : 'each', names.build(at)]] }], why: unknown, by, warned };
}
