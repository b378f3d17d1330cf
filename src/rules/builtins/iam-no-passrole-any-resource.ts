import type { Range } from '../../model';
import { joinKey } from '../eval/path-syntax';
import { allOf, fail, pass, unknown, type Outcome } from '../eval/outcome';
import { originLocations } from '../eval/ranges';
import { actionPatternCovers, findString } from './iam-actions';
import { hasEffect, statementsOf } from './resource-policy';
import type { Builtin } from './types';

const PASS_ROLE = 'iam:PassRole';

/**
 * iam.noPassRoleOnAnyResource: the policy document must not let its holder pass any role.
 *
 * Input: the policy document at `path` (e.g. `PolicyDocument`, `Policies[*].PolicyDocument`,
 * Terraform `policy`), as a map or as a JSON string literal.
 * Args: none.
 *
 * Fails for each statement with `Effect: Allow` and a `Resource` that is or contains `*` that
 * grants `iam:PassRole`: an `Action` pattern that covers it (`iam:PassRole`, `iam:Pass*`,
 * `iam:*`, `*`, `*:*`; IAM action names compare without regard to case), at that action; or a
 * `NotAction` none of whose patterns covers it (the statement allows every other action), at
 * `NotAction`. A `Condition` does not exempt the statement: `iam:PassedToService` limits the
 * service a role is passed to, not which role. A `Resource` naming roles by ARN, even with a
 * wildcard path, is not judged here. Unknown when an Effect, an action or a Resource is unknown
 * and the statement could otherwise grant it.
 */
export const noPassRoleOnAnyResource: Builtin = (input) => {
  const found = statementsOf(input);
  if (!('statements' in found)) return found;
  const { resource } = input;
  const proof = pass(resource, found.doc.range, input.path);
  const covers = (pattern: string) => actionPatternCovers(pattern, PASS_ROLE);
  const outcomes = found.statements.map(({ value: statement, path: at }): Outcome => {
    if (statement.kind === 'unknown') return unknown(`${at} is unknown: ${statement.why}`);
    if (statement.kind !== 'map') return proof;
    const effect = hasEffect(statement, 'Allow');
    const target = findString(statement, 'Resource', (r) => r === '*');

    let grant: { at: Range; key: string; what: string } | false | undefined;
    if (statement.entries.has('Action')) {
      const action = findString(statement, 'Action', covers);
      grant = action === undefined || action === false ? action : { at: action, key: 'Action', what: 'iam:PassRole' };
    } else if (statement.entries.has('NotAction')) {
      // Every action but those listed: PassRole is granted unless a NotAction pattern covers it.
      const excluded = findString(statement, 'NotAction', covers);
      const notAction = statement.entries.get('NotAction');
      const keyRange = statement.keyRanges.get('NotAction') ?? notAction?.range;
      if (excluded === undefined) grant = undefined;
      else grant = excluded === false && keyRange ? { at: keyRange, key: 'NotAction', what: 'every action but those in NotAction, iam:PassRole included,' } : false;
    } else grant = false;

    if (effect === false || target === false || grant === false) return proof;
    if (effect === undefined || target === undefined || grant === undefined) {
      return unknown(`${at} may allow iam:PassRole on every resource; its Effect, Action or Resource is unknown`);
    }
    return fail({
      resource,
      at: grant.at,
      path: joinKey(at, grant.key),
      message: `${at} allows ${grant.what} on every resource (*), so its holder can hand any role, an administrator's included, to a service it controls; expected Resource to name the roles it may pass`,
      related: originLocations(found.doc),
    });
  });
  return allOf(outcomes, proof);
};
