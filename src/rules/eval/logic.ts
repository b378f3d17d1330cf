import type { Condition } from '../../model';
import { evaluate } from './condition';
import type { Env } from './env';
import { allOf, bestPass, fail, pass, type Outcome } from './outcome';
import type { Scope } from './paths';

/** `all`: every part; failures of all failing parts. */
export function evaluateAll(condition: Condition, scope: Scope, env: Env): Outcome {
  const parts = (condition.all as Condition[]).map((c) => evaluate(c, scope, env));
  return allOf(parts, pass(scope.resource, scope.fallback, scope.basePath));
}

/** `any`: the first part that passes; when none does and none is unknown, the failures of the first part. */
export function evaluateAny(condition: Condition, scope: Scope, env: Env): Outcome {
  const parts = (condition.any as Condition[]).map((c) => evaluate(c, scope, env));
  return bestPass(parts) ?? parts[0];
}

/** `not`: swaps pass and fail. The failure sits where the inner condition found its proof. */
export function evaluateNot(condition: Condition, scope: Scope, env: Env): Outcome {
  const inner = evaluate(condition.not as Condition, scope, env);
  if (inner.kind === 'unknown') return inner;
  if (inner.kind === 'pass') {
    const found = inner.found ?? `${inner.path || inner.resource.address} satisfies the condition under "not"`;
    const expected = inner.contrary ? `; expected ${inner.contrary}` : '';
    return fail({
      resource: inner.resource,
      at: inner.at,
      path: inner.path,
      message: `${found}${expected}`,
      related: [],
      fromDefault: inner.defaults[0],
    });
  }
  // The inner failures are the proof; when every one of them came from a provider default, so does this pass.
  const first = inner.failures[0];
  const fromDefaults = inner.failures.map((f) => f.fromDefault);
  const defaults = fromDefaults.every((d) => d !== undefined) ? fromDefaults.filter((d) => d !== undefined) : [];
  return pass(first.resource, first.at, first.path, { found: first.message, defaults });
}
