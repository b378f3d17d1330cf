import { unknownOf, type LiteralValue, type Range, type Value } from '../../../model';

export { unknownOf };

/** What `Ref: AWS::NoValue` resolves to: the key or list item that holds it disappears. */
export const NO_VALUE = Symbol('AWS::NoValue');
export type Resolved = Value | typeof NO_VALUE;

type Scalar = LiteralValue['value'];

export function literal(value: Scalar, range: Range, origin?: Range[]): LiteralValue {
  return origin?.length ? { kind: 'literal', value, range, origin } : { kind: 'literal', value, range };
}

/** A string as written: unknown and secret when it holds a dynamic reference (resolved at deploy time). */
export function stringValue(value: string, range: Range, origin?: Range[]): Value {
  if (value.includes('{{resolve:')) {
    return { kind: 'unknown', why: 'a dynamic reference ({{resolve:…}}) is read at deploy time', range, secret: true };
  }
  return literal(value, range, origin);
}

/** The same value shown at the place it is used, remembering where it was written. */
export function usedAt(value: Value, range: Range): Value {
  return { ...value, range, origin: [...(value.origin ?? [value.range])] };
}

/** The text a known scalar contributes to a string (`Fn::Sub`, `Fn::Join`), or undefined. */
export function textOf(value: Resolved): string | undefined {
  if (value === NO_VALUE || value.kind !== 'literal') return undefined;
  return value.value === null ? '' : String(value.value);
}

/** Every place the parts came from, for a value assembled from them. */
export function originsOf(parts: readonly Resolved[]): Range[] {
  const origins: Range[] = [];
  for (const part of parts) if (part !== NO_VALUE && part.origin) origins.push(...part.origin);
  return origins;
}
