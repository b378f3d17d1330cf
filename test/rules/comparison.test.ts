import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LiteralValue, Value } from '../../src/model';
import { describeValue, looseEquals, toNumber } from '../../src/rules/eval/comparison';

const range = { file: 'f', start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };
const literal = (value: LiteralValue['value']): Value => ({ kind: 'literal', value, range });

describe('looseEquals', () => {
  it('a number equals its decimal text, both ways', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(looseEquals(literal(String(n)), n)).toBe(true);
        expect(looseEquals(literal(n), String(n))).toBe(true);
      }),
    );
  });

  it('a boolean equals its text in any case', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), (b, upper) => {
        const text = [...String(b)].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
        expect(looseEquals(literal(text), b)).toBe(true);
        expect(looseEquals(literal(text), !b)).toBe(false);
      }),
    );
  });

  it.each([
    ['Enabled', 'enabled', false],
    ['', 0, false],
    ['yes', true, false],
    [1, true, false],
    [null, null, true],
    [null, '', false],
  ] as const)('%j vs %j is %s', (value, expected, result) => {
    expect(looseEquals(literal(value), expected)).toBe(result);
  });

  it('a collection equals no scalar, and an unknown is undecided', () => {
    expect(looseEquals({ kind: 'list', items: [], range }, '')).toBe(false);
    expect(looseEquals({ kind: 'unknown', why: 'Ref', range }, 'x')).toBeUndefined();
  });
});

describe('toNumber and describeValue', () => {
  it('reads numbers from numeric text only', () => {
    expect([toNumber('7'), toNumber(' 7 '), toNumber(''), toNumber('7a'), toNumber(true), toNumber(Infinity)]).toEqual([7, 7, undefined, undefined, undefined, undefined]);
  });

  it('shortens long text and names collections', () => {
    expect(describeValue(literal('x'.repeat(70)))).toBe(`${'x'.repeat(60)}…`);
    expect(describeValue(literal(''))).toBe('""');
    expect(describeValue({ kind: 'list', items: [literal(1), literal(2)], range })).toBe('a list of 2 items');
  });
});
