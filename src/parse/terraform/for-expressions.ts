import type { Range, Value } from '../../model';
import { elementsOf } from './collections';
import type { Evaluator } from './evaluator';
import type { ForExpr } from './hcl/ast';
import { isFailure, reveal } from './marks';
import { withNames, type Scope } from './scope';
import { boolOf, failure, kindName, list, MapBuilder, textOf, unknownFrom } from './values';

/**
 * `[for k, v in coll : value if cond]` and `{for k, v in coll : key => value... if cond}`. A
 * collection, condition or key that cannot be known makes the whole result unknown: which items
 * it holds is not known either.
 */
export function evaluateFor(ev: Evaluator, expr: ForExpr, scope: Scope, at: Range): Value {
  const found = elementsOf(ev.evaluate(expr.collection, scope), at);
  if (found.kind === 'unknown') return unknownFrom('a for expression over a collection that cannot be known before deployment', at, [found.value]);
  if (found.kind === 'invalid') return failure(`a for expression ${found.why}`, scope.rangeOf(expr.collection));

  const items: Value[] = [];
  const object = new MapBuilder();
  const groups = new Map<string, Value[]>();
  const keyRange = expr.key && scope.rangeOf(expr.key);
  for (const [key, value] of found.elements) {
    const names: [string, Value][] = [[expr.valueVar, value]];
    if (expr.keyVar) names.push([expr.keyVar, key]);
    const inner = withNames(scope, names);
    if (expr.condition) {
      const condition = reveal(ev.evaluate(expr.condition, inner));
      const keep = boolOf(condition);
      if (keep === false) continue;
      if (keep === undefined) return undecided(condition, 'a for expression condition', at);
    }
    if (!expr.key || !keyRange) {
      items.push(ev.evaluate(expr.value, inner));
      continue;
    }
    const keyValue = reveal(ev.evaluate(expr.key, inner));
    const name = textOf(keyValue);
    if (name === undefined) return undecided(keyValue, 'a for expression key', at);
    const item = ev.evaluate(expr.value, inner);
    if (expr.grouping) {
      const group = groups.get(name);
      if (group) group.push(item);
      else groups.set(name, [item]);
    } else if (object.entries.has(name)) {
      return failure(`a for expression makes the key ${JSON.stringify(name)} twice; add "..." after the value to group them`, keyRange);
    } else object.set(name, item, keyRange);
  }
  if (!expr.key || !keyRange) return list(items, at);
  for (const [name, group] of groups) object.set(name, list(group, keyRange), keyRange);
  return object.build(at);
}

function undecided(value: Value, what: string, at: Range): Value {
  if (value.kind === 'unknown' && !isFailure(value)) return unknownFrom(`${what} cannot be known before deployment`, at, [value]);
  return isFailure(value) ? value : failure(`${what} must be ${what.endsWith('key') ? 'a string' : 'true or false'}, not a ${kindName(value)}`, value.range);
}
