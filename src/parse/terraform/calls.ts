import type { Range, Value } from '../../model';
import type { Evaluator } from './evaluator';
import { callFunction, FUNCTION_NAMES, type FunctionContext } from './functions';
import type { FunctionCallExpr } from './hcl/ast';
import { causeOf, containsFailure, isFailure, reveal, revealDeep, setCause } from './marks';
import type { Scope } from './scope';
import { renderTemplateText } from './template-file';
import { failure, firstUnknown, kindName, unknownFrom } from './values';

/**
 * A function call. `try` and `can` are evaluated here because they look at how their arguments
 * evaluate (an error or not), not at values; every other function is the functions module's.
 */
export function evaluateCall(ev: Evaluator, expr: FunctionCallExpr, scope: Scope, at: Range): Value {
  if (expr.name === 'try') return evaluateTry(ev, expr, scope, at);
  if (expr.name === 'can') return evaluateCan(ev, expr, scope, at);
  if (expr.name.includes('::')) return notEvaluated(ev, expr.name, 'provider functions run inside the provider', at);
  if (!FUNCTION_NAMES.has(expr.name)) return notEvaluated(ev, expr.name, 'it is not a Terraform function the scanner knows', at);

  const args = expr.args.map((arg) => ev.evaluate(arg, scope));
  if (expr.expandFinal && args.length) {
    const last = reveal(args.pop() as Value);
    if (last.kind === 'unknown') return unknownFrom(`${expr.name}() of arguments that cannot be known before deployment`, at, [...args, last]);
    if (last.kind !== 'list') return failure(`"..." expands a list, not a ${kindName(last)}`, last.range);
    args.push(...last.items);
  }
  const failed = args.find((arg) => containsFailure(arg));
  if (failed) return unknownFrom(`${expr.name}() of an argument that could not be evaluated`, at, [failed]);
  return applyFunction(ev, expr.name, args.map((arg) => revealDeep(arg)), at);
}

/** A function of the functions module, by name; an error is a failure, as Terraform would stop. */
export function applyFunction(ev: Evaluator, name: string, args: Value[], at: Range): Value {
  const context: FunctionContext = {
    range: at,
    // path.module is relative to the root module's folder, as in Terraform, so relative paths are read from there.
    moduleDir: ev.env.rootDir,
    workspace: ev.env.workspace,
    renderTemplate: (text, vars, file) => renderTemplateText(ev, text, vars, file),
  };
  const result = callFunction(name, args, context) ?? failure(`${name}() could not be evaluated with these arguments`, at);
  // A function's unknown says which function; messages want what was unknown to begin with.
  const inner = result.kind === 'unknown' ? firstUnknown(args) : undefined;
  return inner ? setCause(result, causeOf(inner)) : result;
}

/** The first argument that evaluates without an error; unknown when that cannot be told yet. */
function evaluateTry(ev: Evaluator, expr: FunctionCallExpr, scope: Scope, at: Range): Value {
  for (const arg of expr.args) {
    const value = ev.evaluate(arg, scope);
    if (!containsFailure(value)) return value;
  }
  return failure('no argument of try() could be evaluated without an error', at);
}

/** Whether the argument evaluates without an error. */
function evaluateCan(ev: Evaluator, expr: FunctionCallExpr, scope: Scope, at: Range): Value {
  const arg = expr.args[0];
  if (!arg) return failure('can() needs one argument', at);
  const value = ev.evaluate(arg, scope);
  if (containsFailure(value)) return { kind: 'literal', value: false, range: at };
  if (value.kind === 'unknown' && !isFailure(value)) return unknownFrom(value.why, at, [value]);
  return { kind: 'literal', value: true, range: at };
}

function notEvaluated(ev: Evaluator, name: string, why: string, at: Range): Value {
  ev.env.notices.note('function-not-evaluated', `${name}() is not evaluated (${why}); values computed with it are treated as unknown.`);
  return { kind: 'unknown', why: `${name}() is not evaluated by the scanner`, range: at };
}
