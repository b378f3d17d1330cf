import { describe, expect, it } from 'vitest';
import { attr, plain, scanTree, span, tf } from './helpers';

describe('count and for_each', () => {
  it('count = 0 means no resource, and count = 2 two, with count.index', () => {
    const result = scanTree({
      'main.tf': tf(
        'resource "aws_s3_bucket" "none" {',
        '  count = 0',
        '}',
        'resource "aws_s3_bucket" "two" {',
        '  count  = 2',
        '  bucket = "b-${count.index}"',
        '}',
      ),
    });
    expect(result.addresses()).toEqual(['aws_s3_bucket.two[0]', 'aws_s3_bucket.two[1]']);
    expect(plain(attr(result.get('aws_s3_bucket.two[1]'), 'bucket'))).toBe('b-1');
    expect(result.get('aws_s3_bucket.two[1]').key).toBe('.#aws_s3_bucket.two[1]');
    expect(attr(result.get('aws_s3_bucket.two[0]'), 'count')).toBeUndefined();
  });

  it('for_each over a map and a set gives instances by key, in key order, with each.key and each.value', () => {
    const result = scanTree({
      'main.tf': tf(
        'resource "aws_s3_bucket" "by_map" {',
        '  for_each = { prod = "p", dev = "d" }',
        '  bucket   = "${each.key}-${each.value}"',
        '}',
        'resource "aws_s3_bucket" "by_set" {',
        '  for_each = toset(["b", "a"])',
        '  bucket   = each.value',
        '}',
        'resource "aws_s3_bucket" "empty" {',
        '  for_each = {}',
        '}',
      ),
    });
    expect(result.addresses().filter((a) => a.includes('by_map'))).toEqual(['aws_s3_bucket.by_map["dev"]', 'aws_s3_bucket.by_map["prod"]']);
    expect(plain(attr(result.get('aws_s3_bucket.by_map["prod"]'), 'bucket'))).toBe('prod-p');
    expect(result.addresses().filter((a) => a.includes('by_set'))).toEqual(['aws_s3_bucket.by_set["a"]', 'aws_s3_bucket.by_set["b"]']);
    expect(plain(attr(result.get('aws_s3_bucket.by_set["b"]'), 'bucket'))).toBe('b');
    expect(result.addresses().some((a) => a.includes('empty'))).toBe(false);
  });

  it('a count or for_each that cannot be known gives one stand-in instance [*], never none, and a note', () => {
    const result = scanTree({
      'main.tf': tf(
        'variable "n" {}',
        'resource "aws_s3_bucket" "b" {',
        '  count  = var.n',
        '  bucket = "b-${count.index}"',
        '  acl    = "private"',
        '}',
      ),
    });
    expect(result.addresses()).toEqual(['aws_s3_bucket.b[*]']);
    const bucket = result.get('aws_s3_bucket.b[*]');
    expect(plain(attr(bucket, 'acl'))).toBe('private');
    expect(attr(bucket, 'bucket')).toMatchObject({ kind: 'unknown' });
    expect(result.noticeLines()).toEqual([
      'unknown-expansion main.tf:2:1 aws_s3_bucket.b: count cannot be known before deployment, because variable "n" has no value; it is checked as one instance, aws_s3_bucket.b[*], whose count.index is unknown.',
    ]);
  });

  it('an invalid count is a warning and still one stand-in instance', () => {
    const result = scanTree({ 'main.tf': tf('resource "aws_s3_bucket" "b" {', '  count = -1', '}') });
    expect(result.addresses()).toEqual(['aws_s3_bucket.b[*]']);
    expect(result.noticeLines()[0]).toMatch(/^invalid-count main\.tf:2:11/);
  });

  it('references to counted and keyed instances index them', () => {
    const result = scanTree({
      'main.tf': tf(
        'resource "aws_subnet" "s" {',
        '  for_each   = { a = "10.0.1.0/24", b = "10.0.2.0/24" }',
        '  cidr_block = each.value',
        '}',
        'resource "aws_instance" "i" {',
        '  subnet_id = aws_subnet.s["b"].id',
        '  cidr      = aws_subnet.s["a"].cidr_block',
        '  all       = [for s in aws_subnet.s : s.id]',
        '  n         = length(aws_subnet.s)',
        '}',
      ),
    });
    const instance = result.get('aws_instance.i');
    expect(plain(attr(instance, 'subnet_id'))).toEqual({ unknown: ['.#aws_subnet.s["b"].id'] });
    expect(plain(attr(instance, 'cidr'))).toEqual({ unknown: ['.#aws_subnet.s["a"].cidr_block'] });
    expect(plain(attr(instance, 'all'))).toEqual([{ unknown: ['.#aws_subnet.s["a"].id'] }, { unknown: ['.#aws_subnet.s["b"].id'] }]);
  });
});

describe('dynamic blocks', () => {
  const MAIN = tf(
    'variable "rules" {',
    '  default = [{ port = 22, cidr = "0.0.0.0/0" }, { port = 443, cidr = "10.0.0.0/8" }]',
    '}',
    'variable "unknown_rules" {}',
    'resource "aws_security_group" "sg" {',
    '  ingress {',
    '    from_port = 80',
    '  }',
    '  dynamic "ingress" {',
    '    for_each = var.rules',
    '    iterator = rule',
    '    content {',
    '      from_port   = rule.value.port',
    '      cidr_blocks = [rule.value.cidr]',
    '      index       = rule.key',
    '    }',
    '  }',
    '}',
    'resource "aws_security_group" "open" {',
    '  dynamic "egress" {',
    '    for_each = var.unknown_rules',
    '    content {',
    '      from_port = egress.value',
    '    }',
    '  }',
    '}',
  );

  it('expand into nested blocks in place, with the iterator named or defaulted', () => {
    const result = scanTree({ 'main.tf': MAIN });
    const sg = result.get('aws_security_group.sg');
    expect(plain(attr(sg, 'ingress'))).toEqual([
      { from_port: 80 },
      { from_port: 22, cidr_blocks: ['0.0.0.0/0'], index: 0 },
      { from_port: 443, cidr_blocks: ['10.0.0.0/8'], index: 1 },
    ]);
    // The key of a nested block type points at its first block's type word.
    expect(span(sg.attributes.keyRanges.get('ingress'))).toBe('6:3-6:10');
    // A value from the variable's default is shown at the content, remembering the default.
    const cidr = attr(sg, 'ingress.1.cidr_blocks.0');
    expect(result.textAt(cidr!.range)).toBe('rule.value.cidr');
    expect(cidr?.origin?.map((r) => result.textAt(r))).toContain('"0.0.0.0/0"');
  });

  it('a for_each that cannot be known adds one unknown block', () => {
    const result = scanTree({ 'main.tf': MAIN });
    expect(attr(result.get('aws_security_group.open'), 'egress.0')).toMatchObject({ kind: 'unknown' });
  });
});
