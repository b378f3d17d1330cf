import type { Value } from '../../model';

export type Scalar = string | number | boolean | null;

/**
 * Loose equality, as CloudFormation and Terraform coerce: `true` equals "True", `7` equals "7".
 * Strings otherwise compare exactly (AWS enum values are case-sensitive). A collection never
 * equals a scalar; an unknown value gives undefined.
 */
export function looseEquals(value: Value, expected: Scalar): boolean | undefined {
  if (value.kind === 'unknown') return undefined;
  if (value.kind !== 'literal') return false;
  return scalarsEqual(value.value, expected);
}

function scalarsEqual(a: Scalar, b: Scalar): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (typeof a === 'boolean' || typeof b === 'boolean') return toBoolean(a) === toBoolean(b) && toBoolean(a) !== undefined;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = toNumber(a);
    return x !== undefined && x === toNumber(b);
  }
  return false;
}

function toBoolean(x: Scalar): boolean | undefined {
  if (typeof x === 'boolean') return x;
  if (typeof x !== 'string') return undefined;
  const lower = x.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

/** A number, or a string that is one (`"7"`); anything else is undefined. */
export function toNumber(x: Scalar): number | undefined {
  if (typeof x === 'number') return Number.isFinite(x) ? x : undefined;
  if (typeof x !== 'string' || x.trim() === '') return undefined;
  const n = Number(x);
  return Number.isFinite(n) ? n : undefined;
}

/** The text a regular expression is tested against: strings, and numbers and booleans as written. */
export function toText(x: Scalar): string | undefined {
  if (x === null) return undefined;
  return typeof x === 'string' ? x : String(x);
}

const MAX_SHOWN = 60;

/** A value as a failure message shows it: "Suspended", "3", "a map", "a list of 2 items". */
export function describeValue(value: Value): string {
  switch (value.kind) {
    case 'literal':
      return describeScalar(value.value);
    case 'map':
      return 'a map';
    case 'list':
      return value.items.length === 1 ? 'a list of 1 item' : `a list of ${value.items.length} items`;
    case 'unknown':
      return `unknown (${value.why})`;
  }
}

export function describeScalar(x: Scalar): string {
  if (typeof x !== 'string') return String(x);
  if (x === '') return '""';
  return x.length > MAX_SHOWN ? `${x.slice(0, MAX_SHOWN)}…` : x;
}
