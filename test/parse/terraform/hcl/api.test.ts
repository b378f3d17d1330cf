import { describe, expect, it } from 'vitest';
import { parseExpression, parseTemplate } from '../../../../src/parse/terraform/hcl';
import { shape } from './helpers';

describe('parseTemplate', () => {
  it('reads a whole text as a template, backslashes and newlines literal, offsets relative to it', () => {
    const { template, errors } = parseTemplate('#!/bin/sh\necho "${name}" \\n $${HOME}\n%{ for p in ports ~}\nopen ${p}\n%{ endfor ~}\n');
    expect(errors).toEqual([]);
    expect(template).toMatchObject({ type: 'Template', start: 0, end: 81 });
    expect(shape(template.parts)).toEqual([
      { type: 'TemplateLiteral', value: '#!/bin/sh\necho "' },
      { type: 'TemplateInterpolation', expr: { type: 'Variable', name: 'name' }, stripLeft: false, stripRight: false },
      { type: 'TemplateLiteral', value: '" \\n ${HOME}\n' },
      {
        type: 'TemplateFor',
        valueVar: 'p',
        collection: { type: 'Variable', name: 'ports' },
        body: [
          { type: 'TemplateLiteral', value: 'open ' },
          { type: 'TemplateInterpolation', expr: { type: 'Variable', name: 'p' }, stripLeft: false, stripRight: false },
          { type: 'TemplateLiteral', value: '\n' },
        ],
      },
      { type: 'TemplateLiteral', value: '' },
    ]);
    expect(template.parts[1]).toMatchObject({ start: 16, end: 23 });
  });

  it('gives a lone interpolation as the only part, and no parts for an empty text', () => {
    expect(shape(parseTemplate('${var.x}').template.parts)).toEqual([
      { type: 'TemplateInterpolation', expr: { type: 'GetAttr', object: { type: 'Variable', name: 'var' }, name: 'x' }, stripLeft: false, stripRight: false },
    ]);
    expect(parseTemplate('').template.parts).toEqual([]);
  });

  it('keeps a trailing $ or % as text', () => {
    expect(shape(parseTemplate('cost: 5$ or 5%').template.parts)).toEqual([{ type: 'TemplateLiteral', value: 'cost: 5$ or 5%' }]);
  });

  it('reports errors with offsets in the text', () => {
    expect(parseTemplate('a ${b').errors).toEqual([{ start: 5, end: 5, message: 'expected "}" to end the interpolation, found end of file' }]);
  });
});

describe('parseExpression', () => {
  it('reads one expression, newlines included', () => {
    const { expr, errors } = parseExpression('[\n  aws_s3_bucket.a,\n  module.b\n]');
    expect(errors).toEqual([]);
    expect(expr).toMatchObject({ type: 'Tuple', start: 0, end: 33, items: [{ type: 'GetAttr', name: 'a' }, { type: 'GetAttr', name: 'b' }] });
    expect(shape(parseExpression('map(object({ a = string }))').expr)).toMatchObject({ type: 'FunctionCall', name: 'map' });
  });

  it('rejects anything after the expression', () => {
    expect(parseExpression('a b')).toEqual({ errors: [{ start: 2, end: 3, message: 'expected the end of the expression, found "b"' }] });
    expect(parseExpression('')).toEqual({ errors: [{ start: 0, end: 0, message: 'expected an expression, found end of file' }] });
  });
});
