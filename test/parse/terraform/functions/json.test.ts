import { describe, expect, it } from 'vitest';
import type { ListValue, MapValue, Range, Value } from '../../../../src/model';
import { encodedAs, encodedJson, encodedText } from '../../../../src/parse/terraform/functions';
import { jsonText } from '../../../../src/parse/terraform/functions/encoded';
import { CALL, ERROR, UNKNOWN, at, call, callIn, context, errorTable, list, lit, map, plain, ref, resultTable, scanRoot } from './helpers';

/** `value.key.key[0]...`, as a rule's path walks it. */
function walk(value: Value, ...steps: (string | number)[]): Value {
  return steps.reduce<Value>((v, step) => {
    if (typeof step === 'number' && v.kind === 'list') return v.items[step];
    if (typeof step === 'string' && v.kind === 'map') return v.entries.get(step) as Value;
    throw new Error(`cannot take ${step} of a ${v.kind}`);
  }, value);
}

function policy(): { document: MapValue; action: Value; resource: Value } {
  const action = lit('s3:*', at(5, 16));
  const resource = ref('aws_s3_bucket.logs', 'arn');
  const document = map({
    Version: '2012-10-17',
    Statement: list([map({ Effect: 'Allow', Action: list([action]), Resource: resource })]),
  });
  return { document, action, resource };
}

describe('jsonencode', () => {
  it('returns the structure itself, marked as JSON, so rules walk a policy like a map', () => {
    const { document, action } = policy();
    const encoded = call('jsonencode', document);
    expect(encoded.kind).toBe('map');
    expect(encodedAs(encoded)).toBe('json');
    expect(encoded.range).toEqual(CALL);
    // Statement[*].Action is the literal where it is written.
    expect(walk(encoded, 'Statement', 0, 'Action', 0)).toBe(action);
    expect(encodedJson(encoded)).toBe(encoded);
  });

  it('keeps the references of unknowns inside, and is unknown wherever its text is needed', () => {
    const { document } = policy();
    const encoded = call('jsonencode', document) as MapValue;
    expect(walk(encoded, 'Statement', 0, 'Resource')).toMatchObject({ kind: 'unknown', refs: [{ key: 'aws_s3_bucket.logs', attr: 'arn' }] });
    expect(encodedText(encoded)).toMatchObject({ unknown: { refs: [{ key: 'aws_s3_bucket.logs' }] } });
    for (const name of ['sha256', 'length', 'base64encode']) {
      expect(call(name, encoded)).toMatchObject({ kind: 'unknown', range: CALL, refs: [{ key: 'aws_s3_bucket.logs', attr: 'arn' }] });
    }
    expect(call('format', 'policy: %s', encoded)).toMatchObject({ kind: 'unknown', refs: [{ key: 'aws_s3_bucket.logs' }] });
  });

  it('is a string wherever a string is needed: the JSON Terraform writes', () => {
    const encoded = call('jsonencode', map({ hello: 'world' })) as MapValue;
    expect(encodedText(encoded)).toEqual({ text: '{"hello":"world"}' });
    expect(plain(call('length', encoded))).toBe(17);
    expect(plain(call('upper', encoded))).toBe('{"HELLO":"WORLD"}');
    expect(plain(call('sha1', encoded))).toBe(plain(call('sha1', '{"hello":"world"}')));
    expect(plain(call('format', '%s', encoded))).toBe('{"hello":"world"}');
    expect(plain(call('format', '%#v', map({ doc: encoded })))).toBe('{"doc":"{\\"hello\\":\\"world\\"}"}');
    expect(plain(call('merge', encoded))).toEqual(ERROR);
    expect(plain(call('concat', call('jsonencode', list(['a']))))).toEqual(ERROR);
  });

  it('writes minified JSON with sorted keys, numbers in full and HTML characters escaped', () => {
    const value = map({ b: list([1e21, 0.5, -3, true, null]), a: '<a href="x">&</a>\u2028', c: map({}) });
    expect(encodedText(call('jsonencode', value) as MapValue)).toEqual({
      text: '{"a":"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e\\u2028","b":[1000000000000000000000,0.5,-3,true,null],"c":{}}',
    });
    expect(jsonText(map({ '😀': 1, '～': 2 }))).toEqual({ text: '{"～":2,"😀":1}' });
    expect(jsonText(lit('tab\there\u0001'))).toEqual({ text: '"tab\\there\\u0001"' });
  });

  it('gives the JSON text of a single value as a string', () => {
    expect(plain(call('jsonencode', 'hello'))).toBe('"hello"');
    expect(plain(call('jsonencode', 1.5))).toBe('1.5');
    expect(plain(call('jsonencode', null))).toBe('null');
    expect(call('jsonencode', ref('aws_s3_bucket.b'))).toMatchObject({ kind: 'unknown', refs: [{ key: 'aws_s3_bucket.b' }] });
  });

  it('encodes an encoded string as a string', () => {
    const inner = call('jsonencode', map({ a: 1 }));
    expect(plain(call('jsonencode', inner))).toBe('"{\\"a\\":1}"');
  });
});

describe('jsondecode', () => {
  resultTable([
    ['jsondecode', ['{"hello": "world"}'], { hello: 'world' }],
    ['jsondecode', ['true'], true],
    ['jsondecode', ['[1, 2.5, "x", null, {"a": []}]'], [1, 2.5, 'x', null, { a: [] }]],
    ['jsondecode', [' "text" '], 'text'],
  ]);

  errorTable([['{"a": 1,}'], ['{"a": 1, "a": 2}'], [''], ['{} x'], ["{'a': 1}"], ['[1, 2']].map(([text]) => ['jsondecode', [text]]));

  it('points the decoded values at the string, and the whole at the call', () => {
    const text = lit('{"Statement": [{"Action": "*"}]}', at(7, 12));
    const decoded = call('jsondecode', text);
    expect(decoded.range).toEqual(CALL);
    expect(walk(decoded, 'Statement', 0, 'Action')).toEqual({ kind: 'literal', value: '*', range: text.range });
    const fromVariable = lit('{"a": 1}', at(2, 13, 'variables.tf'));
    expect(call('jsondecode', fromVariable)).toMatchObject({ range: CALL, origin: [fromVariable.range] });
  });

  it('points into a file read with file(), at each value', () => {
    const root = scanRoot({
      'policy.json': '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["s3:*"]\n    }\n  ]\n}\n',
    });
    const ctx = context(root);
    const text = callIn(ctx, 'file', 'policy.json');
    const decoded = callIn(ctx, 'jsondecode', text);
    const range = (line: number, start: number, end: number): Range => ({ file: 'policy.json', start: { line, column: start }, end: { line, column: end } });
    expect(walk(decoded, 'Statement', 0, 'Action', 0).range).toEqual(range(5, 18, 24));
    expect((walk(decoded, 'Statement', 0) as MapValue).keyRanges.get('Effect')).toEqual(range(4, 7, 15));
    expect(decoded.range).toEqual({ file: 'policy.json', start: { line: 1, column: 1 }, end: { line: 8, column: 2 } });
  });

  it('gives back the structure of a jsonencode result, without the mark', () => {
    const { document, action } = policy();
    const decoded = call('jsondecode', call('jsonencode', document));
    expect(decoded.kind).toBe('map');
    expect(encodedAs(decoded)).toBeUndefined();
    expect(walk(decoded, 'Statement', 0, 'Action', 0)).toBe(action);
    expect(plain(call('merge', decoded, map({ Id: 'x' })))).toMatchObject({ Id: 'x', Version: '2012-10-17' });
  });

  it('stops at its bounds', () => {
    expect(plain(call('jsondecode', '['.repeat(100) + ']'.repeat(100)))).toEqual(UNKNOWN);
    expect(plain(call('jsondecode', `[${Array.from({ length: 10_001 }, () => '0').join(',')}]`))).toEqual(UNKNOWN);
  });
});

describe('encodedJson', () => {
  it('decodes a JSON object or array written as a string, for rules that read policies', () => {
    const text = lit('{"Statement": {"Action": "*"}}', at(3, 10));
    const structure = encodedJson(text);
    expect(structure?.kind).toBe('map');
    expect(walk(structure as Value, 'Statement', 'Action')).toEqual({ kind: 'literal', value: '*', range: text.range });
    expect((encodedJson(lit(' [1]')) as ListValue).items).toHaveLength(1);
  });

  it('is undefined for anything else', () => {
    expect(encodedJson(lit('arn:aws:s3:::bucket'))).toBeUndefined();
    expect(encodedJson(lit('{not json'))).toBeUndefined();
    expect(encodedJson(lit('"a string"'))).toBeUndefined();
    expect(encodedJson(map({ a: 1 }))).toBeUndefined();
    expect(encodedJson(ref('aws_iam_policy_document.d', 'json'))).toBeUndefined();
  });
});

describe('yamlencode and yamldecode', () => {
  it('keeps the structure of yamlencode, whose text is not reproduced', () => {
    const value = map({ a: 'b' });
    const encoded = call('yamlencode', value);
    expect(encodedAs(encoded)).toBe('yaml');
    expect(walk(encoded, 'a')).toBe(value.entries.get('a'));
    expect(plain(call('sha1', encoded))).toEqual(UNKNOWN);
    expect(plain(call('yamlencode', 'text'))).toEqual(UNKNOWN);
    expect(walk(call('yamldecode', encoded), 'a')).toBe(value.entries.get('a'));
  });

  resultTable([
    ['yamldecode', ['a: 1\nb: [x, "y"]\nc: {d: true}\n'], { a: 1, b: ['x', 'y'], c: { d: true } }],
    ['yamldecode', ['- 1.5\n- ~\n- yes\n'], [1.5, null, 'yes']],
    ['yamldecode', ['base: &b {k: v}\ncopy: *b\n'], { base: { k: 'v' }, copy: { k: 'v' } }],
    ['yamldecode', ['hello'], 'hello'],
    ['yamldecode', ['{"a": [1]}'], { a: [1] }],
  ]);

  errorTable([['a: 1\n---\nb: 2\n'], ['a: 1\na: 2\n'], ['a: [1\n'], ['? [x]\n: 1\n']].map(([text]) => ['yamldecode', [text]]));

  it('decodes a JSON-encoded structure to itself', () => {
    const value = map({ a: 1 });
    expect(walk(call('yamldecode', call('jsonencode', value)), 'a')).toBe(value.entries.get('a'));
  });

  it('stops expanding aliases at its bound', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    expect(plain(call('yamldecode', levels.join('\n')))).toEqual(UNKNOWN);
  });

  it('points into a file read with file()', () => {
    const root = scanRoot({ 'config.yaml': 'users:\n  - name: admin\n' });
    const ctx = context(root);
    const decoded = callIn(ctx, 'yamldecode', callIn(ctx, 'file', 'config.yaml'));
    expect(walk(decoded, 'users', 0, 'name').range).toEqual({ file: 'config.yaml', start: { line: 2, column: 11 }, end: { line: 2, column: 16 } });
  });
});
