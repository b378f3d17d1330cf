import { describe, expect, it } from 'vitest';
import type { ListValue, Value } from '../../../../src/model';
import { CALL, ERROR, UNKNOWN, call, errorTable, list, lit, map, plain, ref, resultTable, unknown } from './helpers';

describe('list functions', () => {
  resultTable([
    ['length', [list([])], 0],
    ['length', [list(['a', 'b'])], 2],
    ['length', [map({ a: 'b' })], 1],
    ['length', ['hello'], 5],
    ['length', ['👾🕹️'], 2],
    ['element', [list(['a', 'b', 'c']), 1], 'b'],
    ['element', [list(['a', 'b', 'c']), 3], 'a'],
    ['index', [list(['a', 'b', 'c']), 'b'], 1],
    ['contains', [list(['a', 'b', 'c']), 'a'], true],
    ['contains', [list(['a', 'b', 'c']), 'd'], false],
    // Terraform compares without converting: the number 1 is not the string "1".
    ['contains', [list(['1']), 1], false],
    ['concat', [list(['a', '']), list(['b', 'c'])], ['a', '', 'b', 'c']],
    ['coalesce', ['a', 'b'], 'a'],
    ['coalesce', ['', 'b'], 'b'],
    ['coalesce', [1, 2], 1],
    ['coalesce', [null, '', 'c'], 'c'],
    ['coalesce', [1, 'hello'], '1'],
    ['coalesce', [true, 'hello'], 'true'],
    ['coalescelist', [list(['a', 'b']), list(['c', 'd'])], ['a', 'b']],
    ['coalescelist', [list([]), list(['c', 'd'])], ['c', 'd']],
    ['compact', [list(['a', '', 'b', null, 'c'])], ['a', 'b', 'c']],
    ['compact', [list([1, '', 2])], ['1', '2']],
    ['distinct', [list(['a', 'b', 'a', 'c', 'd', 'b'])], ['a', 'b', 'c', 'd']],
    ['distinct', [list([list(['x']), list(['x']), list(['y'])])], [['x'], ['y']]],
    ['distinct', [list([map({ k: 1 }), map({ k: 1 }), map({ k: 2 })])], [{ k: 1 }, { k: 2 }]],
    ['flatten', [list([list(['a', 'b']), list([]), list(['c'])])], ['a', 'b', 'c']],
    ['flatten', [list([list([list(['a', 'b']), list([])]), list(['c'])])], ['a', 'b', 'c']],
    ['flatten', [list([map({ a: list(['x']) }), 'b'])], [{ a: ['x'] }, 'b']],
    ['reverse', [list([1, 2, 3])], [3, 2, 1]],
    ['slice', [list(['a', 'b', 'c', 'd']), 1, 3], ['b', 'c']],
    ['slice', [list(['a', 'b']), 2, 2], []],
    ['sort', [list(['e', 'd', 'a', 'x'])], ['a', 'd', 'e', 'x']],
    // Code point order: U+FF5E sorts before U+1F600, though its UTF-16 code unit is larger.
    ['sort', [list(['😀', '～', 'B', 'a'])], ['B', 'a', '～', '😀']],
    ['sort', [list([10, 9])], ['10', '9']],
    ['range', [3], [0, 1, 2]],
    ['range', [1, 4], [1, 2, 3]],
    ['range', [1, 8, 2], [1, 3, 5, 7]],
    ['range', [1, 4, 0.5], [1, 1.5, 2, 2.5, 3, 3.5]],
    ['range', [4, 1], [4, 3, 2]],
    ['range', [10, 5, -2], [10, 8, 6]],
    ['range', [5, 1, 1], []],
    ['range', ['3'], [0, 1, 2]],
    ['one', [list([])], null],
    ['one', [list(['hello'])], 'hello'],
    ['alltrue', [list(['true', true])], true],
    ['alltrue', [list([true, false])], false],
    ['alltrue', [list([])], true],
    ['anytrue', [list(['true'])], true],
    ['anytrue', [list([true, false])], true],
    ['anytrue', [list([])], false],
    ['chunklist', [list(['a', 'b', 'c', 'd', 'e']), 2], [['a', 'b'], ['c', 'd'], ['e']]],
    ['chunklist', [list(['a', 'b', 'c', 'd', 'e']), 1], [['a'], ['b'], ['c'], ['d'], ['e']]],
    ['matchkeys', [list(['i-123', 'i-abc', 'i-def']), list(['us-west', 'us-east', 'us-east']), list(['us-east'])], ['i-abc', 'i-def']],
  ]);

  errorTable([
    ['length', [5]],
    ['length', [null]],
    ['element', [list([]), 0]],
    ['element', [list(['a']), -1]],
    ['index', [list(['a']), 'z']],
    ['concat', []],
    ['concat', ['a']],
    ['coalesce', [null, '']],
    ['coalesce', [map({}), 'hello']],
    ['coalescelist', [list([])]],
    ['compact', [list([list([])])]],
    ['slice', [list(['a']), 0, 2]],
    ['slice', [list(['a', 'b']), 2, 1]],
    ['sort', [list(['a', null])]],
    ['range', [1, 2, 0]],
    ['range', [2000]],
    ['one', [list(['hello', 'goodbye'])]],
    ['alltrue', [list(['yes'])]],
    ['chunklist', [list(['a']), -1]],
    ['matchkeys', [list(['a']), list([]), list([])]],
    ['toset', [list([1, true])]],
    // Lists and maps have no common type to convert to.
    ['distinct', [list([list(['x']), map({ k: 1 })])]],
  ]);

  it('keeps the items of a list where they are written', () => {
    const open = lit('0.0.0.0/0');
    const result = call('concat', list([open]), list(['10.0.0.0/8'])) as ListValue;
    expect(result.range).toEqual(CALL);
    expect(result.items[0]).toBe(open);
    expect(call('element', list([open]), 0)).toBe(open);
    expect(call('one', list([open]))).toBe(open);
    expect(call('coalesce', '', open)).toBe(open);
    const reversed = call('reverse', list(['a', open])) as ListValue;
    expect(reversed.items[0]).toBe(open);
  });

  it('counts and concatenates lists whose items are unknown', () => {
    const items = list([ref('aws_instance.a'), ref('aws_instance.b')]);
    expect(plain(call('length', items))).toBe(2);
    const joined = call('concat', list(['x']), items) as ListValue;
    expect(joined.items.map((item) => item.kind)).toEqual(['literal', 'unknown', 'unknown']);
    expect(joined.items[1]).toMatchObject({ refs: [{ key: 'aws_instance.a' }] });
    expect(plain(call('element', items, 1))).toEqual(UNKNOWN);
    expect(plain(call('slice', items, 0, 1))).toEqual([UNKNOWN]);
  });

  it('is unknown where an unknown decides the result, keeping references', () => {
    const a = ref('aws_instance.a');
    expect(call('length', a)).toMatchObject({ kind: 'unknown', refs: [{ key: 'aws_instance.a' }] });
    expect(call('concat', list(['x']), a)).toMatchObject({ kind: 'unknown', refs: [{ key: 'aws_instance.a' }] });
    expect(call('flatten', list([list(['x']), a]))).toMatchObject({ kind: 'unknown', refs: [{ key: 'aws_instance.a' }] });
    expect(plain(call('distinct', list(['a', a])))).toEqual(UNKNOWN);
    expect(plain(call('sort', list(['a', a])))).toEqual(UNKNOWN);
    expect(plain(call('compact', list(['a', a])))).toEqual(UNKNOWN);
    expect(plain(call('coalesce', a, 'b'))).toEqual(UNKNOWN);
    expect(plain(call('element', list(['a']), a))).toEqual(UNKNOWN);
  });

  it('decides what the known items decide', () => {
    const a = ref('aws_instance.a');
    expect(plain(call('coalesce', 'first', a))).toBe('first');
    expect(plain(call('contains', list([a, 'x']), 'x'))).toBe(true);
    expect(plain(call('contains', list([a, 'x']), 'y'))).toEqual(UNKNOWN);
    expect(plain(call('index', list(['x', a]), 'x'))).toBe(0);
    expect(plain(call('index', list([a, 'x']), 'x'))).toEqual(UNKNOWN);
    expect(plain(call('alltrue', list([a, false])))).toBe(false);
    expect(plain(call('alltrue', list([a, true])))).toEqual(UNKNOWN);
    expect(plain(call('anytrue', list([a, true])))).toBe(true);
    expect(plain(call('coalescelist', list([a]), a))).toEqual([UNKNOWN]);
  });

  it('keeps secrecy in an unknown result', () => {
    expect(call('length', unknown('sensitive variable', [], true))).toMatchObject({ kind: 'unknown', secret: true });
  });

  it('stops at its bounds', () => {
    const deep = Array.from({ length: 100 }).reduce<Value>((inner) => list([inner]), list(['x']));
    expect(plain(call('flatten', list([deep])))).toEqual(UNKNOWN);
    const big = list(Array.from({ length: 6000 }, (_, i) => i));
    expect(plain(call('concat', big, big))).toEqual(UNKNOWN);
    expect((call('range', 1024) as ListValue).items).toHaveLength(1024);
    expect(plain(call('setproduct', big, big))).toEqual(UNKNOWN);
  });
});

describe('map functions', () => {
  resultTable([
    ['keys', [map({ b: 1, a: 2, c: 3 })], ['a', 'b', 'c']],
    ['values', [map({ b: 1, a: 2, c: 3 })], [2, 1, 3]],
    ['lookup', [map({ a: 'ay', b: 'bee' }), 'a', 'what?'], 'ay'],
    ['lookup', [map({ a: 'ay', b: 'bee' }), 'c', 'what?'], 'what?'],
    ['lookup', [map({ a: 'ay' }), 'a'], 'ay'],
    ['merge', [map({ a: 'b', c: 'd' }), map({ e: 'f', c: 'z' })], { a: 'b', c: 'z', e: 'f' }],
    ['merge', [map({ a: 'b' }), map({ a: list([1, 2]), c: 'z' }), map({ d: 3 })], { a: [1, 2], c: 'z', d: 3 }],
    ['merge', [map({ a: 1 }), null], { a: 1 }],
    ['merge', [], {}],
    ['zipmap', [list(['a', 'b']), list([1, 2])], { a: 1, b: 2 }],
    ['zipmap', [list(['a', 'a']), list([1, 2])], { a: 2 }],
    ['transpose', [map({ a: list(['1', '2']), b: list(['2', '3']) })], { 1: ['a'], 2: ['a', 'b'], 3: ['b'] }],
  ]);

  errorTable([
    ['lookup', [map({ a: 1 }), 'b']],
    ['lookup', [list(['a']), 'a', 'x']],
    ['merge', [map({}), list([])]],
    ['zipmap', [list(['a']), list([])]],
    ['keys', ['a']],
  ]);

  it('looks up a known key in a map whose other values are unknown', () => {
    const tags = map({ Name: 'web', Owner: ref('aws_iam_user.u', 'name') });
    expect(call('lookup', tags, 'Name', 'none')).toBe(tags.entries.get('Name'));
    expect(plain(call('lookup', tags, 'Missing', 'none'))).toBe('none');
    expect(call('lookup', tags, 'Owner')).toMatchObject({ kind: 'unknown', refs: [{ key: 'aws_iam_user.u' }] });
    expect(plain(call('keys', tags))).toEqual(['Name', 'Owner']);
  });

  it('is unknown when a map it merges is unknown, keeping references', () => {
    const result = call('merge', map({ a: 1 }), ref('module.tags', 'tags'));
    expect(result).toMatchObject({ kind: 'unknown', range: CALL, refs: [{ key: 'module.tags', attr: 'tags' }] });
  });

  it('keeps each entry and the place of its key', () => {
    const base = map({ Name: 'a' });
    const extra = map({ Env: 'prod' });
    const merged = call('merge', base, extra);
    expect(merged).toMatchObject({ kind: 'map', range: CALL });
    if (merged.kind !== 'map') throw new Error('a map');
    expect(merged.entries.get('Env')).toBe(extra.entries.get('Env'));
    expect(merged.keyRanges.get('Env')).toEqual(extra.keyRanges.get('Env'));
    const keys = call('keys', base) as ListValue;
    expect(keys.items[0].range).toEqual(base.keyRanges.get('Name'));
  });
});

describe('set functions', () => {
  resultTable([
    ['toset', [list(['a', 'b', 'c'])], ['a', 'b', 'c']],
    ['toset', [list(['a', 'b', 3])], ['3', 'a', 'b']],
    ['toset', [list(['c', 'b', 'b'])], ['b', 'c']],
    ['toset', [list([3, 1, 2, 1])], [1, 2, 3]],
    ['setunion', [list(['a', 'b']), list(['b', 'c']), list(['d'])], ['a', 'b', 'c', 'd']],
    ['setintersection', [list(['a', 'b']), list(['b', 'c']), list(['b', 'd'])], ['b']],
    ['setsubtract', [list(['a', 'b', 'c']), list(['a', 'c'])], ['b']],
    ['setsubtract', [list(['a', 'b', 'c']), list([])], ['a', 'b', 'c']],
    ['setproduct', [list(['development', 'staging']), list(['app1', 'app2'])], [['development', 'app1'], ['development', 'app2'], ['staging', 'app1'], ['staging', 'app2']]],
    ['setproduct', [list(['a']), list([])], []],
    ['setproduct', [list(['staging']), list(['a', 2])], [['staging', 'a'], ['staging', '2']]],
  ]);

  it('is unknown when an element is: it might equal another', () => {
    expect(call('toset', list(['a', ref('aws_s3_bucket.b')]))).toMatchObject({ kind: 'unknown', refs: [{ key: 'aws_s3_bucket.b' }] });
    expect(plain(call('setunion', list(['a']), list([ref('x.y')])))).toEqual(UNKNOWN);
  });

  it('needs two sets for a product', () => {
    expect(plain(call('setproduct', list(['a'])))).toEqual(ERROR);
  });
});
