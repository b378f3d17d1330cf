import type { Condition, LiteralValue } from '../../model';
import { describeScalar, describeValue, type Scalar } from './comparison';
import { operatorOf, type Operator } from './operators';
import { allOf, fail, pass, unknown, type Outcome } from './outcome';
import { resolve, type Hit, type Scope } from './paths';
import { originLocations } from './ranges';

/**
 * `{ path, <operator>, default?, message? }`. Every value the path matches must pass; each that
 * fails is a failure of its own. An absent path takes `default` when given (a pass then relies on
 * the provider default), else only `exists: false` passes.
 */
export function evaluateProperty(condition: Condition, scope: Scope): Outcome {
  const operator = operatorOf(condition);
  const outcomes = resolve(scope, condition.path as string).map((hit) => test(hit, operator, condition, scope));
  return allOf(outcomes, pass(scope.resource, scope.fallback, scope.basePath));
}

function test(hit: Hit, operator: Operator, condition: Condition, scope: Scope): Outcome {
  const { resource } = scope;
  if (hit.kind === 'absent') {
    if ('default' in condition) return testDefault(hit, operator, condition.default as Scalar, scope);
    const found = `${hit.path} is not set`;
    if (operator.name === 'exists' && condition.exists === false) return pass(resource, hit.at, hit.path, { found, contrary: operator.contrary });
    const message = operator.name === 'exists' ? found : `${found}; expected ${operator.expectation}`;
    return fail({ resource, at: hit.at, path: hit.path, message, related: [] });
  }
  const verdict = operator.test(hit.value);
  if (verdict === undefined) {
    return unknown(hit.kind === 'unknown' ? `${hit.path} is unknown: ${hit.value.why}` : `${hit.path} contains an unknown value`);
  }
  const found = `${hit.path} is ${describeValue(hit.value)}`;
  if (verdict) return pass(resource, hit.at, hit.path, { found, contrary: operator.contrary });
  return fail({ resource, at: hit.at, path: hit.path, message: `${found}; expected ${operator.expectation}`, related: originLocations(hit.value) });
}

/** The path is absent and the rule names the provider's default: test that instead. */
function testDefault(hit: Hit & { kind: 'absent' }, operator: Operator, value: Scalar, scope: Scope): Outcome {
  const { resource } = scope;
  const shown = describeScalar(value);
  const use = { resource, at: hit.at, path: hit.path, message: `${hit.path} is not set explicitly (provider default: ${shown})` };
  const literal: LiteralValue = { kind: 'literal', value, range: hit.at };
  const found = `${hit.path} is not set (provider default: ${shown})`;
  if (operator.test(literal)) return pass(resource, hit.at, hit.path, { found, contrary: operator.contrary, defaults: [use] });
  return fail({ resource, at: hit.at, path: hit.path, message: `${found}; expected ${operator.expectation}`, related: [], fromDefault: use });
}
