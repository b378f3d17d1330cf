import { describe, expect, it } from 'vitest';
import { attr, plain, scanTree, tf } from './helpers';

/** Evaluates `locals` and shows each expression as the attribute of one resource. */
function evaluate(locals: string[], attributes: Record<string, string>, extra: Record<string, string> = {}) {
  const main = tf(
    'locals {',
    ...locals.map((line) => `  ${line}`),
    '}',
    'resource "test_thing" "t" {',
    ...Object.entries(attributes).map(([name, expr]) => `  ${name} = ${expr}`),
    '}',
  );
  const result = scanTree({ 'main.tf': main, ...extra });
  return { result, thing: result.get('test_thing.t'), value: (name: string) => plain(attr(result.get('test_thing.t'), name)) };
}

describe('expressions', () => {
  it('evaluates locals that use each other, in any order, and remembers where a local was written', () => {
    const { result, thing, value } = evaluate(['b = "${local.a}-b"', 'a = "a"', 'list = [local.a, local.b]'], { x: 'local.list', y: 'local.b' });
    expect(value('x')).toEqual(['a', 'a-b']);
    const y = attr(thing, 'y');
    expect(result.textAt(y!.range)).toBe('local.b');
    // Nearest first: the local's template, then the local it took a part from.
    expect(y?.origin?.map((r) => result.textAt(r))).toEqual(['"${local.a}-b"', '"a"']);
  });

  it('a cycle of locals is unknown, with one warning naming the cycle', () => {
    const { result, value } = evaluate(['a = local.b', 'b = local.a'], { x: 'local.a' });
    expect(value('x')).toEqual({ unknown: [] });
    const cycles = result.noticeLines().filter((n) => n.startsWith('reference-cycle'));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toContain('local.a → local.b → local.a');
  });

  it('operators, conditionals and templates', () => {
    const { value } = evaluate(['n = 4', 'on = true'], {
      sum: 'local.n * 2 + 1',
      cmp: 'local.n >= 4 && !false',
      eq: '[1, "a"] == [1, "a"]',
      neq: '1 == "1"',
      cond: 'local.on ? "yes" : "no"',
      text: '"n=${local.n} on=${local.on}"',
      directive: '"%{ if local.on }on%{ else }off%{ endif }"',
      loop: '"%{ for i, x in ["a", "b"] }${i}${x},%{ endfor }"',
      mod: '7 % 3',
      neg: '-local.n',
    });
    expect([value('sum'), value('cmp'), value('eq'), value('neq'), value('cond')]).toEqual([9, true, true, false, 'yes']);
    expect([value('text'), value('directive'), value('loop'), value('mod'), value('neg')]).toEqual(['n=4 on=true', 'on', '0a,1b,', 1, -4]);
  });

  it('a condition that cannot be known gives an unknown, unless both branches are the same', () => {
    const { value } = evaluate([], { differ: 'var.x ? "a" : "b"', same: 'var.x ? "a" : "a"' }, { 'vars.tf': 'variable "x" {}\n' });
    expect(value('differ')).toEqual({ unknown: [] });
    expect(value('same')).toBe('a');
  });

  it('for expressions over lists and maps (maps in key order), with conditions and grouping', () => {
    const { value } = evaluate(['m = { b = 2, a = 1, c = 3 }'], {
      list: '[for k, v in local.m : "${k}=${v}" if v != 2]',
      object: '{ for k, v in local.m : v => k }',
      grouped: '{ for s in ["ab", "ac", "bc"] : substr(s, 0, 1) => s... }',
      indexed: '[for i, x in ["x", "y"] : i]',
    });
    expect(value('list')).toEqual(['a=1', 'c=3']);
    expect(value('object')).toEqual({ 1: 'a', 2: 'b', 3: 'c' });
    expect(value('indexed')).toEqual([0, 1]);
    expect(value('grouped')).toEqual({ a: ['ab', 'ac'], b: ['bc'] });
  });

  it('splats over lists, single values and null', () => {
    const { value } = evaluate(['items = [{ id = 1 }, { id = 2 }]', 'one = { id = 7 }'], {
      all: 'local.items[*].id',
      legacy: 'local.items.*.id',
      single: 'local.one[*].id',
      none: 'null[*]',
      legacyIndex: 'local.items.1.id',
    });
    expect([value('all'), value('legacy'), value('single'), value('none'), value('legacyIndex')]).toEqual([[1, 2], [1, 2], [7], [], 2]);
  });

  it('try and can tell errors from values', () => {
    const { result, value } = evaluate(['obj = { a = 1 }'], {
      fallback: 'try(local.obj.missing, "default")',
      first: 'try(local.obj.a, "default")',
      can: 'can(local.obj.missing)',
      canOk: 'can(local.obj.a)',
      unknownTry: 'try(var.u, "x")',
    }, { 'vars.tf': 'variable "u" {}\n' });
    expect([value('fallback'), value('first'), value('can'), value('canOk')]).toEqual(['default', 1, false, true]);
    expect(value('unknownTry')).toEqual({ unknown: [] });
    expect(result.noticeLines()).toEqual([]);
  });

  it('path.module, path.root and terraform.workspace', () => {
    const { value } = evaluate([], { module: 'path.module', root: 'path.root', workspace: 'terraform.workspace' });
    expect([value('module'), value('root'), value('workspace')]).toEqual(['.', '.', 'default']);
  });

  it('heredocs and object keys that are expressions', () => {
    const { value } = evaluate(['k = "key"'], { doc: '<<-EOT\n    hello ${local.k}\n  EOT', obj: '{ (local.k) = 1, "quoted" = 2 }' });
    expect(value('doc')).toBe('hello key\n');
    expect(value('obj')).toEqual({ key: 1, quoted: 2 });
  });

  it('an unknown part makes a template unknown, keeping the references of its parts', () => {
    const main = tf(
      'resource "aws_s3_bucket" "b" {}',
      'resource "test_thing" "t" {',
      '  name = "logs-${aws_s3_bucket.b.id}"',
      '}',
    );
    const result = scanTree({ 'main.tf': main });
    expect(plain(attr(result.get('test_thing.t'), 'name'))).toEqual({ unknown: ['.#aws_s3_bucket.b.id'] });
  });
});
