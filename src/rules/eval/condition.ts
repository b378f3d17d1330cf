import type { Condition } from '../../model';
import { evaluateAbsent } from './absent';
import { evaluateBuiltin } from './builtin';
import { evaluateEach } from './each';
import type { Env } from './env';
import { evaluateAll, evaluateAny, evaluateNot } from './logic';
import { withMessage, type Outcome } from './outcome';
import type { Scope } from './paths';
import { evaluateProperty } from './property';
import { evaluateRelated } from './related';
import { evaluateTarget } from './target';

/**
 * The kind of a condition is the key it has. `builtin` comes before `path` because a built-in
 * may take a `path` too; the order matches the schema's dispatch.
 */
const KINDS: [string, (c: Condition, scope: Scope, env: Env) => Outcome][] = [
  ['builtin', evaluateBuiltin],
  ['path', evaluateProperty],
  ['absent', evaluateAbsent],
  ['all', evaluateAll],
  ['any', evaluateAny],
  ['not', evaluateNot],
  ['each', evaluateEach],
  ['related', evaluateRelated],
  ['target', evaluateTarget],
];

export function evaluate(condition: Condition, scope: Scope, env: Env): Outcome {
  for (const [key, run] of KINDS) {
    if (key in condition) return withMessage(run(condition, scope, env), condition.message);
  }
  throw new Error(`a condition without a kind: ${JSON.stringify(condition)}`);
}
