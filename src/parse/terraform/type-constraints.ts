import type { MapValue, Value } from '../../model';
import type { Expression } from './hcl/ast';
import { derive } from './marks';
import { literal, numberOf, textOf } from './values';

/**
 * A variable's `type`, as far as it changes values: Terraform converts what a variable is given to
 * its type, so `optional(bool, true)` attributes a caller leaves out are there with their default,
 * `"5"` given to a number is 5, and 5 given to a string is "5". Everything else about types
 * (validation, errors on a mismatch) is left to Terraform.
 */
export type TypeConstraint =
  | { kind: 'any' }
  | { kind: 'string' | 'number' | 'bool' }
  | { kind: 'list' | 'set' | 'map'; element: TypeConstraint }
  | { kind: 'tuple'; elements: TypeConstraint[] }
  | { kind: 'object'; attributes: Map<string, ObjectAttribute> };

export interface ObjectAttribute {
  type: TypeConstraint;
  optional: boolean;
  /** `optional(type, default)`: the default, evaluated where it is written. */
  default?: Expression;
}

const ANY: TypeConstraint = { kind: 'any' };
const MAX_DEPTH = 64;

/** The type a `type = ...` expression writes; `any` for what it cannot read. */
export function readType(expr: Expression, depth = 0): TypeConstraint {
  if (depth > MAX_DEPTH) return ANY;
  if (expr.type === 'Variable') return expr.name === 'string' || expr.name === 'number' || expr.name === 'bool' ? { kind: expr.name } : ANY;
  if (expr.type !== 'FunctionCall') return ANY;
  const [arg] = expr.args;
  switch (expr.name) {
    case 'list':
    case 'set':
    case 'map':
      return { kind: expr.name, element: arg ? readType(arg, depth + 1) : ANY };
    case 'tuple':
      return arg?.type === 'Tuple' ? { kind: 'tuple', elements: arg.items.map((item) => readType(item, depth + 1)) } : ANY;
    case 'object': {
      const attributes = new Map<string, ObjectAttribute>();
      if (arg?.type !== 'Object') return ANY;
      for (const item of arg.items) {
        const name = item.key.type === 'Variable' ? item.key.name : undefined;
        if (name !== undefined) attributes.set(name, readAttribute(item.value, depth + 1));
      }
      return { kind: 'object', attributes };
    }
    default:
      return ANY;
  }
}

function readAttribute(expr: Expression, depth: number): ObjectAttribute {
  if (expr.type !== 'FunctionCall' || expr.name !== 'optional') return { type: readType(expr, depth), optional: false };
  const [type, fallback] = expr.args;
  return { type: type ? readType(type, depth) : ANY, optional: true, ...(fallback ? { default: fallback } : {}) };
}

/** A structured type: values given as text for it are read as expressions. */
export function isStructured(type: TypeConstraint): boolean {
  return type.kind !== 'any' && type.kind !== 'string' && type.kind !== 'number' && type.kind !== 'bool';
}

/**
 * `value` converted to `type` where Terraform would convert it; a value that does not fit is
 * left as it is (Terraform would stop with an error there). `defaultOf` evaluates an optional
 * attribute's default.
 */
export function convertToType(value: Value, type: TypeConstraint, defaultOf: (expr: Expression) => Value, depth = 0): Value {
  if (depth > MAX_DEPTH || value.kind === 'unknown' || (value.kind === 'literal' && value.value === null)) return value;
  switch (type.kind) {
    case 'any':
      return value;
    case 'string': {
      const text = value.kind === 'literal' && typeof value.value !== 'string' ? textOf(value) : undefined;
      return text === undefined ? value : derive(value, { ...value, value: text });
    }
    case 'number': {
      const n = value.kind === 'literal' && typeof value.value === 'string' ? numberOf(value) : undefined;
      return n === undefined || value.kind !== 'literal' ? value : derive(value, { ...value, value: n });
    }
    case 'bool':
      return value.kind === 'literal' && (value.value === 'true' || value.value === 'false') ? derive(value, { ...value, value: value.value === 'true' }) : value;
    case 'list':
    case 'set':
      return value.kind === 'list' ? derive(value, { ...value, items: value.items.map((item) => convertToType(item, type.element, defaultOf, depth + 1)) }) : value;
    case 'tuple':
      return value.kind === 'list'
        ? derive(value, { ...value, items: value.items.map((item, i) => convertToType(item, type.elements[i] ?? ANY, defaultOf, depth + 1)) })
        : value;
    case 'map':
      return value.kind === 'map' ? mapEntries(value, () => type.element, defaultOf, depth) : value;
    case 'object':
      return value.kind === 'map' ? withOptionals(mapEntries(value, (key) => type.attributes.get(key)?.type ?? ANY, defaultOf, depth), type.attributes, defaultOf, depth) : value;
  }
}

function mapEntries(value: MapValue, typeOf: (key: string) => TypeConstraint, defaultOf: (expr: Expression) => Value, depth: number): MapValue {
  const entries = new Map([...value.entries].map(([key, item]) => [key, convertToType(item, typeOf(key), defaultOf, depth + 1)]));
  return derive(value, { ...value, entries });
}

/** An object's optional attributes the value leaves out: their default, or null. */
function withOptionals(value: MapValue, attributes: Map<string, ObjectAttribute>, defaultOf: (expr: Expression) => Value, depth: number): MapValue {
  let entries: Map<string, Value> | undefined;
  let keyRanges: MapValue['keyRanges'] | undefined;
  for (const [name, attribute] of attributes) {
    if (!attribute.optional || value.entries.has(name)) continue;
    entries ??= new Map(value.entries);
    keyRanges ??= new Map(value.keyRanges);
    const fallback = attribute.default ? convertToType(defaultOf(attribute.default), attribute.type, defaultOf, depth + 1) : literal(null, value.range);
    entries.set(name, fallback);
    keyRanges.set(name, fallback.range);
  }
  return entries && keyRanges ? derive(value, { ...value, entries, keyRanges }) : value;
}
