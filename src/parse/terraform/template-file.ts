import type { MapValue, Range, Value } from '../../model';
import type { Evaluator } from './evaluator';
import { parseTemplate } from './hcl';
import type { Scope } from './scope';
import { failure } from './values';

/**
 * `templatefile(path, vars)`: the file's text as a template that sees only `vars`. Its text has
 * no place in the scanned files' line tables, so every value it makes is placed at `at`.
 */
export function renderTemplateText(ev: Evaluator, text: string, vars: MapValue, at: Range): Value {
  const parsed = parseTemplate(text);
  if (parsed.errors.length) return failure(`the template does not parse: ${parsed.errors[0].message}`, at);
  const scope: Scope = { names: vars.entries, rangeOf: () => at };
  return ev.evaluate(parsed.template, scope);
}
