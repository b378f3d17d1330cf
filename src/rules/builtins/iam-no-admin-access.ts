import { joinKey } from '../eval/path-syntax';
import { allOf, fail, pass, unknown, type Outcome } from '../eval/outcome';
import { originLocations } from '../eval/ranges';
import { findString } from './iam-actions';
import { hasEffect, statementsOf } from './resource-policy';
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
export const noAdminAccess: Builtin = (input) => {
  const found = statementsOf(input);
  if (!('statements' in found)) return found;
  const { resource } = input;
  const proof = pass(resource, found.doc.range, input.path);
  const outcomes = found.statements.map(({ value: statement, path: at }): Outcome => {
    if (statement.kind === 'unknown') return unknown(`${at} is unknown: ${statement.why}`);
    if (statement.kind !== 'map') return proof;
    const effect = hasEffect(statement, 'Allow');
    const action = findString(statement, 'Action', (a) => a === '*' || a === '*:*');
    const target = findString(statement, 'Resource', (r) => r === '*');
    if (effect === false || action === false || target === false) return proof;
    if (effect === undefined || action === undefined || target === undefined) {
      return unknown(`${at} may allow every action on every resource; its Effect, Action or Resource is unknown`);
    }
    return fail({
      resource,
      at: action,
      path: joinKey(at, 'Action'),
      message: `${at} allows every action (*) on every resource (*); expected only the actions and resources the principal needs`,
      related: originLocations(found.doc),
    });
  });
  return allOf(outcomes, proof);
};
