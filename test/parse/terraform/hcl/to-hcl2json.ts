/**
 * Our HCL syntax tree in the shape `@cdktf/hcl2json` (HashiCorp's parser, in WASM) gives, so the
 * two can be compared. What that shape is, learnt by experiment:
 *
 * - A body is an object. Each block nests under its type, then under each label, and ends in an
 *   array of bodies: `resource "a" "b" {}` is `{resource: {a: {b: [{}]}}}`. Blocks go in first
 *   and attributes after, so an attribute wins over a block of the same name.
 * - Numbers, bools and null are JSON values; so is a unary operator applied to one (`-1`, `!true`).
 *   Tuples and objects are arrays and objects of converted items.
 * - Every other expression is its source text wrapped in `${…}`.
 * - A template becomes a string: literal text with `${` and `%{` escaped as `$${` and `%%{`
 *   (the oracle keeps the text usable as a template), each interpolation as `${source}`, and
 *   directives re-rendered as `%{if cond}…%{else}…%{endif}` and `%{for k, v in coll}…%{endfor}`
 *   without spaces or strip markers. A template that is a single interpolation is its expression.
 *
 * Its quirks, reproduced here so that the comparison holds:
 * - Inside a template, the oracle cannot tell `${a ? b : c}` from `%{if a}b%{else}c%{endif}`
 *   (both are one conditional node in HCL), so an interpolated conditional renders as a directive.
 * - An `%{else}` branch that renders empty is left out.
 * - A directive branch that is a lone literal interpolation is evaluated rather than rendered; for
 *   `${null}` that fails. The failure rises to the nearest `%{if}` branch, which drops the whole
 *   directive (true branch) or the `%{else}` (false branch), or else fails the conversion.
 * - In a template, a literal interpolation is rendered as its string value (`"a${1}"` is `"a1"`,
 *   `"a${null}"` is `"anull"`, where HCL would fail), but a unary operator on a literal is not
 *   (`"a${-1}"` stays `"a${-1}"`).
 * - An object key that is a plain reference (`a`, `a.b`, `a[0]`, `a["k"]`) is its source text;
 *   any other key expression is converted like a template part (`(k)` is `"${(k)}"`).
 * - Labels that nest inconsistently (`b "x" {}` and `b "x" "y" {}`) make the oracle fail; so does
 *   this converter.
 */
import type * as A from '../../../../src/parse/terraform/hcl/ast';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export function toHcl2Json(text: string, body: A.Body): JsonObject {
  return new Converter(text).body(body);
}

class Converter {
  constructor(private readonly text: string) {}

  body(body: A.Body): JsonObject {
    const out: JsonObject = {};
    for (const item of body.items) if (item.type === 'Block') this.block(item, out);
    for (const item of body.items) if (item.type === 'Attribute') out[item.name] = this.expression(item.value);
    return out;
  }

  private block(block: A.Block, out: JsonObject): void {
    let target = out;
    let key = block.blockType;
    for (const label of block.labels) {
      const existing = target[key];
      if (existing === undefined) target = target[key] = {};
      else if (isObject(existing)) target = existing;
      else throw new Error(`Unable to convert Block to JSON: ${[block.blockType, ...block.labels.map((l) => l.value)].join('.')}`);
      key = label.value;
    }
    const existing = target[key];
    if (existing === undefined) target[key] = [this.body(block.body)];
    else if (Array.isArray(existing)) existing.push(this.body(block.body));
    else throw new Error(`invalid HCL detected for "${key}" block, cannot have blocks with and without labels`);
  }

  expression(expr: A.Expression): Json {
    switch (expr.type) {
      case 'Literal':
        return expr.value;
      case 'Template':
        return isLoneInterpolation(expr) ? this.expression(expr.parts[0].expr) : this.parts(expr.parts);
      case 'Unary':
        return expr.operand.type === 'Literal' ? unaryValue(expr.operator, expr.operand.value) : this.wrap(expr);
      case 'Tuple':
        return expr.items.map((item) => this.expression(item));
      case 'Object': {
        const out: JsonObject = {};
        for (const item of expr.items) out[this.key(item.key)] = this.expression(item.value);
        return out;
      }
      default:
        return this.wrap(expr);
    }
  }

  private key(key: A.Expression): string {
    return isReference(key) ? this.source(key) : this.stringPart(key);
  }

  /** An expression where the oracle needs a string: inside templates and as an object key. */
  private stringPart(expr: A.Expression): string {
    switch (expr.type) {
      case 'Literal':
        return literalString(expr.value);
      case 'Template':
        return isLoneInterpolation(expr) ? this.stringPart(expr.parts[0].expr) : this.parts(expr.parts);
      case 'Conditional':
        return this.ifDirective(expr.condition, this.stringPart(expr.then), this.stringPart(expr.else));
      default:
        return this.wrap(expr);
    }
  }

  private parts(parts: A.TemplatePart[]): string {
    let out = '';
    for (const part of parts) {
      switch (part.type) {
        case 'TemplateLiteral':
          out += part.value.split('${').join('$${').split('%{').join('%%{');
          break;
        case 'TemplateInterpolation':
          out += this.stringPart(part.expr);
          break;
        case 'TemplateIf':
          out += this.ifDirectivePart(part);
          break;
        case 'TemplateFor': {
          const names = part.keyVar === undefined ? part.valueVar : `${part.keyVar}, ${part.valueVar}`;
          out += `%{for ${names} in ${this.source(part.collection)}}${this.directiveBody(part.body)}%{endfor}`;
          break;
        }
      }
    }
    return out;
  }

  /** A failing branch drops the whole directive when it is the true branch, and itself when it is `else`. */
  private ifDirectivePart(part: A.TemplateIf): string {
    let then: string;
    try {
      then = this.directiveBody(part.then);
    } catch (error) {
      if (error instanceof NullInTemplate) return '';
      throw error;
    }
    let otherwise = '';
    try {
      otherwise = this.directiveBody(part.else ?? []);
    } catch (error) {
      if (!(error instanceof NullInTemplate)) throw error;
    }
    return this.ifDirective(part.condition, then, otherwise);
  }

  /** The parts of a directive; the oracle evaluates a lone literal there, and fails on `${null}`. */
  private directiveBody(parts: A.TemplatePart[]): string {
    const only = parts.length === 1 ? parts[0] : undefined;
    if (only?.type === 'TemplateInterpolation' && only.expr.type === 'Literal' && only.expr.value === null) throw new NullInTemplate();
    return this.parts(parts);
  }

  private ifDirective(condition: A.Expression, then: string, otherwise: string): string {
    return `%{if ${this.source(condition)}}${then}${otherwise === '' ? '' : `%{else}${otherwise}`}%{endif}`;
  }

  private wrap(expr: A.Expression): string {
    return '${' + this.source(expr) + '}';
  }

  private source(node: A.Span): string {
    return this.text.slice(node.start, node.end);
  }
}

/** The oracle's failure to put a null into a string. */
class NullInTemplate extends Error {
  constructor() {
    super('Invalid template interpolation value; The expression result is null.');
  }
}

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLoneInterpolation(t: A.TemplateExpr): t is A.TemplateExpr & { parts: [A.TemplateInterpolation] } {
  return t.parts.length === 1 && t.parts[0].type === 'TemplateInterpolation';
}

/** A static traversal in HCL's terms: a variable, then attribute steps and literal indexes. */
function isReference(expr: A.Expression): boolean {
  switch (expr.type) {
    case 'Variable':
      return true;
    case 'GetAttr':
      return isReference(expr.object);
    case 'Index':
      return isReference(expr.collection) && (expr.key.type === 'Literal' || (expr.key.type === 'Template' && expr.key.parts.every((p) => p.type === 'TemplateLiteral')));
    default:
      return false;
  }
}

function unaryValue(operator: '!' | '-', value: A.LiteralExpr['value']): Json {
  if (operator === '-' && typeof value === 'number') return -value;
  if (operator === '!' && typeof value === 'boolean') return !value;
  throw new Error(`cannot apply ${operator} to ${String(value)}`);
}

/** A literal as the oracle writes it in a string: numbers in plain decimal notation, never exponents; null as `null`. */
function literalString(value: A.LiteralExpr['value']): string {
  if (value === null || typeof value === 'boolean') return String(value);
  const written = String(value);
  const exponent = written.indexOf('e');
  if (exponent < 0) return written;
  if (Number.isInteger(value)) return BigInt(value).toString();
  const digits = written.slice(0, exponent).replace('.', '').replace('-', '');
  const zeros = -Number(written.slice(exponent + 1)) - 1;
  return `${value < 0 ? '-' : ''}0.${'0'.repeat(zeros)}${digits}`;
}
