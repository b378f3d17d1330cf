import type { Condition } from '../../model';
import { BUILTINS } from '../builtins';
import type { Env } from './env';
import { allOf, pass, type Outcome } from './outcome';
import { resolve, type Scope } from './paths';

/** `builtin: NAME` with optional `path` and `args`: hands the value to the named predicate. */
export function evaluateBuiltin(condition: Condition, scope: Scope, env: Env): Outcome {
  const name = condition.builtin as string;
  const builtin = BUILTINS.get(name);
  if (!builtin) throw new Error(`unknown built-in "${name}" (the rule loader should have rejected it)`);
  const base = { resource: scope.resource, graph: env.graph, args: (condition.args ?? {}) as Record<string, unknown>, strict: env.strict };
  if (typeof condition.path !== 'string') return builtin({ ...base, value: scope.base, path: scope.basePath });
  const outcomes = resolve(scope, condition.path).map((hit) =>
    builtin({ ...base, value: hit.kind === 'absent' ? undefined : hit.value, path: hit.path }),
  );
  return allOf(outcomes, pass(scope.resource, scope.fallback, scope.basePath));
}
