import type { LiteralValue, MapValue, Range } from '../../model';
import { describeScalar, describeValue, looseEquals, type Scalar } from '../eval/comparison';
import { operatorOf, type Operator } from '../eval/operators';
import { allOf, fail, pass, unknown, type Outcome } from '../eval/outcome';
import { joinIndex, joinKey } from '../eval/path-syntax';
import { resolve, resourceScope } from '../eval/paths';
import { originLocations, propertyRange } from '../eval/ranges';
import type { Builtin, BuiltinInput } from './types';

interface Args {
  key: string;
  keyField?: string;
  valueField?: string;
  default?: Scalar;
}

/**
 * attributes.entry: one entry of a key/value attribute list, tested like a property.
 *
 * CloudFormation writes many settings as a list of `{ Key, Value }` maps rather than as
 * properties (an ELBv2 load balancer's `LoadBalancerAttributes`, a classic load balancer
 * policy's `Attributes` of `{ Name, Value }`, Terraform's `policy_attribute { name, value }`
 * blocks). A property test cannot say "the entry whose Key is X", nor that such an entry is
 * missing; this built-in does.
 *
 * Input: the attribute list (a single map counts as a list of one).
 * Args:
 *   key: string          the entry's key, e.g. access_logs.s3.enabled
 *   keyField: string     (optional) the field holding the key; default Key
 *   valueField: string   (optional) the field holding the value; default Value
 *   default: scalar      (optional) the provider's default when no entry has the key
 *   one operator of a property test (equals, notEquals, in, notIn, gt, gte, lt, lte or exists),
 *   applied to the entry's value with the same loose comparisons.
 *
 * Every entry with the key must pass; a failing one fails at its value. With no such entry the
 * operator is applied to `default` (a pass then relies on the provider default, which `--strict`
 * turns into a failure), or, without a default, only `exists: false` passes; the failure sits at
 * the list's key, or at the nearest present property when the list is absent. Unknown when the
 * list, or the key of an entry that might be the one, is unknown.
 */
export const attributesEntry: Builtin = (input) => {
  const args = input.args as unknown as Args;
  const operator = operatorOf(input.args);
  const keyField = args.keyField ?? 'Key';
  const valueField = args.valueField ?? 'Value';
  const { value, path } = input;

  if (value?.kind === 'unknown') return unknown(`${path} is unknown: ${value.why}`);
  const items = value === undefined ? [] : value.kind === 'list' ? value.items : [value];
  const entries: { entry: MapValue; path: string }[] = [];
  let unsure: string | undefined;
  items.forEach((item, i) => {
    const itemPath = value?.kind === 'list' ? joinIndex(path, i) : path;
    if (item.kind === 'unknown') {
      unsure ??= `${itemPath} is unknown: ${item.why}`;
      return;
    }
    if (item.kind !== 'map') return;
    const key = item.entries.get(keyField);
    if (key === undefined) return;
    const same = looseEquals(key, args.key);
    if (same === undefined) unsure ??= `${joinKey(itemPath, keyField)} is unknown`;
    else if (same) entries.push({ entry: item, path: itemPath });
  });

  if (entries.length > 0) {
    const where = placeOf(input);
    return allOf(
      entries.map((e) => testEntry(e.entry, e.path, valueField, args, operator, input)),
      pass(input.resource, where, path),
    );
  }
  if (unsure) return unknown(unsure);
  return noEntry(args, operator, input);
};

/** The entry has the key: its value must pass the operator. */
function testEntry(entry: MapValue, entryPath: string, valueField: string, args: Args, operator: Operator, input: BuiltinInput): Outcome {
  const { resource } = input;
  const valuePath = joinKey(entryPath, valueField);
  const v = entry.entries.get(valueField);
  if (v === undefined || (v.kind === 'literal' && v.value === null)) {
    // An entry without a value says nothing: as if the key were missing, at the entry.
    const at = propertyRange(entry, undefined);
    const subject = `${valuePath} (${args.key}) is not set`;
    return absent(args, operator, input, at, subject, `${subject} explicitly`);
  }
  const verdict = operator.test(v);
  if (verdict === undefined) return unknown(v.kind === 'unknown' ? `${valuePath} is unknown: ${v.why}` : `${valuePath} contains an unknown value`);
  const at = propertyRange(v, entry.keyRanges.get(valueField));
  const found = `${args.key} is ${describeValue(v)}`;
  if (verdict) return pass(resource, at, valuePath, { found, contrary: operator.contrary });
  return fail({
    resource,
    at,
    path: valuePath,
    message: `${input.path} entry ${found}; expected ${operator.expectation}`,
    related: originLocations(v),
  });
}

/** No entry has the key: the provider default decides, or the absence itself. */
function noEntry(args: Args, operator: Operator, input: BuiltinInput): Outcome {
  const at = placeOf(input);
  return absent(args, operator, input, at, `${input.path} has no ${args.key} entry`, `${input.path} does not set ${args.key} explicitly`);
}

/** Nothing tells the value: `found` says so, `implicit` says so for `--strict`. */
function absent(args: Args, operator: Operator, input: BuiltinInput, at: Range, found: string, implicit: string): Outcome {
  const { resource, path } = input;
  if ('default' in args) {
    const shown = describeScalar(args.default as Scalar);
    const use = { resource, at, path, message: `${implicit} (provider default: ${shown})` };
    const literal: LiteralValue = { kind: 'literal', value: args.default as Scalar, range: at };
    const withDefault = `${found} (provider default: ${shown})`;
    if (operator.test(literal)) return pass(resource, at, path, { found: withDefault, contrary: operator.contrary, defaults: [use] });
    return fail({ resource, at, path, message: `${withDefault}; expected ${operator.expectation}`, related: [], fromDefault: use });
  }
  if (operator.name === 'exists' && input.args.exists === false) return pass(resource, at, path, { found, contrary: operator.contrary });
  const message = operator.name === 'exists' ? found : `${found}; expected ${operator.expectation}`;
  return fail({ resource, at, path, message, related: [] });
}

/**
 * Where a finding about the list as a whole points: its key when it is present, else the
 * nearest present property on its path (the resource's first line when none is).
 */
function placeOf(input: BuiltinInput): Range {
  const { resource, path } = input;
  if (path === '') return resource.range;
  const hit = resolve(resourceScope(resource), path).find((h) => h.path === path);
  return hit?.at ?? resource.range;
}
