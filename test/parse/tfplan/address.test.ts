import { describe, expect, it } from 'vitest';
import { instanceText, parseInstanceAddress, parseTraversal } from '../../../src/parse/tfplan/address';

describe('Terraform addresses', () => {
  it('read modules, keys, data sources and the instance key', () => {
    expect(parseInstanceAddress('module.a["x.y]"].module.b[2].aws_s3_bucket.c["k"]')).toEqual({
      module: [{ name: 'a', key: '"x.y]"' }, { name: 'b', key: '2' }],
      mode: 'managed',
      type: 'aws_s3_bucket',
      name: 'c',
      key: '"k"',
    });
    expect(parseInstanceAddress('data.aws_iam_policy_document.p')).toEqual({ module: [], mode: 'data', type: 'aws_iam_policy_document', name: 'p' });
  });

  it('write one canonical text for every spelling of a key', () => {
    const canonical = (text: string) => instanceText(parseInstanceAddress(text)!);
    expect(canonical('aws_s3_bucket.b["\\u0061"]')).toBe('aws_s3_bucket.b["a"]');
    expect(canonical('module.m[01].aws_s3_bucket.b')).toBe('module.m[1].aws_s3_bucket.b');
  });

  it('refuse text that is not an address', () => {
    for (const text of ['', 'aws_s3_bucket', 'aws_s3_bucket.b.c', 'aws_s3_bucket.b[', 'aws_s3_bucket.b["x]', 'aws_s3_bucket.b[x]', 'a b.c', 'module.m']) {
      expect(parseInstanceAddress(text), text).toBeUndefined();
    }
  });

  it('read references with attributes and indexes after the resource', () => {
    expect(parseTraversal('aws_s3_bucket.b[0].versioning[0].enabled')).toEqual([
      { kind: 'name', name: 'aws_s3_bucket' },
      { kind: 'name', name: 'b' },
      { kind: 'index', key: '0' },
      { kind: 'name', name: 'versioning' },
      { kind: 'index', key: '0' },
      { kind: 'name', name: 'enabled' },
    ]);
    expect(parseTraversal('var.x[')).toBeUndefined();
  });
});
