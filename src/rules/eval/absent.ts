import type { Condition } from '../../model';
import { describeValue } from './comparison';
import { allOf, fail, pass, unknown, type Outcome } from './outcome';
import { resolve, type Scope } from './paths';
import { originLocations } from './ranges';

/**
 * `absent: PATH` passes when nothing is written there, relying on the provider default (so
 * `--strict` fails it), and fails at the property when something is.
 */
export function evaluateAbsent(condition: Condition, scope: Scope): Outcome {
  const { resource } = scope;
  const outcomes = resolve(scope, condition.absent as string).map((hit): Outcome => {
    if (hit.kind === 'absent') {
      const use = { resource, at: hit.at, path: hit.path, message: `${hit.path} is not set explicitly (the provider default applies)` };
      return pass(resource, hit.at, hit.path, { found: `${hit.path} is not set`, contrary: 'it to be set', defaults: [use] });
    }
    if (hit.kind === 'unknown') return unknown(`${hit.path} is unknown: ${hit.value.why}`);
    return fail({
      resource,
      at: hit.at,
      path: hit.path,
      message: `${hit.path} is set to ${describeValue(hit.value)}; expected it to be left unset (the provider default)`,
      related: originLocations(hit.value),
    });
  });
  return allOf(outcomes, pass(resource, scope.fallback, scope.basePath));
}
