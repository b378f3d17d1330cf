import { describe, expect, it } from 'vitest';
import { FUNCTION_NAMES, callFunction, isCallError } from '../../../../src/parse/terraform/functions';
import { CALL, ERROR, UNKNOWN, call, context, lit, plain, ref, unknown } from './helpers';

const REQUIRED = `jsonencode jsondecode merge concat lookup format formatlist join split replace lower upper
  title trimspace trim trimprefix trimsuffix substr startswith endswith strcontains tolist toset tomap
  tostring tonumber tobool length element index coalesce coalescelist compact contains distinct flatten
  keys values zipmap slice reverse sort range min max abs ceil floor one alltrue anytrue setunion
  setintersection setsubtract cidrsubnet cidrhost cidrnetmask base64encode base64decode md5 sha1 sha256
  file fileexists templatefile timestamp uuid bcrypt regex regexall yamlencode yamldecode`.split(/\s+/);

describe('the function registry', () => {
  it('has the functions Terraform configurations use', () => {
    for (const name of REQUIRED) expect(FUNCTION_NAMES, name).toContain(name);
  });

  it('leaves try and can to the evaluator, and knows no other names', () => {
    for (const name of ['try', 'can', 'nosuch', 'constructor', 'toString', '__proto__', 'provider::aws::arn_parse']) {
      expect(FUNCTION_NAMES.has(name), name).toBe(false);
      expect(callFunction(name, [], context())).toBeUndefined();
    }
  });

  it('checks the number of arguments', () => {
    expect(plain(call('upper'))).toEqual(ERROR);
    expect(plain(call('upper', 'a', 'b'))).toEqual(ERROR);
    expect(plain(call('lookup', lit('x')))).toEqual(ERROR);
    expect(plain(call('timestamp', 'x'))).toEqual(ERROR);
  });

  it('passes an error on, as Terraform does, so that try() can catch it', () => {
    const error = call('tonumber', 'x');
    expect(isCallError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'unknown', range: CALL, why: expect.stringMatching(/^tonumber\(\) fails in Terraform: /) });
    expect(call('upper', error)).toBe(error);
    expect(call('join', ',', { kind: 'list', items: [lit('a'), error], range: CALL })).toBe(error);
    // An Unknown is not an error.
    expect(isCallError(call('upper', ref('aws_s3_bucket.b')))).toBe(false);
    expect(isCallError(lit('x'))).toBe(false);
  });

  it('says why, with the first reason rather than the chain of calls', () => {
    const inner = call('lower', ref('aws_s3_bucket.b'));
    expect(call('upper', inner)).toMatchObject({ why: 'upper() depends on a value that is not known: refers to aws_s3_bucket.b.id' });
  });

  it('unions the references and secrecy of every argument into an Unknown result', () => {
    const result = call('format', '%s-%s-%s', ref('aws_s3_bucket.a'), ref('aws_s3_bucket.b', 'arn'), unknown('var.token is sensitive', [], true));
    expect(result).toMatchObject({
      kind: 'unknown',
      range: CALL,
      secret: true,
      refs: [
        { key: 'aws_s3_bucket.a', attr: 'id' },
        { key: 'aws_s3_bucket.b', attr: 'arn' },
      ],
    });
  });
});

describe('functions known only when Terraform runs', () => {
  it.each([
    ['timestamp', []],
    ['plantimestamp', []],
    ['uuid', []],
    ['bcrypt', ['password']],
    ['formatdate', ['YYYY', '2024-01-01T00:00:00Z']],
    ['timeadd', ['2024-01-01T00:00:00Z', '1h']],
    ['timecmp', ['2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z']],
  ])('%s(%j) is Unknown', (name, args) => {
    expect(plain(call(name, ...args))).toEqual(UNKNOWN);
  });

  it('keeps the secrecy of what it hashes and marks what it decrypts secret', () => {
    expect(call('bcrypt', unknown('sensitive', [], true))).toMatchObject({ kind: 'unknown', secret: true });
    expect(call('rsadecrypt', ref('aws_instance.w', 'password_data'), 'key')).toMatchObject({
      kind: 'unknown',
      secret: true,
      refs: [{ key: 'aws_instance.w', attr: 'password_data' }],
    });
  });
});
