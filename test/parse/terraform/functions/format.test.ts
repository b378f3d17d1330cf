import { describe, expect, it } from 'vitest';
import type { ListValue } from '../../../../src/model';
import { CALL, ERROR, UNKNOWN, type Argument, call, errorTable, list, map, plain, ref, resultTable } from './helpers';

describe('format', () => {
  resultTable(([
    // The examples of Terraform's documentation.
    [['Hello, %s!', 'Ander'], 'Hello, Ander!'],
    [['There are %d lights', 4], 'There are 4 lights'],
    [['%#v', 'hello'], '"hello"'],
    [['%#v', true], 'true'],
    [['%#v', 1], '1'],
    [['%#v', map({ a: 1 })], '{"a":1}'],
    [['%#v', list([true])], '[true]'],
    [['%#v', null], 'null'],
    // Verbs.
    [['%v', null], 'null'],
    [['%v', 'text'], 'text'],
    [['%v', true], 'true'],
    [['%v', list(['a', 1])], '["a",1]'],
    [['%v', 1.5], '1.5'],
    [['%v', 1234567], '1.234567e+06'],
    [['%t', 'false'], 'false'],
    [['%b', 5], '101'],
    [['%o', 8], '10'],
    [['%x', 255], 'ff'],
    [['%X', 255], 'FF'],
    [['%#x', 255], '0xff'],
    [['%d', '42'], '42'],
    [['%d', -7], '-7'],
    [['%x', -255], '-ff'],
    [['%e', 1234.5678], '1.234568e+03'],
    [['%E', 1234.5678], '1.234568E+03'],
    [['%.2e', 0], '0.00e+00'],
    [['%f', 3.14159], '3.141590'],
    [['%.2f', 3.14159], '3.14'],
    [['%9.2f', 3.14159], '     3.14'],
    // Go rounds the exact binary value, halves to even.
    [['%.0f', 2.5], '2'],
    [['%.0f', 3.5], '4'],
    [['%.2f', 0.125], '0.12'],
    [['%.1f', 0.05], '0.1'],
    [['%.0e', 2.5], '2e+00'],
    [['%.2e', 9.999], '1.00e+01'],
    [['%f', 1e21], '1000000000000000000000.000000'],
    [['%g', 0.00001], '1e-05'],
    [['%g', 0.0001], '0.0001'],
    [['%g', 100], '100'],
    [['%g', 123456], '123456'],
    [['%.3g', 1234.5678], '1.23e+03'],
    [['%.6g', 100], '100'],
    [['%s', 5], '5'],
    [['%.2s', 'hello'], 'he'],
    [['%q', 'a"b'], '"a\\"b"'],
    [['%q', '<b>'], '"\\u003cb\\u003e"'],
    // Flags, width and argument indexes.
    [['%5s|%-5s|', 'ab', 'cd'], '   ab|cd   |'],
    [['%3s', '☃'], '  ☃'],
    // A width counts grapheme clusters: this emoji with its skin tone is one.
    [['%4s', '💃🏿'], '   💃🏿'],
    [['%6.2q', 'hello'], '  "he"'],
    [['%q', false], '"false"'],
    [['%+d % d', 5, 5], '+5  5'],
    [['%03d|%-4d|', 7, 7], '007|7   |'],
    [['%06.2f', -1.5], '-01.50'],
    [['%[2]s %[1]s', 'a', 'b'], 'b a'],
    [['%[2]s %s', 'a', 'b', 'c'], 'b c'],
    [['%[2]v', true, 'hello'], 'hello'],
    [['100%%'], '100%'],
  ] as [Argument[], string][]).map(([args, expected]) => ['format', args, expected]));

  errorTable(([
    [['%d', 1.5]],
    [['%s']],
    [['%s', 'a', 'b']],
    [['%z', 1]],
    [['%s', null]],
    [['%d', 'x']],
    [['%t', 1]],
    [['%s', list(['a'])]],
    [['abc %']],
    [['%[3]s', 'a']],
  ] as [Argument[]][]).map(([args]) => ['format', args]));

  it('is unknown when a value is, keeping its references', () => {
    const result = call('format', '%s-logs', ref('aws_s3_bucket.b'));
    expect(result).toMatchObject({ kind: 'unknown', range: CALL, refs: [{ key: 'aws_s3_bucket.b', attr: 'id' }] });
    expect((result as { why: string }).why).toContain('refers to aws_s3_bucket.b.id');
  });

  it('does not pad or repeat past the string limit', () => {
    expect(plain(call('format', '%1048577s', 'x'))).toEqual(UNKNOWN);
    expect(plain(call('format', '%1000000s%1000000s', 'a', 'b'))).toEqual(UNKNOWN);
    expect(plain(call('format', '%.1000f', 1))).toEqual(UNKNOWN);
  });
});

describe('formatlist', () => {
  it('iterates list arguments together and repeats the others', () => {
    expect(plain(call('formatlist', 'Hello, %s!', list(['Valentina', 'Ander', 'Olivia', 'Sam'])))).toEqual([
      'Hello, Valentina!',
      'Hello, Ander!',
      'Hello, Olivia!',
      'Hello, Sam!',
    ]);
    expect(plain(call('formatlist', '%s, %s!', 'Salutations', list(['Valentina', 'Ander'])))).toEqual([
      'Salutations, Valentina!',
      'Salutations, Ander!',
    ]);
    expect(plain(call('formatlist', '%s=%d', list(['a', 'b']), list([1, 2])))).toEqual(['a=1', 'b=2']);
    expect(plain(call('formatlist', '%s', 'only'))).toEqual(['only']);
  });

  it('makes an unknown item for an unknown value, and keeps the others', () => {
    const result = call('formatlist', 'arn:%s', list(['a', ref('aws_s3_bucket.b', 'arn')])) as ListValue;
    expect(result.kind).toBe('list');
    expect(plain(result.items[0])).toBe('arn:a');
    expect(result.items[1]).toMatchObject({ kind: 'unknown', range: CALL, refs: [{ key: 'aws_s3_bucket.b', attr: 'arn' }] });
  });

  it('is unknown when an argument might be a list of unknown length', () => {
    expect(call('formatlist', '%s', ref('aws_instance.web', 'private_ip'))).toMatchObject({ kind: 'unknown', refs: [{ key: 'aws_instance.web' }] });
  });

  it('fails on lists of different lengths and on a bad item', () => {
    expect(plain(call('formatlist', '%s%s', list(['a']), list(['b', 'c'])))).toEqual(ERROR);
    expect(plain(call('formatlist', '%d', list(['1', 'x'])))).toEqual(ERROR);
  });
});
