import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/parse/terraform/limits';
import { attr, plain, scanTree, tf } from './helpers';

const codes = (notices: { code: string }[]) => [...new Set(notices.map((n) => n.code))];

describe('hostile input stays cheap', () => {
  it('a huge count is cut at the instance limit, with a warning', () => {
    const result = scanTree({ 'main.tf': tf('resource "aws_s3_bucket" "b" {', '  count = 1000000000', '}') });
    expect(result.resources).toHaveLength(LIMITS.instances);
    expect(codes(result.notices)).toEqual(['instance-limit']);
  });

  it('strings that double at every step stop at the text limit', () => {
    const locals = ['a0 = "0123456789abcdef"', ...Array.from({ length: 40 }, (_, i) => `a${i + 1} = "\${local.a${i}}\${local.a${i}}"`)];
    const result = scanTree({ 'main.tf': tf('locals {', ...locals, '}', 'resource "test_thing" "t" {', '  big = local.a40', '  small = local.a2', '}') });
    const thing = result.get('test_thing.t');
    expect(attr(thing, 'big')).toMatchObject({ kind: 'unknown' });
    expect(plain(attr(thing, 'small'))).toHaveLength(64);
    expect(codes(result.notices)).toEqual(['text-limit']);
  });

  it('a long chain of locals stops at the nesting limit instead of the stack', () => {
    const locals = ['l0 = "end"', ...Array.from({ length: 3000 }, (_, i) => `l${i + 1} = local.l${i}`)];
    const result = scanTree({ 'main.tf': tf('locals {', ...locals, '}', 'resource "test_thing" "t" {', '  deep = local.l3000', '  near = local.l5', '}') });
    const thing = result.get('test_thing.t');
    expect(attr(thing, 'deep')).toMatchObject({ kind: 'unknown' });
    expect(plain(attr(thing, 'near'))).toBe('end');
    expect(codes(result.notices)).toEqual(['nesting-limit']);
  });

  it('nested for expressions stop at the evaluation limit', () => {
    const items = `[${Array.from({ length: 60 }, (_, i) => i).join(', ')}]`;
    const result = scanTree({
      'main.tf': tf(
        'locals {',
        `  xs = ${items}`,
        '  all = [for a in local.xs : [for b in local.xs : [for c in local.xs : [for d in local.xs : a + b + c + d]]]]',
        '}',
        'resource "test_thing" "t" {',
        '  all = local.all',
        '}',
      ),
    });
    expect(attr(result.get('test_thing.t'), 'all')).toMatchObject({ kind: 'list' });
    expect(codes(result.notices)).toEqual(['evaluation-limit']);
  });

  it('modules nested deeper than the depth limit are not followed', () => {
    const depth = LIMITS.moduleDepth + 2;
    const files: Record<string, string> = {};
    for (let i = 0; i < depth; i++) files[`m${i}/main.tf`] = tf(`module "next" {`, `  source = "../m${i + 1}"`, '}', 'resource "aws_s3_bucket" "b" {}');
    files[`m${depth}/main.tf`] = tf('resource "aws_s3_bucket" "b" {}');
    const result = scanTree(files);
    expect(result.resources).toHaveLength(LIMITS.moduleDepth + 1);
    expect(codes(result.notices)).toEqual(['module-depth']);
  });
});
