import { fail, pass, unknown } from '../eval/outcome';
import { originLocations } from '../eval/ranges';
import { conditionRequires, everyonePrincipal, hasAction, hasEffect, statementsOf } from './resource-policy';
import type { Builtin } from './types';

/**
 * iam.deniesInsecureTransport: an S3 bucket policy must deny requests that do not use TLS.
 *
 * Input: the policy document at `path` (`PolicyDocument`, Terraform `policy`), as a map or a
 * JSON string.
 * Args: none.
 *
 * Passes when a statement has `Effect: Deny`, every principal (`Principal: "*"` or `"*"` among
 * its `AWS` principals), an `Action` that is or contains `s3:*` or `*`, and a `Condition` of
 * `Bool` (or `BoolIfExists`) with `aws:SecureTransport` false: at that condition. The statement's
 * `Resource` is not judged: it names the bucket the policy is attached to, usually through
 * references that are known only at deployment. Fails at the document's property otherwise
 * (including a document without statements); unknown when no statement qualifies and one could,
 * but for an unknown value. Like every built-in, an absent document passes: a rule that needs a
 * policy asks for it to exist (`exists: true`, or `related` to the policy resource).
 */
export const deniesInsecureTransport: Builtin = (input) => {
  const found = statementsOf(input);
  if (!('statements' in found)) return found;
  const { resource, path } = input;
  let unsure: string | undefined;
  for (const { value: statement, path: at } of found.statements) {
    if (statement.kind === 'unknown') {
      unsure ??= `${at} is unknown: ${statement.why}`;
      continue;
    }
    if (statement.kind !== 'map') continue;
    const everyone = everyonePrincipal(statement);
    const tests = [hasEffect(statement, 'Deny'), everyone === undefined ? undefined : everyone !== false, hasAction(statement, ['s3:*', '*'])];
    const condition = conditionRequires(statement, ['Bool', 'BoolIfExists'], 'aws:SecureTransport', 'false');
    if (tests.every((t) => t === true) && condition) return pass(resource, condition.at, `${at}.Condition`);
    if (!tests.includes(false) && condition !== false) unsure ??= `${at} may deny requests without TLS, but part of it is unknown`;
  }
  if (unsure) return unknown(unsure);
  return fail({
    resource,
    at: found.at,
    path,
    message: `${path} has no statement that denies every principal all S3 actions (s3:*) when aws:SecureTransport is false; requests over plain HTTP are accepted`,
    related: originLocations(found.doc),
  });
};
