import type { Range, Value } from '../../model';
import type { Evaluator } from './evaluator';
import type { SplatExpr } from './hcl/ast';
import { handleOf, isFailure, reveal } from './marks';
import type { Scope } from './scope';
import { list, unknownFrom } from './values';

/**
 * `source[*].a.b`: the traversal applied to every element of a list. A single value counts as a
 * list of one (a resource without count: `aws_x.y[*].id`), null as an empty list.
 */
export function evaluateSplat(ev: Evaluator, expr: SplatExpr, scope: Scope, at: Range): Value {
  const source = reveal(ev.evaluate(expr.source, scope));
  if (isFailure(source)) return source;
  const each = (item: Value): Value => ev.evaluate(expr.each, { ...scope, splatItem: item });
  if (source.kind === 'unknown') {
    const handle = handleOf(source);
    // A reference to one instance is one object; a reference to instances that cannot be counted is not.
    if (handle && !handle.index) return list([each(source)], at);
    return unknownFrom('a splat over a value that cannot be known before deployment', at, [source]);
  }
  if (source.kind === 'list') return list(source.items.map(each), at);
  if (source.kind === 'literal' && source.value === null) return list([], at);
  return list([each(source)], at);
}
