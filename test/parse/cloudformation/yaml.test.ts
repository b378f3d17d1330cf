import { describe, expect, it } from 'vitest';
import { cloudformation } from '../../../src/parse/cloudformation';
import { DEFAULT_LIMITS } from '../../../src/parse/format';
import { parseText, plain, prop, resource, span, yaml } from './helpers';
import { Workspace } from '../../../src/parse/workspace';

const BUCKET = yaml(
  'Resources:',
  '  Bucket:',
  '    Type: AWS::S3::Bucket',
  '    Metadata:',
  '      Note: !Join [" ", [hi, there]]',
  '    Properties:',
  '      BucketName: !Sub "${AWS::Partition}-logs"',
  '      Tags:',
  '        - Key: a',
  "          Value: 'b'",
);

describe('YAML templates', () => {
  it('make one resource per logical ID with key, address, type, file and the ID as range', () => {
    const result = parseText(BUCKET, { rel: 'infra/app.yaml' });
    expect(result.notices).toEqual([]);
    const bucket = resource(result, 'Bucket');
    expect(bucket).toMatchObject({
      key: 'infra/app.yaml#Bucket',
      address: 'Bucket',
      type: 'AWS::S3::Bucket',
      format: 'cloudformation',
      family: 'cloudformation',
      file: 'infra/app.yaml',
    });
    expect(bucket.range).toEqual({ file: 'infra/app.yaml', start: { line: 2, column: 3 }, end: { line: 2, column: 9 } });
    expect(plain(bucket.metadata)).toEqual({ Note: 'hi there' });
  });

  it('give every value and key its place in the file', () => {
    const result = parseText(BUCKET);
    const attrs = resource(result, 'Bucket').attributes;
    expect(span(attrs.keyRanges.get('BucketName'))).toBe('7:7-7:17');
    // The Sub's value spans the whole `!Sub "…"`.
    expect(span(prop(result, 'Bucket', 'BucketName')?.range)).toBe('7:19-7:48');
    expect(plain(prop(result, 'Bucket', 'BucketName'))).toBe('aws-logs');
    expect(span(prop(result, 'Bucket', 'Tags.0.Key')?.range)).toBe('9:16-9:17');
    expect(span(prop(result, 'Bucket', 'Tags.0.Value')?.range)).toBe('10:18-10:21');
    const tag = prop(result, 'Bucket', 'Tags.0');
    expect(tag?.kind === 'map' && span(tag.keyRanges.get('Value'))).toBe('10:11-10:16');
  });

  it('give an empty map when Properties is absent, and keep custom and unknown types', () => {
    const result = parseText(yaml('Resources:', '  A: {Type: Custom::Thing}', '  B: {Type: Vendor::Some::Type}'));
    expect(result.resources.map((r) => [r.address, r.type, r.attributes.entries.size])).toEqual([
      ['A', 'Custom::Thing', 0],
      ['B', 'Vendor::Some::Type', 0],
    ]);
  });

  it('report a syntax error with its line, what was expected and that the file was skipped', () => {
    const result = parseText(yaml('Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties:', '\tName: x'), { rel: 'bad.yaml' });
    expect(result.resources).toEqual([]);
    expect(result.notices).toHaveLength(1);
    const [notice] = result.notices;
    expect(notice).toMatchObject({ level: 'error', code: 'parse-error', file: 'bad.yaml' });
    expect(notice.range?.start).toEqual({ line: 5, column: 1 });
    expect(notice.message).toMatch(/tab/i);
    expect(notice.message).toContain('not scanned');
  });

  it('report an unclosed flow sequence at the line where the sequence should have ended', () => {
    const result = parseText(yaml('Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties: [a, b', '  C: {Type: x}'));
    expect(result.notices.map((n) => [n.code, n.range?.start.line])).toEqual([['parse-error', 5]]);
    expect(result.notices[0].message).toContain(']');
  });

  it('reject a second document', () => {
    const result = parseText(yaml('Resources: {}', '---', 'Resources: {}'));
    expect(result.notices.map((n) => [n.code, n.range?.start.line])).toEqual([['parse-error', 2]]);
  });

  it('warn about a duplicate key and keep the later value', () => {
    const result = parseText(yaml('Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties:', '      Name: one', '      Name: two'));
    expect(plain(prop(result, 'B', 'Name'))).toBe('two');
    expect(result.notices.map((n) => [n.level, n.code, n.range?.start.line])).toEqual([['warning', 'duplicate-key', 6]]);
  });

  it('read anchors and aliases', () => {
    const result = parseText(yaml(
      'Resources:',
      '  A:',
      '    Type: AWS::S3::Bucket',
      '    Properties: {Tags: &tags [{Key: team, Value: core}]}',
      '  B:',
      '    Type: AWS::S3::Bucket',
      '    Properties: {Tags: *tags}',
    ));
    expect(plain(prop(result, 'B', 'Tags'))).toEqual([{ Key: 'team', Value: 'core' }]);
  });
});

describe('YAML limits', () => {
  const good = { path: '/scan/good.yaml', rel: 'good.yaml', text: yaml('Resources:', '  Ok: {Type: AWS::S3::Bucket}'), format: 'cloudformation' as const, syntax: 'yaml' as const };
  const parseWith = (text: string, limits = DEFAULT_LIMITS) =>
    cloudformation.parse([{ ...good, path: '/scan/bomb.yaml', rel: 'bomb.yaml', text }, good], { root: '/scan', parameters: new Map(), limits, workspace: new Workspace('/scan', 10 << 20) });

  it('stop an alias bomb with an error naming the file and line; other files are unaffected', () => {
    const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 9; i++) lines.push(`l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
    lines.push('Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties: {Tags: *l9}');
    const result = parseWith(yaml(...lines));
    expect(result.resources.map((r) => r.key)).toEqual(['good.yaml#Ok']);
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0]).toMatchObject({ level: 'error', code: 'alias-limit', file: 'bomb.yaml' });
    expect(result.notices[0].range?.start.line).toBeGreaterThan(0);
  });

  it('count alias expansions against maxAliasCount', () => {
    const text = yaml('a: &a [1]', 'b: [*a, *a, *a]', 'Resources: {}');
    expect(parseWith(text, { ...DEFAULT_LIMITS, maxAliasCount: 3 }).notices).toEqual([]);
    expect(parseWith(text, { ...DEFAULT_LIMITS, maxAliasCount: 2 }).notices.map((n) => [n.code, n.range?.start.line])).toEqual([['alias-limit', 2]]);
  });

  it('stop nesting deeper than maxDepth, block or flow, with the line where it crossed', () => {
    const block = ['Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties:'];
    for (let i = 0; i < 60; i++) block.push(`${' '.repeat(6 + 2 * i)}k${i}:`);
    const result = parseWith(yaml(...block), { ...DEFAULT_LIMITS, maxDepth: 20 });
    expect(result.resources.map((r) => r.key)).toEqual(['good.yaml#Ok']);
    expect(result.notices.map((n) => n.code)).toEqual(['depth-limit']);
    // The map holding k0 (line 5) is at depth 3, so depth 21 is the map holding k18, on line 23.
    expect(result.notices[0].range?.start.line).toBe(23);

    const flow = parseWith(`Resources: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(flow.notices.map((n) => [n.code, n.file, n.range?.start.line])).toEqual([['depth-limit', 'bomb.yaml', 1]]);
  });
});

describe('directive comments', () => {
  it('collect only comments that mention iac-scan, with their place and whether they stand alone', () => {
    const result = parseText(yaml(
      '# iac-scan:ignore S3_001 reason: logs',
      'Resources:',
      '  B:   # iac-scan:ignore X',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      Name: "a # iac-scan not a comment"',
      "      Other: 'x' # a plain comment",
      '      Script: |',
      '        # iac-scan inside a block scalar',
      '      List: [a, # iac-scan in a flow list',
      '        b]',
    ));
    expect(result.comments).toEqual([
      { text: 'iac-scan:ignore S3_001 reason: logs', ownLine: true, range: { file: 'stack/template.yaml', start: { line: 1, column: 1 }, end: { line: 1, column: 38 } } },
      { text: 'iac-scan:ignore X', ownLine: false, range: { file: 'stack/template.yaml', start: { line: 3, column: 8 }, end: { line: 3, column: 27 } } },
      { text: 'iac-scan in a flow list', ownLine: false, range: { file: 'stack/template.yaml', start: { line: 10, column: 17 }, end: { line: 10, column: 42 } } },
    ]);
    expect(plain(prop(result, 'B', 'Script'))).toBe('# iac-scan inside a block scalar\n');
  });

  it('are collected from files that fail to parse too', () => {
    const result = parseText(yaml('# iac-scan:ignore-file', 'Resources: [a'));
    expect(result.comments.map((c) => c.text)).toEqual(['iac-scan:ignore-file']);
    expect(result.notices.map((n) => n.code)).toEqual(['parse-error']);
  });
});
