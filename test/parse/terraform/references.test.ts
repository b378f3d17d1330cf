import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../../../src/graph/graph';
import { attr, plain, scanTree, tf } from './helpers';

const MAIN = tf(
  'resource "aws_s3_bucket" "logs" {',
  '  bucket = "my-logs"',
  '  count  = 2',
  '}',
  'resource "aws_s3_bucket" "data" {',
  '  bucket = "data-${aws_s3_bucket.logs[0].bucket}"',
  '  tags   = { Name = "data" }',
  '}',
  'resource "aws_s3_bucket_logging" "l" {',
  '  bucket        = aws_s3_bucket.data.id',
  '  target_bucket = aws_s3_bucket.logs[1].bucket',
  '  all_arns      = aws_s3_bucket.logs[*].arn',
  '  name_tag      = aws_s3_bucket.data.tags.Name',
  '  upper         = aws_s3_bucket.data.tags["Name"] == "data" ? "tagged" : "untagged"',
  '  vpc           = data.aws_vpc.main.id',
  '  computed      = aws_s3_bucket.data.bucket_domain_name',
  '}',
  'data "aws_vpc" "main" {',
  '  default = true',
  '}',
);

describe('references between resources', () => {
  it('an id or arn is unknown and names the resource it belongs to (a graph edge)', () => {
    const logging = scanTree({ 'main.tf': MAIN }).get('aws_s3_bucket_logging.l');
    expect(attr(logging, 'bucket')).toMatchObject({
      kind: 'unknown',
      why: 'aws_s3_bucket.data.id is known only after apply',
      refs: [{ key: '.#aws_s3_bucket.data', attr: 'id' }],
    });
    expect(plain(attr(logging, 'all_arns'))).toEqual([
      { unknown: ['.#aws_s3_bucket.logs[0].arn'] },
      { unknown: ['.#aws_s3_bucket.logs[1].arn'] },
    ]);
    expect(plain(attr(logging, 'computed'))).toEqual({ unknown: ['.#aws_s3_bucket.data.bucket_domain_name'] });
  });

  it('an attribute set in the configuration stays a reference where it is the value, and is its value inside expressions', () => {
    const result = scanTree({ 'main.tf': MAIN });
    const logging = result.get('aws_s3_bucket_logging.l');
    expect(plain(attr(logging, 'target_bucket'))).toEqual({ unknown: ['.#aws_s3_bucket.logs[1].bucket'] });
    expect(plain(attr(logging, 'name_tag'))).toEqual({ unknown: ['.#aws_s3_bucket.data.tags'] });
    expect(plain(attr(logging, 'upper'))).toBe('tagged');
    expect(plain(attr(result.get('aws_s3_bucket.data'), 'bucket'))).toBe('data-my-logs');
  });

  it('the graph sees the edges, at the attribute that holds them', () => {
    const result = scanTree({ 'main.tf': MAIN });
    const graph = new ResourceGraph(result.resources);
    const edges = graph.references(result.get('aws_s3_bucket_logging.l')).map((e) => `${e.path} -> ${e.to.address}${e.attr ? `.${e.attr}` : ''}`);
    expect(edges).toEqual([
      'bucket -> aws_s3_bucket.data.id',
      'target_bucket -> aws_s3_bucket.logs[1].bucket',
      'all_arns[0] -> aws_s3_bucket.logs[0].arn',
      'all_arns[1] -> aws_s3_bucket.logs[1].arn',
      'name_tag -> aws_s3_bucket.data.tags',
      'computed -> aws_s3_bucket.data.bucket_domain_name',
    ]);
  });

  it('data sources are not resources; a reference to one names it all the same', () => {
    const result = scanTree({ 'main.tf': MAIN });
    expect(result.addresses()).not.toContain('data.aws_vpc.main');
    expect(plain(attr(result.get('aws_s3_bucket_logging.l'), 'vpc'))).toEqual({ unknown: ['.#data.aws_vpc.main.id'] });
  });

  it('a resource that references itself is unknown there, with a warning', () => {
    const result = scanTree({ 'main.tf': tf('resource "aws_s3_bucket" "b" {', '  bucket = "x"', '  tags = { n = aws_s3_bucket.b.bucket }', '}') });
    expect(plain(attr(result.get('aws_s3_bucket.b'), 'bucket'))).toBe('x');
    expect(plain(attr(result.get('aws_s3_bucket.b'), 'tags.n'))).toEqual({ unknown: ['.#aws_s3_bucket.b.bucket'] });
    expect(result.noticeLines().filter((n) => n.startsWith('reference-cycle'))).toHaveLength(1);
  });

  it('a reference to an undeclared resource is unknown, with a warning', () => {
    const result = scanTree({ 'main.tf': tf('resource "aws_s3_bucket" "b" {', '  bucket = aws_s3_bucket.missing.id', '}') });
    expect(plain(attr(result.get('aws_s3_bucket.b'), 'bucket'))).toEqual({ unknown: [] });
    expect(result.noticeLines()).toEqual([expect.stringMatching(/^unknown-reference main\.tf:2:12 aws_s3_bucket\.missing is not declared/)]);
  });
});
