import { joinKey } from '../eval/path-syntax';
import { allOf, fail, pass, unknown, type Outcome } from '../eval/outcome';
import { originLocations, propertyRange } from '../eval/ranges';
import { conditionLimitsPrincipals, everyonePrincipal, hasEffect, statementsOf } from './resource-policy';
import type { Builtin } from './types';

/**
 * iam.noPublicPrincipal: a resource policy (an S3 bucket policy) must not allow everyone.
 *
 * Input: the policy document at `path` (`PolicyDocument`, Terraform `policy`), as a map or a
 * JSON string.
 * Args: none.
 *
 * Fails for each statement with `Effect: Allow` that names every principal, `Principal: "*"` or
 * `"*"` among its `AWS` principals (at that `*`), or that uses `NotPrincipal` (allowed to all
 * but a few: at `NotPrincipal`), unless its `Condition` ties it to principals or networks
 * someone owns (see `conditionLimitsPrincipals` in iam-statements.ts: a fixed aws:SourceVpce,
 * aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID..., or aws:SourceIp CIDRs that are not
 * the whole internet), as S3 judges a policy non-public. Unknown when an Effect, a Principal or
 * a Condition is unknown and could make the difference.
 */
export const noPublicPrincipal: Builtin = (input) => {
  const found = statementsOf(input);
  if (!('statements' in found)) return found;
  const { resource } = input;
  const proof = pass(resource, found.at, input.path);
  const outcomes = found.statements.map(({ value: statement, path }): Outcome => {
    if (statement.kind === 'unknown') return unknown(`${path} is unknown: ${statement.why}`);
    if (statement.kind !== 'map') return proof;
    const allow = hasEffect(statement, 'Allow');
    const notPrincipal = statement.entries.get('NotPrincipal');
    const everyone = notPrincipal ? { at: propertyRange(notPrincipal, statement.keyRanges.get('NotPrincipal')), path: 'NotPrincipal' } : everyonePrincipal(statement);
    if (allow === false || everyone === false) return proof;
    const limited = conditionLimitsPrincipals(statement);
    if (limited === true) return proof;
    if (allow === undefined || everyone === undefined || limited === undefined) {
      return unknown(`${path} may allow everyone; its Effect, Principal or Condition is unknown`);
    }
    const who = everyone.path === 'NotPrincipal' ? 'everyone but the principals NotPrincipal names' : 'every principal (*), anonymous requests included';
    return fail({
      resource,
      at: everyone.at,
      path: joinKey(path, everyone.path),
      message: `${path} allows ${who}, with no condition that limits it to an account, organization, VPC endpoint or network; expected named principals or such a condition`,
      related: originLocations(found.doc),
    });
  });
  return allOf(outcomes, proof);
};
