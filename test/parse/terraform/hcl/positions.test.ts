import { describe, expect, it } from 'vitest';
import type { Attribute, Block, Expression, ObjectExpr, TemplateExpr } from '../../../../src/parse/terraform/hcl/ast';
import { blocks, parseClean, source } from './helpers';

const text = [
  '# leading comment',
  'resource "aws_s3_bucket" logs {',
  '  bucket = "logs-${var.env}"',
  '  tags = { Name = upper(local.name), "k" = var.list[0] }',
  '  acl = var.public ? "public-read" : "private" # trailing',
  '  one { x = -a.b.c }',
  '  user_data = <<-EOT',
  '    #!/bin/sh',
  '    echo ${var.name}',
  '    EOT',
  '}',
  '',
].join('\n');

const parsed = parseClean(text);
const block = blocks(parsed)[0];
const attribute = (name: string, within: Block = block): Attribute => {
  const found = within.body.items.find((i): i is Attribute => i.type === 'Attribute' && i.name === name);
  if (!found) throw new Error(name);
  return found;
};
const at = (span: { start: number; end: number }) => source(text, span);

describe('positions', () => {
  it('span whole blocks, their type, labels and braced body', () => {
    expect(at(block)).toBe(text.slice(text.indexOf('resource'), text.lastIndexOf('}') + 1));
    expect(at(block.typeSpan)).toBe('resource');
    expect(block.labels.map(at)).toEqual(['"aws_s3_bucket"', 'logs']);
    expect(at(block.body).startsWith('{\n  bucket')).toBe(true);
    expect(at(block.body).endsWith('EOT\n}')).toBe(true);
    expect(at(parsed.body)).toBe(text);
  });

  it('span attributes from name to the end of the value, not the comment after', () => {
    const acl = attribute('acl');
    expect(at(acl)).toBe('acl = var.public ? "public-read" : "private"');
    expect(at(acl.nameSpan)).toBe('acl');
    expect(at(acl.value)).toBe('var.public ? "public-read" : "private"');
  });

  it('span template parts, interpolations and the expressions inside', () => {
    const value = attribute('bucket').value as TemplateExpr;
    expect(at(value)).toBe('"logs-${var.env}"');
    expect(value.parts.map(at)).toEqual(['logs-', '${var.env}']);
    const interpolation = value.parts[1];
    expect(interpolation.type === 'TemplateInterpolation' && at(interpolation.expr)).toBe('var.env');
    expect(interpolation.type === 'TemplateInterpolation' && interpolation.expr.type === 'GetAttr' && at(interpolation.expr.nameSpan)).toBe('env');
  });

  it('span object items, keys, values and nested calls and indexes', () => {
    const tags = attribute('tags').value as ObjectExpr;
    expect(at(tags)).toBe('{ Name = upper(local.name), "k" = var.list[0] }');
    expect(tags.items.map(at)).toEqual(['Name = upper(local.name)', '"k" = var.list[0]']);
    expect(tags.items.map((i) => at(i.key))).toEqual(['Name', '"k"']);
    const call = tags.items[0].value;
    expect(call.type === 'FunctionCall' && [at(call), at(call.nameSpan), at(call.args[0])]).toEqual(['upper(local.name)', 'upper', 'local.name']);
    const index = tags.items[1].value;
    expect(index.type === 'Index' && [at(index), at(index.collection), at(index.key)]).toEqual(['var.list[0]', 'var.list', '0']);
  });

  it('span conditionals and their branches', () => {
    const acl = attribute('acl').value;
    expect(acl.type === 'Conditional' && [acl.condition, acl.then, acl.else].map(at)).toEqual(['var.public', '"public-read"', '"private"']);
  });

  it('span one-line blocks and unary operators', () => {
    const one = block.body.items.find((i): i is Block => i.type === 'Block')!;
    expect(at(one)).toBe('one { x = -a.b.c }');
    expect(at(one.body)).toBe('{ x = -a.b.c }');
    const x: Expression = attribute('x', one).value;
    expect(x.type === 'Unary' && [at(x), at(x.operand)]).toEqual(['-a.b.c', 'a.b.c']);
  });

  it('span heredocs up to the closing marker, and their parts after the indentation is removed', () => {
    const heredoc = attribute('user_data').value as TemplateExpr;
    expect(at(heredoc)).toBe('<<-EOT\n    #!/bin/sh\n    echo ${var.name}\n    EOT');
    expect(heredoc.parts.map(at)).toEqual(['#!/bin/sh\n    echo ', '${var.name}', '\n']);
  });

  it('span comments without their newline', () => {
    expect(parsed.comments.map(at)).toEqual(['# leading comment', '# trailing']);
  });

  it('span for-expressions and splats', () => {
    const p = parseClean('v = [for x in a[*].b : x.c if x != null]\n');
    const f = (p.body.items[0] as Attribute).value;
    const at2 = (span: { start: number; end: number }) => source('v = [for x in a[*].b : x.c if x != null]\n', span);
    expect(f.type === 'For' && [at2(f), at2(f.collection), at2(f.value), at2(f.condition!)]).toEqual(['[for x in a[*].b : x.c if x != null]', 'a[*].b', 'x.c', 'x != null']);
    const splat = f.type === 'For' ? f.collection : f;
    expect(splat.type === 'Splat' && [at2(splat.source), at2(splat.each)]).toEqual(['a', '[*].b']);
  });

  it('count offsets in UTF-16 code units, like the text', () => {
    const t = 'a = "😀${x}"\n';
    const value = (parseClean(t).body.items[0] as Attribute).value as TemplateExpr;
    expect(value.parts.map((p) => source(t, p))).toEqual(['😀', '${x}']);
  });
});
