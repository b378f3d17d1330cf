import type { Condition, Resource } from '../../model';
import { evaluate } from './condition';
import type { Env } from './env';
import { allOf, fail, pass, unknown, type Outcome } from './outcome';
import { resolve, resourceScope, type Scope } from './paths';

interface TargetSpec {
  path: string;
  type?: string | string[];
  assert: Condition;
}

/**
 * `target`: every resource this one references at `path` (of `type`, when given) must satisfy
 * `assert`. A value that is no reference to a resource in the scan is unknown; an absent path
 * fails like a property test.
 */
export function evaluateTarget(condition: Condition, scope: Scope, env: Env): Outcome {
  const spec = condition.target as TargetSpec;
  const types = spec.type === undefined ? undefined : typeof spec.type === 'string' ? [spec.type] : spec.type;
  const { resource } = scope;
  const outcomes: Outcome[] = [];
  for (const hit of resolve(scope, spec.path)) {
    if (hit.kind === 'absent') {
      outcomes.push(fail({ resource, at: hit.at, path: hit.path, message: `${hit.path} is not set`, related: [] }));
      continue;
    }
    if (hit.kind === 'value') {
      outcomes.push(unknown(`${hit.path} is not a reference to a resource in the scan`));
      continue;
    }
    const refs = hit.value.refs ?? [];
    if (refs.length === 0) outcomes.push(unknown(`${hit.path} is unknown: ${hit.value.why}`));
    const seen = new Set<string>();
    for (const ref of refs) {
      if (seen.has(ref.key)) continue;
      seen.add(ref.key);
      const target: Resource | undefined = env.graph.get(ref.key);
      if (!target) outcomes.push(unknown(`${hit.path} references ${ref.key}, which is not in the scan`));
      else if (!types || types.includes(target.type)) outcomes.push(evaluate(spec.assert, resourceScope(target), env));
    }
  }
  return allOf(outcomes, pass(resource, scope.fallback, scope.basePath));
}
