import type { Range, TextLayout, Value } from '../../model';
import { applyFunction } from './calls';
import { encodedAs } from './functions';
import { elementsOf } from './collections';
import type { Evaluator } from './evaluator';
import type { TemplateExpr, TemplatePart } from './hcl/ast';
import { isFailure, reveal } from './marks';
import { withNames, type Scope } from './scope';
import { boolOf, computed, failure, kindName, textOf, unknownFrom } from './values';

/**
 * A string template: `"a-${x}"`, a heredoc, `%{ if }` and `%{ for }` directives. A template that
 * is one interpolation and nothing else is that value unconverted, as in HCL.
 */
export function evaluateTemplate(ev: Evaluator, expr: TemplateExpr, scope: Scope, at: Range): Value {
  const { parts } = expr;
  if (parts.length === 1 && parts[0].type === 'TemplateInterpolation' && !expr.heredoc) return ev.evaluate(parts[0].expr, scope);
  const text = new TemplateText();
  text.render(ev, parts, scope);
  if (text.failed) return text.failed;
  if (text.unknown.length) return unknownFrom('a string built from values that cannot be known before deployment', at, text.unknown);
  if (!ev.env.budget.text(text.pieces.reduce((n, piece) => n + piece.length, 0), at)) {
    return unknownFrom('the scanner stopped building strings in this root module (text limit)', at);
  }
  const value = computed(text.pieces.join(''), at, text.used);
  const layout = expr.heredoc && verbatimLayout(expr, scope);
  if (layout) value.layout = layout;
  return value;
}

/** A heredoc of literal text only: where each of its lines is written. */
function verbatimLayout(expr: TemplateExpr, scope: Scope): TextLayout | undefined {
  const [part] = expr.parts;
  if (expr.parts.length !== 1 || part.type !== 'TemplateLiteral') return undefined;
  const first = scope.rangeOf(part);
  const lines = [first.start, ...(part.lineStarts ?? []).map((offset) => scope.rangeOf({ start: offset, end: offset }).start)];
  return { file: first.file, lines };
}

/** The pieces of a template's text so far, and what stops it from being known. */
class TemplateText {
  readonly pieces: string[] = [];
  /** Interpolated values, whose origins the result keeps. */
  readonly used: Value[] = [];
  readonly unknown: Value[] = [];
  failed?: Value;

  render(ev: Evaluator, parts: TemplatePart[], scope: Scope): void {
    parts.forEach((part) => {
      if (this.failed) return;
      switch (part.type) {
        case 'TemplateLiteral':
          // The parser has already applied `~` strip markers to literal text.
          this.pieces.push(part.value);
          return;
        case 'TemplateInterpolation':
          this.interpolate(asText(ev, ev.evaluate(part.expr, scope)));
          return;
        case 'TemplateIf': {
          const condition = reveal(ev.evaluate(part.condition, scope));
          const truth = boolOf(condition);
          if (truth === undefined) return this.cannotDecide(condition, 'a template if needs true or false');
          const chosen = truth ? part.then : part.else;
          if (chosen) this.render(ev, chosen, scope);
          return;
        }
        case 'TemplateFor': {
          const found = elementsOf(ev.evaluate(part.collection, scope), scope.rangeOf(part));
          if (found.kind === 'unknown') return void this.unknown.push(found.value);
          if (found.kind === 'invalid') return void (this.failed = failure(found.why, scope.rangeOf(part.collection)));
          for (const [key, value] of found.elements) {
            const names: [string, Value][] = [[part.valueVar, value]];
            if (part.keyVar) names.push([part.keyVar, key]);
            this.render(ev, part.body, withNames(scope, names));
          }
          return;
        }
      }
    });
  }

  private interpolate(raw: Value): void {
    const value = reveal(raw);
    if (isFailure(value)) this.failed = value;
    else if (value.kind === 'unknown') this.unknown.push(value);
    else {
      const text = textOf(value);
      if (text === undefined) this.failed = failure(`a ${kindName(value)} cannot be part of a string`, value.range);
      else {
        this.pieces.push(text);
        this.used.push(value);
      }
    }
  }

  private cannotDecide(condition: Value, why: string): void {
    if (condition.kind === 'unknown' && !isFailure(condition)) this.unknown.push(condition);
    else this.failed = isFailure(condition) ? condition : failure(why, condition.range);
  }
}

/** `jsonencode(...)` and a policy document's `.json` are strings in Terraform: their text goes in. */
function asText(ev: Evaluator, raw: Value): Value {
  const value = reveal(raw);
  return (value.kind === 'map' || value.kind === 'list') && encodedAs(value) ? applyFunction(ev, 'tostring', [value], value.range) : value;
}
