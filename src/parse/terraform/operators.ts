import type { Range, Value } from '../../model';
import type { Evaluator } from './evaluator';
import { applyFunction } from './calls';
import { encodedAs } from './functions';
import type { BinaryExpr, BinaryOperator, ConditionalExpr, UnaryExpr } from './hcl/ast';
import { isFailure, reveal, revealDeep } from './marks';
import type { Scope } from './scope';
import { boolOf, computed, failure, kindName, numberOf, unknownFrom, valuesEqual } from './values';

/**
 * `c ? a : b`. A condition that cannot be known gives an unknown, unless both branches are the
 * same value (then it does not matter which is taken).
 */
export function evaluateConditional(ev: Evaluator, expr: ConditionalExpr, scope: Scope, at: Range): Value {
  const condition = reveal(ev.evaluate(expr.condition, scope));
  if (isFailure(condition)) return condition;
  const truth = boolOf(condition);
  if (truth !== undefined) return ev.evaluate(truth ? expr.then : expr.else, scope);
  if (condition.kind !== 'unknown') return failure(`a condition must be true or false, not a ${kindName(condition)}`, condition.range);
  const whenTrue = ev.evaluate(expr.then, scope);
  const whenFalse = ev.evaluate(expr.else, scope);
  if (valuesEqual(revealDeep(whenTrue), revealDeep(whenFalse)) === true) return whenTrue;
  return unknownFrom('a condition that cannot be known before deployment chooses the value', at, [condition, whenTrue, whenFalse]);
}

export function evaluateUnary(ev: Evaluator, expr: UnaryExpr, scope: Scope, at: Range): Value {
  const operand = reveal(ev.evaluate(expr.operand, scope));
  if (operand.kind === 'unknown') return unknownFrom(operand.why, at, [operand]);
  if (expr.operator === '!') {
    const truth = boolOf(operand);
    return truth === undefined ? failure(`"!" needs true or false, not a ${kindName(operand)}`, at) : computed(!truth, at, [operand]);
  }
  const n = numberOf(operand);
  return n === undefined ? failure(`"-" needs a number, not a ${kindName(operand)}`, at) : computed(-n, at, [operand]);
}

export function evaluateBinary(ev: Evaluator, expr: BinaryExpr, scope: Scope, at: Range): Value {
  const left = reveal(ev.evaluate(expr.left, scope));
  const right = reveal(ev.evaluate(expr.right, scope));
  const parts = [left, right];
  const failed = parts.find(isFailure);
  if (failed) return failed;
  switch (expr.operator) {
    case '&&':
    case '||':
      return logical(expr.operator, left, right, at);
    case '==':
    case '!=': {
      const same = valuesEqual(comparable(ev, left), comparable(ev, right));
      if (same === undefined) return unknownFrom(`a comparison with a value that cannot be known before deployment`, at, parts);
      return computed(expr.operator === '==' ? same : !same, at, parts);
    }
    default:
      return arithmetic(expr.operator, left, right, at);
  }
}

/** What `==` compares: a `jsonencode` result is its JSON text, as in Terraform. */
function comparable(ev: Evaluator, value: Value): Value {
  const shown = revealDeep(value);
  return (shown.kind === 'map' || shown.kind === 'list') && encodedAs(shown) ? applyFunction(ev, 'tostring', [shown], shown.range) : shown;
}

/** `false && x` is false and `true || x` is true whatever x is. */
function logical(operator: '&&' | '||', left: Value, right: Value, at: Range): Value {
  const a = boolOf(left);
  const b = boolOf(right);
  const decisive = operator === '||';
  if (a === decisive || b === decisive) return computed(decisive, at, [a === decisive ? left : right]);
  if (a !== undefined && b !== undefined) return computed(!decisive, at, [left, right]);
  const bad = [left, right].find((v) => v.kind !== 'unknown' && boolOf(v) === undefined);
  if (bad) return failure(`"${operator}" needs true or false, not a ${kindName(bad)}`, at);
  return unknownFrom(`a condition that cannot be known before deployment`, at, [left, right]);
}

function arithmetic(operator: Exclude<BinaryOperator, '&&' | '||' | '==' | '!='>, left: Value, right: Value, at: Range): Value {
  if (left.kind === 'unknown' || right.kind === 'unknown') return unknownFrom(`arithmetic on a value that cannot be known before deployment`, at, [left, right]);
  const a = numberOf(left);
  const b = numberOf(right);
  if (a === undefined || b === undefined) return failure(`"${operator}" needs numbers, not a ${kindName(a === undefined ? left : right)}`, at);
  const result = compute(operator, a, b);
  return result === undefined ? failure(`"${operator}" by zero`, at) : computed(result, at, [left, right]);
}

function compute(operator: Exclude<BinaryOperator, '&&' | '||' | '==' | '!='>, a: number, b: number): number | boolean | undefined {
  switch (operator) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? undefined : a / b;
    case '%':
      return b === 0 ? undefined : a % b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}
