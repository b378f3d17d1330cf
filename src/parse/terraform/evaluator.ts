import type { Range, Value } from '../../model';
import type { Workspace } from '../workspace';
import { evaluateCall } from './calls';
import { evaluateFor } from './for-expressions';
import type { Expression, ObjectExpr } from './hcl/ast';
import type { Budget } from './limits';
import type { NoticeSink } from './notices';
import { evaluateBinary, evaluateConditional, evaluateUnary } from './operators';
import type { Scope } from './scope';
import { evaluateSplat } from './splat';
import { evaluateTemplate } from './templates';
import { evaluateTraversal } from './traversal';
import { failure, list, MapBuilder, textOf, unknownFrom } from './values';
import { reveal } from './marks';

/** What evaluation needs from the scan around it. */
export interface EvalEnv {
  budget: Budget;
  notices: NoticeSink;
  workspace: Workspace;
  /** Absolute folder of the root module: Terraform reads relative paths (`file("x")`) from there. */
  rootDir: string;
}

/**
 * Evaluations nested at once, across lazy boundaries (a local whose value needs another local):
 * deep enough for any real configuration, shallow enough for the JavaScript stack.
 */
const MAX_NESTING = 300;

/**
 * Evaluates HCL expressions to Values, as Terraform would at plan time: what is known is computed,
 * what is not becomes an Unknown that keeps the resources it depends on. Nothing in the scanned
 * text is executed; functions are the project's own implementations.
 */
export class Evaluator {
  private nesting = 0;

  constructor(readonly env: EvalEnv) {}

  evaluate(expr: Expression, scope: Scope): Value {
    const at = scope.rangeOf(expr);
    if (!this.env.budget.step(at)) return unknownFrom('the scanner stopped evaluating this root module (evaluation limit)', at);
    if (this.nesting >= MAX_NESTING) return failure('expressions nested too deeply for the scanner', at);
    this.nesting++;
    try {
      return this.dispatch(expr, scope, at);
    } finally {
      this.nesting--;
    }
  }

  private dispatch(expr: Expression, scope: Scope, at: Range): Value {
    switch (expr.type) {
      case 'Literal':
        return { kind: 'literal', value: expr.value, range: at };
      case 'Template':
        return evaluateTemplate(this, expr, scope, at);
      case 'Variable':
      case 'GetAttr':
      case 'Index':
        return evaluateTraversal(this, expr, scope, at);
      case 'Tuple':
        return list(expr.items.map((item) => this.evaluate(item, scope)), at);
      case 'Object':
        return this.object(expr, scope, at);
      case 'FunctionCall':
        return evaluateCall(this, expr, scope, at);
      case 'Splat':
        return evaluateSplat(this, expr, scope, at);
      case 'SplatItem':
        return scope.splatItem ?? failure('a splat item outside a splat expression', at);
      case 'Conditional':
        return evaluateConditional(this, expr, scope, at);
      case 'Binary':
        return evaluateBinary(this, expr, scope, at);
      case 'Unary':
        return evaluateUnary(this, expr, scope, at);
      case 'For':
        return evaluateFor(this, expr, scope, at);
      case 'Paren':
        return this.evaluate(expr.expr, scope);
    }
  }

  /** `{ key = value }`: a bare key is its name; any other key is an expression that must give a string. */
  private object(expr: ObjectExpr, scope: Scope, at: Range): Value {
    const built = new MapBuilder();
    for (const item of expr.items) {
      const keyRange = scope.rangeOf(item.key);
      let key: string | undefined;
      if (item.key.type === 'Variable') key = item.key.name;
      else {
        const keyValue = reveal(this.evaluate(item.key, scope));
        key = textOf(keyValue);
        if (key === undefined) {
          return keyValue.kind === 'unknown' ? unknownFrom('an object key cannot be known before deployment', at, [keyValue]) : failure('an object key is not a string', keyRange);
        }
      }
      built.set(key, this.evaluate(item.value, scope), keyRange);
    }
    return built.build(at);
  }
}
