import { describe, expect, it } from 'vitest';
import { CALL, UNKNOWN, at, call, errorTable, list, lit, plain, ref, resultTable, unknown } from './helpers';

describe('string functions', () => {
  resultTable([
    ['lower', ['HELLO'], 'hello'],
    ['upper', ['hello'], 'HELLO'],
    ['upper', ['алло'], 'АЛЛО'],
    // Go maps one character to one: ß has no single upper-case character.
    ['upper', ['straße'], 'STRAßE'],
    ['title', ['hello world'], 'Hello World'],
    ['title', ['hello-world foo_bar'], 'Hello-World Foo_bar'],
    ['trimspace', ['  hello\n\t'], 'hello'],
    ['trimspace', ['\u00a0hello\u0085'], 'hello'],
    ['trim', ['?!hello?!', '!?'], 'hello'],
    ['trim', ['foobar', 'far'], 'oob'],
    ['trim', ['   hello! world.!  ', '! '], 'hello! world.'],
    ['trimprefix', ['helloworld', 'hello'], 'world'],
    ['trimprefix', ['helloworld', 'cat'], 'helloworld'],
    ['trimsuffix', ['helloworld', 'world'], 'hello'],
    ['chomp', ['hello\n'], 'hello'],
    ['chomp', ['hello\r\n'], 'hello'],
    ['chomp', ['hello\n\n'], 'hello'],
    ['chomp', ['hel\nlo'], 'hel\nlo'],
    ['strrev', ['hello'], 'olleh'],
    ['strrev', ['a👾b'], 'b👾a'],
    ['substr', ['hello world', 1, 4], 'ello'],
    ['substr', ['🤔🤷', 0, 1], '🤔'],
    ['substr', ['hello world', -5, -1], 'world'],
    ['substr', ['hello', 10, 2], ''],
    ['substr', ['hello', '1', '2'], 'el'],
    ['startswith', ['hello world', 'hello'], true],
    ['startswith', ['hello world', 'world'], false],
    ['endswith', ['hello world', 'world'], true],
    ['endswith', ['hello world', 'hello'], false],
    ['strcontains', ['hello world', 'wor'], true],
    ['strcontains', ['hello world', 'cat'], false],
    ['indent', [2, '[\n  foo,\n  bar,\n]\n'], '[\n    foo,\n    bar,\n  ]\n  '],
    ['join', ['-', list(['foo', 'bar', 'baz'])], 'foo-bar-baz'],
    ['join', [', ', list(['foo'])], 'foo'],
    ['join', [',', list(['a']), list(['b', 'c'])], 'a,b,c'],
    ['join', [',', list([1, true])], '1,true'],
    ['split', [',', 'foo,bar,baz'], ['foo', 'bar', 'baz']],
    ['split', [',', 'foo'], ['foo']],
    ['split', [',', ''], ['']],
    ['split', ['', 'ab☃'], ['a', 'b', '☃']],
    ['replace', ['1 + 2 + 3', '+', '-'], '1 - 2 - 3'],
    ['replace', ['hello world', '/w.*d/', 'everybody'], 'hello everybody'],
    ['replace', ['abc', '', '-'], '-a-b-c-'],
    // Without slashes the search and the replacement are plain text.
    ['replace', ['a.b.c', '.', '$&'], 'a$&b$&c'],
    ['replace', ['/', '/', 'x'], 'x'],
    ['replace', ['2019-02-01', '/(\\d+)-(\\d+)-(\\d+)/', '$3/$2/$1'], '01/02/2019'],
    ['replace', ['abc', '/(?P<mid>b)/', '[${mid}]'], 'a[b]c'],
    ['replace', ['abc', '/b/', '$$'], 'a$c'],
    // As in Go, `$1x` names the group "1x", which does not exist.
    ['replace', ['abc', '/(b)/', '$1x'], 'ac'],
    ['replace', ['abc', '/(b)/', '${1}x'], 'abxc'],
    ['replace', ['abc', '/x*/', '-'], '-a-b-c-'],
    // An empty match right after a match is not replaced again.
    ['replace', ['baaac', '/a*/', 'X'], 'XbXcX'],
  ]);

  errorTable([
    ['lower', [list(['a'])]],
    ['lower', [null]],
    ['upper', [list([])]],
    ['indent', [-1, 'a\nb']],
    ['join', [',', list(['a', null])]],
    ['join', [',', 'not a list']],
    ['split', [list([',']), 'a,b']],
    ['substr', ['hello', 1.5, 2]],
    ['replace', ['abc', '/(/', 'x']],
    ['trim', ['abc']],
  ]);

  it('makes its result at the call, remembering where an argument written elsewhere came from', () => {
    const variableDefault = lit('Bucket', at(3, 13, 'variables.tf'));
    const result = call('lower', variableDefault);
    expect(result).toEqual({ kind: 'literal', value: 'bucket', range: CALL, origin: [variableDefault.range] });
    const inline = lit('Bucket', { ...CALL, start: { line: 1000, column: 9 } });
    expect(call('lower', inline)).toEqual({ kind: 'literal', value: 'bucket', range: CALL });
  });

  it('is unknown when a string it needs is unknown, keeping references and secrecy', () => {
    const bucket = ref('aws_s3_bucket.logs');
    expect(call('upper', bucket)).toMatchObject({ kind: 'unknown', range: CALL, refs: [{ key: 'aws_s3_bucket.logs', attr: 'id' }] });
    const joined = call('join', '-', list(['a', ref('aws_kms_key.k', 'arn'), unknown('sensitive', [], true)]));
    expect(joined).toMatchObject({ kind: 'unknown', refs: [{ key: 'aws_kms_key.k', attr: 'arn' }], secret: true });
    expect((joined as { why: string }).why).toMatch(/^join\(\)/);
    // The known separator does not matter: the refs of every argument are kept.
    expect(call('split', ',', bucket)).toMatchObject({ kind: 'unknown', refs: [{ key: 'aws_s3_bucket.logs' }] });
  });

  it('counts characters as grapheme clusters', () => {
    expect(plain(call('substr', 'e\u0301tude', 0, 1))).toBe('e\u0301');
    expect(plain(call('strrev', 'ab\u0301'))).toBe('b\u0301a');
  });

  it('gives an Unknown rather than building a result past the limits', () => {
    expect(plain(call('indent', 1_000_000, 'a\nb\nc'))).toEqual(UNKNOWN);
    expect(plain(call('indent', 1e12, 'no newline'))).toEqual(UNKNOWN);
    expect(plain(call('replace', 'a'.repeat(1000), '', 'x'.repeat(2000)))).toEqual(UNKNOWN);
    expect(plain(call('split', '', 'a'.repeat(20_000)))).toEqual(UNKNOWN);
    expect(plain(call('join', '', list(Array.from({ length: 600 }, () => 'x'.repeat(2000)))))).toEqual(UNKNOWN);
  });
});
