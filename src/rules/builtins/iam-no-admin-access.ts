import type { MapValue, Range, Value } from '../../model';
import { joinIndex, joinKey } from '../eval/path-syntax';
import { allOf, fail, pass, unknown, type Outcome } from '../eval/outcome';
import { originLocations, propertyRange } from '../eval/ranges';
import { policyValue } from './json-policy';
import type { Builtin } from './types';

/**
 * iam.noAdminAccess: the policy document must not grant every action on every resource.
 *
 * Input: the policy document at `path` (e.g. `PolicyDocument`, `Policies[*].PolicyDocument`,
 * Terraform `policy`), as a map or as a JSON string literal.
 * Args: none.
 *
 * Fails for each statement (`Statement` may be one object or a list) with `Effect: Allow`, an
 * `Action` that is or contains `*` or `*:*`, and a `Resource` that is or contains `*`, at that
 * `Action`. `NotAction` and `NotResource` do not make a statement admin by this rule. Unknown
 * when an Effect, Action or Resource is unknown and the statement could otherwise be admin.
 */
export const noAdminAccess: Builtin = ({ value, resource, path }) => {
  if (value === undefined) return pass(resource, resource.range, path);
  const doc = policyValue(value);
  if (doc.kind === 'unknown') return unknown(`${path} is unknown: ${doc.why}`);
  const statements = doc.kind === 'map' ? doc.entries.get('Statement') : undefined;
  const proof = pass(resource, doc.range, path);
  if (doc.kind !== 'map' || statements === undefined) return proof;
  const base = joinKey(path, 'Statement');
  if (statements.kind === 'unknown') return unknown(`${base} is unknown: ${statements.why}`);
  const list = statements.kind === 'list' ? statements.items.map((s, i) => [s, joinIndex(base, i)] as const) : [[statements, base] as const];

  const outcomes = list.map(([statement, at]): Outcome => {
    if (statement.kind === 'unknown') return unknown(`${at} is unknown: ${statement.why}`);
    if (statement.kind !== 'map') return proof;
    const effect = isAllow(statement.entries.get('Effect'));
    const action = findWildcard(statement, 'Action', ['*', '*:*']);
    const target = findWildcard(statement, 'Resource', ['*']);
    if (effect === false || action === false || target === false) return proof;
    if (effect === undefined || action === undefined || target === undefined) {
      return unknown(`${at} may allow every action on every resource; its Effect, Action or Resource is unknown`);
    }
    return fail({
      resource,
      at: action,
      path: joinKey(at, 'Action'),
      message: `${at} allows every action (*) on every resource (*); expected only the actions and resources the principal needs`,
      related: originLocations(doc),
    });
  });
  return allOf(outcomes, proof);
};

function isAllow(effect: Value | undefined): boolean | undefined {
  if (effect === undefined) return false;
  if (effect.kind === 'unknown') return undefined;
  return effect.kind === 'literal' && effect.value === 'Allow';
}

/**
 * The range of the wildcard in `statement[key]` (a string or a list of strings): the item in a
 * list, the whole property for a single string. false when there is none, undefined when an
 * unknown might be one.
 */
function findWildcard(statement: MapValue, key: string, wildcards: string[]): Range | false | undefined {
  const value = statement.entries.get(key);
  if (value === undefined) return false;
  const isWild = (v: Value) => v.kind === 'literal' && typeof v.value === 'string' && wildcards.includes(v.value.trim());
  if (value.kind === 'unknown') return undefined;
  if (value.kind === 'literal') return isWild(value) ? propertyRange(value, statement.keyRanges.get(key)) : false;
  if (value.kind !== 'list') return false;
  let unsure = false;
  for (const item of value.items) {
    if (isWild(item)) return item.range;
    if (item.kind === 'unknown') unsure = true;
  }
  return unsure ? undefined : false;
}
