import { describe, expect, it } from 'vitest';
import type { Value } from '../../../../src/model';
import { callFunction } from '../../../../src/parse/terraform/functions';
import { CALL, UNKNOWN, call, context, errorTable, list, lit, map, plain, ref, resultTable, unknown } from './helpers';

describe('type conversions', () => {
  resultTable([
    ['tostring', ['hello'], 'hello'],
    ['tostring', [1], '1'],
    ['tostring', [1e21], '1000000000000000000000'],
    ['tostring', [0.0000001], '0.0000001'],
    ['tostring', [true], 'true'],
    ['tostring', [null], null],
    ['tonumber', [1], 1],
    ['tonumber', ['1'], 1],
    ['tonumber', ['-1.5e3'], -1500],
    ['tonumber', [null], null],
    ['tobool', [true], true],
    ['tobool', ['true'], true],
    ['tobool', ['false'], false],
    ['tobool', [null], null],
    ['tolist', [list(['a', 'b', 'c'])], ['a', 'b', 'c']],
    ['tolist', [list(['a', 'b', 3])], ['a', 'b', '3']],
    ['tomap', [map({ a: 1, b: 2 })], { a: 1, b: 2 }],
    ['tomap', [map({ a: 'foo', b: true })], { a: 'foo', b: 'true' }],
  ]);

  errorTable([
    ['tostring', [list([])]],
    ['tonumber', ['no']],
    ['tonumber', [' 5']],
    ['tonumber', ['0x10']],
    ['tonumber', [true]],
    ['tobool', ['no']],
    ['tobool', [1]],
    ['tolist', [map({ a: 1 })]],
    ['tolist', [list([1, false])]],
    ['tomap', [list(['a'])]],
  ]);

  it('returns a value that already has the type as it is, and converts elements where they are written', () => {
    const text = lit('x');
    expect(call('tostring', text)).toBe(text);
    const three = lit(3);
    const converted = call('tolist', list(['a', three]));
    expect(converted).toMatchObject({ kind: 'list', range: CALL, items: [{ value: 'a' }, { value: '3', range: three.range }] });
  });

  it('gives the text of an encoded structure as a plain string', () => {
    const structure = map({ b: 1, a: list(['x']) });
    const text = call('tostring', call('jsonencode', structure));
    expect(text).toEqual({ kind: 'literal', value: '{"a":["x"],"b":1}', range: CALL, origin: [structure.range] });
    expect(call('tostring', call('jsonencode', map({ a: ref('aws_s3_bucket.b') })))).toMatchObject({
      kind: 'unknown',
      refs: [{ key: 'aws_s3_bucket.b' }],
    });
  });

  it('is unknown when the value is, and keeps unknown elements', () => {
    expect(call('tostring', ref('aws_s3_bucket.b'))).toMatchObject({ kind: 'unknown', refs: [{ key: 'aws_s3_bucket.b' }] });
    expect(plain(call('tolist', list(['a', ref('aws_s3_bucket.b')])))).toEqual(['a', UNKNOWN]);
  });
});

describe('sensitivity', () => {
  it('marks an unknown value secret and keeps a written value visible to the secret rules', () => {
    const password = unknown('var.password has no value');
    expect(call('sensitive', password)).toMatchObject({ kind: 'unknown', secret: true, why: password.why });
    const written = lit('hunter2');
    expect(call('sensitive', written)).toBe(written);
  });

  it('drops the secret mark with nonsensitive', () => {
    const result = call('nonsensitive', unknown('sensitive', [{ key: 'aws_db_instance.d' }], true));
    expect(result).toMatchObject({ kind: 'unknown', refs: [{ key: 'aws_db_instance.d' }] });
    expect(result).not.toHaveProperty('secret');
  });

  it('knows issensitive only for secret unknowns', () => {
    expect(plain(call('issensitive', unknown('sensitive', [], true)))).toBe(true);
    expect(plain(call('issensitive', 'text'))).toEqual(UNKNOWN);
  });

  it('passes known values through ephemeralasnull', () => {
    const value = lit('x');
    expect(call('ephemeralasnull', value)).toBe(value);
  });
});

describe('number functions', () => {
  resultTable([
    ['abs', [-12.4], 12.4],
    ['abs', ['-3'], 3],
    ['ceil', [5.1], 6],
    ['floor', [4.9], 4],
    ['floor', [-4.1], -5],
    ['signum', [-13], -1],
    ['signum', [0], 0],
    ['log', [16, 2], 4],
    ['pow', [3, 2], 9],
    ['pow', [4, 0], 1],
    ['min', [12, 54, 3], 3],
    ['max', [12, 54, 3], 54],
    ['max', ['12', 5], 12],
    ['sum', [list([10, 13, 6, 4.5])], 33.5],
    ['parseint', ['100', 10], 100],
    ['parseint', ['FF', 16], 255],
    ['parseint', ['-10', 16], -16],
    ['parseint', ['1011111011101111', 2], 48879],
    ['parseint', ['aA', 62], 656],
    ['parseint', ['zz', 36], 1295],
  ]);

  errorTable([
    ['parseint', ['12', 2]],
    ['parseint', ['', 10]],
    ['parseint', ['1', 63]],
    ['parseint', ['1.5', 10]],
    ['sum', [list([])]],
    ['sum', [list(['a'])]],
    ['min', []],
    ['abs', ['x']],
    ['abs', [list([1])]],
  ]);

  it('takes any number of arguments expanded from a list', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => lit(i));
    expect(plain(callFunction('max', many, context()) as Value)).toBe(199_999);
    expect(plain(callFunction('min', many, context()) as Value)).toBe(0);
  });

  it('gives an Unknown for numbers beyond 64-bit floating point', () => {
    expect(plain(call('format', '%e', Infinity))).toEqual(UNKNOWN);
    expect(plain(call('abs', '1e400'))).toEqual(UNKNOWN);
    expect(plain(call('pow', 10, 400))).toEqual(UNKNOWN);
    expect(plain(call('log', 0, 10))).toEqual(UNKNOWN);
    expect(plain(call('parseint', '1'.repeat(2000), 2))).toEqual(UNKNOWN);
  });

  it('is unknown when a number is', () => {
    expect(call('max', 1, ref('aws_autoscaling_group.a', 'max_size'))).toMatchObject({ kind: 'unknown', refs: [{ key: 'aws_autoscaling_group.a' }] });
  });
});
