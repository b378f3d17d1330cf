import type { Condition } from '../../model';
import { evaluate } from './condition';
import type { Env } from './env';
import { allOf, pass, unknown, type Outcome } from './outcome';
import { resolve, type Scope } from './paths';

/**
 * `each: PATH` with `assert` (and optional `where`): `assert` for every item PATH matches, with
 * paths relative to the item. No items: pass. An unknown list: unknown.
 */
export function evaluateEach(condition: Condition, scope: Scope, env: Env): Outcome {
  const outcomes: Outcome[] = [];
  for (const hit of resolve(scope, condition.each as string)) {
    if (hit.kind === 'absent') continue;
    if (hit.kind === 'unknown') {
      outcomes.push(unknown(`${hit.path} is unknown: ${hit.value.why}`));
      continue;
    }
    const item: Scope = { resource: scope.resource, base: hit.value, basePath: hit.path, fallback: hit.at };
    if (condition.where && evaluate(condition.where as Condition, item, env).kind !== 'pass') continue;
    outcomes.push(evaluate(condition.assert as Condition, item, env));
  }
  return allOf(outcomes, pass(scope.resource, scope.fallback, scope.basePath));
}
