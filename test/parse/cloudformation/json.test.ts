import { describe, expect, it } from 'vitest';
import { parseText, plain, prop, resource, span } from './helpers';

const TEMPLATE = `{
  "Parameters": { "Env": { "Type": "String", "Default": "prod" } },
  "Resources": {
    "Bucket": {
      "Type": "AWS::S3::Bucket",
      "Properties": {
        "BucketName": { "Fn::Join": ["-", [{ "Ref": "Env" }, "logs"]] },
        "Versioning": { "Status": "Enabled" },
        "Count": 3
      }
    }
  }
}
`;

describe('JSON templates', () => {
  it('resolve like YAML ones, with positions of values and keys', () => {
    const result = parseText(TEMPLATE, { rel: 'app.json' });
    expect(result.notices).toEqual([]);
    const bucket = resource(result, 'Bucket');
    expect(bucket.key).toBe('app.json#Bucket');
    expect(span(bucket.range)).toBe('4:5-4:13');
    expect(plain(bucket.attributes)).toEqual({ BucketName: 'prod-logs', Versioning: { Status: 'Enabled' }, Count: 3 });
    expect(span(prop(result, 'Bucket', 'BucketName')?.range)).toBe('7:23-7:72');
    expect(span(prop(result, 'Bucket', 'Versioning.Status')?.range)).toBe('8:35-8:44');
    expect(span(bucket.attributes.keyRanges.get('Count'))).toBe('9:9-9:16');
    expect(prop(result, 'Bucket', 'BucketName')?.origin?.map(span)).toEqual(['2:57-2:63']);
  });

  it('reject a trailing comma with its line', () => {
    const result = parseText('{\n  "Resources": {\n    "B": { "Type": "AWS::S3::Bucket" },\n  }\n}\n');
    expect(result.resources).toEqual([]);
    expect(result.notices.map((n) => [n.level, n.code, n.range?.start.line, n.range?.start.column])).toEqual([['error', 'parse-error', 4, 3]]);
    expect(result.notices[0].message).toContain('trailing comma');
  });

  it('reject comments', () => {
    const result = parseText('{\n  // a comment\n  "Resources": {}\n}\n');
    expect(result.notices.map((n) => [n.code, n.range?.start.line])).toEqual([['parse-error', 2]]);
    expect(result.notices[0].message).toContain('comment');
  });

  it('reject a missing colon, saying so', () => {
    const result = parseText('{\n  "Resources" {}\n}\n');
    expect(result.notices.map((n) => [n.code, n.range?.start.line])).toEqual([['parse-error', 2]]);
    expect(result.notices[0].message).toContain('colon');
  });

  it('accept a byte-order mark without shifting positions', () => {
    const result = parseText('\uFEFF{"Resources": {"B": {"Type": "AWS::SNS::Topic"}}}');
    expect(result.notices).toEqual([]);
    expect(span(resource(result, 'B').range)).toBe('1:17-1:20');
  });

  it('stop deep nesting with an error', () => {
    const deep = `{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"X": ${'['.repeat(300)}${']'.repeat(300)}}}}}`;
    expect(parseText(deep).notices.map((n) => [n.level, n.code, n.range?.start.line])).toEqual([['error', 'depth-limit', 1]]);
  });

  it('stop nesting a hundred thousand deep before reading it, at the line where it crossed', () => {
    // The JSON reader recurses once per level: this must not reach it (a stack overflow would lose the file's place).
    const hostile = `{"Resources": {"B": {"Type": "AWS::S3::Bucket",\n"Properties": {"X": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}}}`;
    expect(parseText(hostile, { rel: 'deep.json' }).notices.map((n) => [n.level, n.code, n.file, n.range?.start.line])).toEqual([['error', 'depth-limit', 'deep.json', 2]]);
  });

  it('warn about duplicate keys', () => {
    const result = parseText('{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"A": 1, "A": 2}}}}');
    expect(plain(prop(result, 'B', 'A'))).toBe(2);
    expect(result.notices.map((n) => n.code)).toEqual(['duplicate-key']);
  });
});
