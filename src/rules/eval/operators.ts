import type { Value } from '../../model';
import { describeScalar, looseEquals, toNumber, toText, type Scalar } from './comparison';

/** The operators of a property test. */
export interface Operator {
  name: OperatorName;
  /** Does the value pass? undefined when it cannot be known. */
  test(value: Value): boolean | undefined;
  /** "at least 7", for "...; expected at least 7". */
  expectation: string;
  /** What `not` of this operator expects: "less than 7". */
  contrary: string;
}

export const OPERATOR_NAMES = ['equals', 'notEquals', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'matches', 'notMatches', 'exists'] as const;
export type OperatorName = (typeof OPERATOR_NAMES)[number];

const regexCache = new Map<string, RegExp>();

/** Compiles once per pattern; the loader has already rejected invalid ones. */
export function regex(source: string): RegExp {
  let re = regexCache.get(source);
  if (!re) {
    re = new RegExp(source);
    regexCache.set(source, re);
  }
  return re;
}

/** The operator of a property test (the schema guarantees exactly one). */
export function operatorOf(condition: Record<string, unknown>): Operator {
  const name = OPERATOR_NAMES.find((n) => n in condition);
  if (!name) throw new Error(`a property test has no operator: ${JSON.stringify(condition)}`);
  return { name, ...build(name, condition[name]) };
}

function build(name: OperatorName, arg: unknown): Omit<Operator, 'name'> {
  switch (name) {
    case 'equals':
      return { test: (v) => looseEquals(v, arg as Scalar), expectation: describeScalar(arg as Scalar), contrary: `anything but ${describeScalar(arg as Scalar)}` };
    case 'notEquals':
      return { test: (v) => negate(looseEquals(v, arg as Scalar)), expectation: `anything but ${describeScalar(arg as Scalar)}`, contrary: describeScalar(arg as Scalar) };
    case 'in':
      return { test: (v) => inList(v, arg as Scalar[]), expectation: `one of ${list(arg as Scalar[])}`, contrary: `none of ${list(arg as Scalar[])}` };
    case 'notIn':
      return { test: (v) => negate(inList(v, arg as Scalar[])), expectation: `none of ${list(arg as Scalar[])}`, contrary: `one of ${list(arg as Scalar[])}` };
    case 'gt':
      return numeric(arg as number, (x, n) => x > n, `more than ${arg}`, `at most ${arg}`);
    case 'gte':
      return numeric(arg as number, (x, n) => x >= n, `at least ${arg}`, `less than ${arg}`);
    case 'lt':
      return numeric(arg as number, (x, n) => x < n, `less than ${arg}`, `at least ${arg}`);
    case 'lte':
      return numeric(arg as number, (x, n) => x <= n, `at most ${arg}`, `more than ${arg}`);
    case 'matches':
      return { test: (v) => matches(v, arg as string), expectation: `a value matching /${arg}/`, contrary: `a value not matching /${arg}/` };
    case 'notMatches':
      return { test: (v) => negate(matches(v, arg as string)), expectation: `a value not matching /${arg}/`, contrary: `a value matching /${arg}/` };
    case 'exists':
      return arg === true
        ? { test: () => true, expectation: 'it to be set', contrary: 'it not to be set' }
        : // Something is written there, but an unknown may still be AWS::NoValue or null.
          { test: (v) => (v.kind === 'unknown' ? undefined : false), expectation: 'it not to be set', contrary: 'it to be set' };
  }
}

function negate(b: boolean | undefined): boolean | undefined {
  return b === undefined ? undefined : !b;
}

function inList(value: Value, options: Scalar[]): boolean | undefined {
  let unsure = false;
  for (const option of options) {
    const eq = looseEquals(value, option);
    if (eq) return true;
    if (eq === undefined) unsure = true;
  }
  return unsure ? undefined : false;
}

function numeric(n: number, cmp: (x: number, n: number) => boolean, expectation: string, contrary: string): Omit<Operator, 'name'> {
  return {
    test(value) {
      if (value.kind === 'unknown') return undefined;
      const x = value.kind === 'literal' ? toNumber(value.value) : undefined;
      return x !== undefined && cmp(x, n);
    },
    expectation,
    contrary,
  };
}

function matches(value: Value, source: string): boolean | undefined {
  if (value.kind === 'unknown') return undefined;
  const text = value.kind === 'literal' ? toText(value.value) : undefined;
  return text !== undefined && regex(source).test(text);
}

function list(options: Scalar[]): string {
  return options.map(describeScalar).join(', ');
}
