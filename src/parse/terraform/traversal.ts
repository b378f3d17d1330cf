import type { Range, Value } from '../../model';
import { getAttr, index, movedUnknown } from './access';
import type { Evaluator } from './evaluator';
import type { Expression, GetAttrExpr, IndexExpr, VariableExpr } from './hcl/ast';
import { reveal } from './marks';
import type { Scope } from './scope';
import { failure, usedAt } from './values';

type Step = { kind: 'attr'; name: string; end: number } | { kind: 'index'; key: Expression; end: number };

/**
 * `var.x`, `local.a.b[0]`, `aws_s3_bucket.b.arn`, `module.m.out`, `each.value`: a root name and
 * steps. The root name decides how many steps name a thing (`data.aws_x.y` takes two); the rest
 * are read from the value. The result is placed at the whole expression, remembering where it came from.
 */
export function evaluateTraversal(ev: Evaluator, expr: VariableExpr | GetAttrExpr | IndexExpr, scope: Scope, at: Range): Value {
  const { base, steps } = flatten(expr);
  const upTo = (end: number): Range => scope.rangeOf({ start: base.start, end });
  let value: Value;
  let used = 0;
  if (base.type === 'Variable') ({ value, used } = resolveRoot(ev, base, steps, scope, upTo));
  else value = ev.evaluate(base, scope);
  for (let i = used; i < steps.length; i++) {
    const step = steps[i];
    const here = upTo(step.end);
    value = step.kind === 'attr' ? getAttr(value, step.name, here) : index(value, reveal(ev.evaluate(step.key, scope)), here);
  }
  return value.kind === 'unknown' ? movedUnknown(value, at) : usedAt(value, at);
}

function flatten(expr: Expression): { base: Expression; steps: Step[] } {
  const steps: Step[] = [];
  let current = expr;
  while (current.type === 'GetAttr' || current.type === 'Index') {
    if (current.type === 'GetAttr') {
      steps.push({ kind: 'attr', name: current.name, end: current.end });
      current = current.object;
    } else {
      steps.push({ kind: 'index', key: current.key, end: current.end });
      current = current.collection;
    }
  }
  return { base: current, steps: steps.reverse() };
}

/** The thing a root name and its first steps name, and how many steps that took. */
function resolveRoot(ev: Evaluator, root: VariableExpr, steps: Step[], scope: Scope, upTo: (end: number) => Range): { value: Value; used: number } {
  const bound = scope.names.get(root.name);
  if (bound) return { value: bound, used: 0 };
  const here = upTo(root.end);
  const module = scope.module;
  const nameAt = (i: number): string | undefined => (steps[i]?.kind === 'attr' ? (steps[i] as { name: string }).name : undefined);
  const through = (n: number): Range => upTo(steps[n - 1].end);
  const undeclared = (what: string, n: number): { value: Value; used: number } => {
    const range = n ? through(n) : here;
    ev.env.notices.warn('unknown-reference', `${what} is not declared where it is used; Terraform would stop here. Fix the name; the value is treated as unknown.`, range);
    return { value: failure(`${what} is not declared`, range), used: n };
  };
  if (!module) return undeclared(`"${root.name}"`, 0);

  const first = nameAt(0);
  switch (root.name) {
    case 'var':
      return first === undefined ? undeclared('var', 0) : { value: module.variable(first, through(1)), used: 1 };
    case 'local':
      return first === undefined ? undeclared('local', 0) : { value: module.local(first, through(1)), used: 1 };
    case 'module':
      return first === undefined ? undeclared('module', 0) : { value: module.module(first, through(1)), used: 1 };
    case 'data': {
      const name = nameAt(1);
      if (first === undefined || name === undefined) return undeclared('data', 0);
      const value = module.resource('data', first, name, through(2));
      return value ? { value, used: 2 } : undeclared(`data.${first}.${name}`, 2);
    }
    case 'self':
      return { value: { kind: 'unknown', why: 'self is known only while a provisioner runs', range: here }, used: 0 };
    case 'ephemeral':
      // Ephemeral resources exist only while Terraform runs; the scanner does not declare them.
      return { value: { kind: 'unknown', why: 'an ephemeral value exists only while Terraform runs', range: here }, used: 0 };
    default: {
      if (first === undefined || !module.declaresType(root.name)) return undeclared(`"${root.name}"`, 0);
      const value = module.resource('managed', root.name, first, through(1));
      return value ? { value, used: 1 } : undeclared(`${root.name}.${first}`, 1);
    }
  }
}
