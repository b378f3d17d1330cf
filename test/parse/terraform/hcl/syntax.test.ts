import { describe, expect, it } from 'vitest';
import type { Block, Expression, TemplateExpr } from '../../../../src/parse/terraform/hcl/ast';
import { blocks, expr, parseClean, shape } from './helpers';

const v = (name: string) => ({ type: 'Variable', name });
const n = (value: number) => ({ type: 'Literal', value });
const bin = (operator: string, left: unknown, right: unknown) => ({ type: 'Binary', operator, left, right });
const attr = (object: unknown, name: string) => ({ type: 'GetAttr', object, name });
const lit = (value: string) => ({ type: 'TemplateLiteral', value });
const interp = (e: unknown, stripLeft = false, stripRight = false) => ({ type: 'TemplateInterpolation', expr: e, stripLeft, stripRight });
const item = { type: 'SplatItem' };

function template(source: string): TemplateExpr {
  const e = expr(source);
  if (e.type !== 'Template') throw new Error(`not a template: ${e.type}`);
  return e;
}

/** The text of a template made of literal parts only. */
function text(source: string): string {
  const parts = template(source).parts;
  expect(parts.every((p) => p.type === 'TemplateLiteral')).toBe(true);
  return parts.map((p) => (p.type === 'TemplateLiteral' ? p.value : '')).join('');
}

describe('structure', () => {
  it('reads attributes and blocks with quoted and identifier labels, in source order', () => {
    const parsed = parseClean('a = 1\nresource "aws_s3_bucket" b {\n  x = 2\n  nested {\n  }\n}\nc = 3\n');
    expect(parsed.body.items.map((i) => (i.type === 'Attribute' ? `attr ${i.name}` : `block ${i.blockType}`))).toEqual(['attr a', 'block resource', 'attr c']);
    const [resource] = blocks(parsed);
    expect(resource.labels.map((l) => l.value)).toEqual(['aws_s3_bucket', 'b']);
    expect(shape(resource.body.items)).toEqual([
      { type: 'Attribute', name: 'x', value: n(2) },
      { type: 'Block', blockType: 'nested', labels: [], body: { type: 'Body', items: [] } },
    ]);
  });

  it('reads one-line blocks, with one attribute or none', () => {
    const [one, none] = blocks(parseClean('metadata_options { http_tokens = "required" }\nempty {}\n'));
    expect(shape(one.body.items)).toEqual([{ type: 'Attribute', name: 'http_tokens', value: { type: 'Template', parts: [lit('required')] } }]);
    expect(none.body.items).toEqual([]);
  });

  it('decodes escapes in quoted labels, and takes dashes in names', () => {
    const [block] = blocks(parseClean('my-block "a\\"b\\u00e9" "$${x}" {\n  my-attr = 1\n}\n'));
    expect(block.blockType).toBe('my-block');
    expect(block.labels.map((l) => l.value)).toEqual(['a"bé', '${x}']);
    expect(block.body.items[0]).toMatchObject({ name: 'my-attr' });
  });

  it('takes Unicode identifiers', () => {
    expect(shape(parseClean('ünïcödé_名前 = 1\n').body.items[0])).toMatchObject({ name: 'ünïcödé_名前' });
  });

  it('treats CRLF line endings like LF', () => {
    const crlf = parseClean('a = 1\r\nb {\r\n  c = <<EOT\r\nx\r\nEOT\r\n}\r\n');
    expect(shape(crlf.body.items)).toEqual([
      { type: 'Attribute', name: 'a', value: n(1) },
      { type: 'Block', blockType: 'b', labels: [], body: { type: 'Body', items: [{ type: 'Attribute', name: 'c', value: { type: 'Template', parts: [lit('x\r\n')], heredoc: { marker: 'EOT', indented: false } } }] } },
    ]);
  });

  it('skips a byte-order mark', () => {
    expect(shape(parseClean('\uFEFFa = 1\n').body.items)).toEqual([{ type: 'Attribute', name: 'a', value: n(1) }]);
  });
});

describe('literals', () => {
  it('reads numbers, keeping them as written', () => {
    const values = ['0', '42', '3.14', '1e3', '1E3', '1.5e-3', '2.5E+2', '1.e5', '007'].map((raw) => expr(raw));
    expect(values.map((e) => (e.type === 'Literal' ? [e.value, e.raw] : e.type))).toEqual([
      [0, '0'],
      [42, '42'],
      [3.14, '3.14'],
      [1000, '1e3'],
      [1000, '1E3'],
      [0.0015, '1.5e-3'],
      [250, '2.5E+2'],
      [100000, '1.e5'],
      [7, '007'],
    ]);
    expect(expr('12345678901234567890')).toMatchObject({ raw: '12345678901234567890' });
  });

  it('reads true, false and null as literals, and other names as variables', () => {
    expect([expr('true'), expr('false'), expr('null'), expr('nil')].map(shape)).toEqual([
      { type: 'Literal', value: true },
      { type: 'Literal', value: false },
      { type: 'Literal', value: null },
      v('nil'),
    ]);
  });
});

describe('operators', () => {
  it('binds * / % tighter than + -, and those tighter than comparisons', () => {
    expect(shape(expr('1 + 2 * 3'))).toEqual(bin('+', n(1), bin('*', n(2), n(3))));
    expect(shape(expr('a < b + 1 == c'))).toEqual(bin('==', bin('<', v('a'), bin('+', v('b'), n(1))), v('c')));
  });

  it('binds && tighter than ||, and == tighter than &&', () => {
    expect(shape(expr('a || b && c == d'))).toEqual(bin('||', v('a'), bin('&&', v('b'), bin('==', v('c'), v('d')))));
  });

  it('associates left within a precedence level', () => {
    expect(shape(expr('10 - 4 - 3'))).toEqual(bin('-', bin('-', n(10), n(4)), n(3)));
    expect(shape(expr('8 / 4 % 3'))).toEqual(bin('%', bin('/', n(8), n(4)), n(3)));
  });

  it('binds unary operators tighter than binary ones but looser than traversals', () => {
    expect(shape(expr('-a.b * c'))).toEqual(bin('*', { type: 'Unary', operator: '-', operand: attr(v('a'), 'b') }, v('c')));
    expect(shape(expr('!!x'))).toEqual({ type: 'Unary', operator: '!', operand: { type: 'Unary', operator: '!', operand: v('x') } });
    expect(shape(expr('-1 - -2'))).toEqual(bin('-', { type: 'Unary', operator: '-', operand: n(1) }, { type: 'Unary', operator: '-', operand: n(2) }));
  });

  it('nests conditionals to the right, below every binary operator', () => {
    expect(shape(expr('a ? b : c ? d : e'))).toEqual({
      type: 'Conditional',
      condition: v('a'),
      then: v('b'),
      else: { type: 'Conditional', condition: v('c'), then: v('d'), else: v('e') },
    });
    expect(shape(expr('a || b ? 1 : 2 + 3'))).toEqual({ type: 'Conditional', condition: bin('||', v('a'), v('b')), then: n(1), else: bin('+', n(2), n(3)) });
  });

  it('keeps parentheses', () => {
    expect(shape(expr('(1 + 2) * 3'))).toEqual(bin('*', { type: 'Paren', expr: bin('+', n(1), n(2)) }, n(3)));
  });

  it('lets newlines inside parentheses and brackets be whitespace', () => {
    expect(shape(expr('(\n  a\n  + b\n)'))).toEqual({ type: 'Paren', expr: bin('+', v('a'), v('b')) });
    expect(shape(expr('[a ?\n b : c]'))).toEqual({ type: 'Tuple', items: [{ type: 'Conditional', condition: v('a'), then: v('b'), else: v('c') }] });
  });
});

describe('traversals', () => {
  it('reads attribute access, indexes and the legacy index form', () => {
    expect(shape(expr('a.b[0]["k"].c'))).toEqual(
      attr({ type: 'Index', collection: { type: 'Index', collection: attr(v('a'), 'b'), key: n(0) }, key: { type: 'Template', parts: [lit('k')] } }, 'c'),
    );
    expect(shape(expr('aws_instance.web.0.id'))).toEqual(attr(attr(attr(v('aws_instance'), 'web'), '0'), 'id'));
  });

  it('applies traversals to any term', () => {
    expect(shape(expr('f(x)[0]'))).toMatchObject({ type: 'Index', collection: { type: 'FunctionCall', name: 'f' } });
    expect(shape(expr('[1, 2][1]'))).toMatchObject({ type: 'Index', collection: { type: 'Tuple' } });
  });

  it('puts every traversal after [*] into the splat, and only attributes after .*', () => {
    expect(shape(expr('a[*].b[0]'))).toEqual({ type: 'Splat', source: v('a'), each: { type: 'Index', collection: attr(item, 'b'), key: n(0) }, full: true });
    expect(shape(expr('a.*.b[0]'))).toEqual({ type: 'Index', collection: { type: 'Splat', source: v('a'), each: attr(item, 'b'), full: false }, key: n(0) });
    expect(shape(expr('a.*.b.0'))).toEqual({ type: 'Splat', source: v('a'), each: attr(attr(item, 'b'), '0'), full: false });
    expect(shape(expr('a[*]'))).toEqual({ type: 'Splat', source: v('a'), each: item, full: true });
  });

  it('nests full splats', () => {
    expect(shape(expr('g[*].m[*].n'))).toEqual({
      type: 'Splat',
      source: v('g'),
      each: { type: 'Splat', source: attr(item, 'm'), each: attr(item, 'n'), full: true },
      full: true,
    });
  });
});

describe('function calls', () => {
  it('reads arguments, a trailing comma and the expansion of the last argument', () => {
    expect(shape(expr('f(1, "a",\n  b,\n)'))).toEqual({ type: 'FunctionCall', name: 'f', args: [n(1), { type: 'Template', parts: [lit('a')] }, v('b')], expandFinal: false });
    expect(shape(expr('concat(a, b...)'))).toEqual({ type: 'FunctionCall', name: 'concat', args: [v('a'), v('b')], expandFinal: true });
    expect(shape(expr('timestamp()'))).toEqual({ type: 'FunctionCall', name: 'timestamp', args: [], expandFinal: false });
  });

  it('reads provider-defined function names whole', () => {
    expect(expr('provider::aws::arn_parse(x)')).toMatchObject({ type: 'FunctionCall', name: 'provider::aws::arn_parse', nameSpan: { start: 4, end: 28 } });
  });
});

describe('collections', () => {
  it('reads tuples with commas, newlines and a trailing comma', () => {
    expect(shape(expr('[\n  1,\n  2,\n]'))).toEqual({ type: 'Tuple', items: [n(1), n(2)] });
  });

  it('reads object items separated by commas or newlines, with = or :', () => {
    expect(shape(expr('{\n  a = 1, b: 2\n  c = 3,\n}'))).toEqual({
      type: 'Object',
      items: [
        { key: v('a'), value: n(1) },
        { key: v('b'), value: n(2) },
        { key: v('c'), value: n(3) },
      ],
    });
  });

  it('keeps every kind of object key', () => {
    const keys = expr('{ a = 1, "q" = 2, (k) = 3, a.b = 4, 5 = 6, "${x}" = 7 }');
    expect(keys.type === 'Object' && keys.items.map((i) => shape(i.key))).toEqual([
      v('a'),
      { type: 'Template', parts: [lit('q')] },
      { type: 'Paren', expr: v('k') },
      attr(v('a'), 'b'),
      n(5),
      { type: 'Template', parts: [interp(v('x'))] },
    ]);
  });

  it('reads tuple for-expressions with one or two variables and a condition', () => {
    expect(shape(expr('[for s in l : upper(s)]'))).toEqual({
      type: 'For',
      valueVar: 's',
      collection: v('l'),
      value: { type: 'FunctionCall', name: 'upper', args: [v('s')], expandFinal: false },
      grouping: false,
    });
    expect(shape(expr('[\n  for i, s in l :\n  s\n  if i > 0\n]'))).toEqual({
      type: 'For',
      keyVar: 'i',
      valueVar: 's',
      collection: v('l'),
      value: v('s'),
      condition: bin('>', v('i'), n(0)),
      grouping: false,
    });
  });

  it('reads object for-expressions with grouping', () => {
    expect(shape(expr('{for k, v in m : v => k... if k != ""}'))).toEqual({
      type: 'For',
      keyVar: 'k',
      valueVar: 'v',
      collection: v('m'),
      key: v('v'),
      value: v('k'),
      condition: bin('!=', v('k'), { type: 'Template', parts: [] }),
      grouping: true,
    });
  });
});

describe('quoted templates', () => {
  it('decodes escapes and the doubled sequence introducers', () => {
    expect(text('"a\\tb\\nc\\rd\\"e\\\\f"')).toBe('a\tb\nc\rd"e\\f');
    expect(text('"\\u00e9\\U0001F600"')).toBe('é😀');
    expect(text('"$${x} %%{y} $ % $x"')).toBe('${x} %{y} $ % $x');
  });

  it('normalises literal text to NFC, as HCL does', () => {
    expect(text('"e\\u0301"')).toBe('\u00e9');
    expect(text('"e\u0301"')).toBe('\u00e9');
  });

  it('splits text and interpolations', () => {
    expect(shape(template('"a${x}b${ y }"').parts)).toEqual([lit('a'), interp(v('x')), lit('b'), interp(v('y'))]);
    expect(shape(template('"${x}"').parts)).toEqual([interp(v('x'))]);
    expect(template('""').parts).toEqual([]);
  });

  it('applies strip markers to the adjacent text', () => {
    expect(shape(template('"a \\n ${~ x ~} \\t b"').parts)).toEqual([lit('a'), interp(v('x'), true, true), lit('b')]);
  });

  it('keeps text emptied by a strip marker, so the template is no lone interpolation', () => {
    expect(shape(template('"${x ~} "').parts)).toEqual([interp(v('x'), false, true), lit('')]);
  });

  it('nests templates inside interpolations', () => {
    expect(shape(template('"a${"b${c}"}"').parts)).toEqual([lit('a'), interp({ type: 'Template', parts: [lit('b'), interp(v('c'))] })]);
  });

  it('pairs if, else and for directives, with strip markers', () => {
    expect(shape(template('"%{ if a ~} yes %{~ else ~} no %{~ endif }"').parts)).toEqual([
      { type: 'TemplateIf', condition: v('a'), then: [lit('yes')], else: [lit('no')] },
    ]);
    expect(shape(template('"%{if a}y%{endif}"').parts)).toEqual([{ type: 'TemplateIf', condition: v('a'), then: [lit('y')] }]);
    expect(shape(template('"%{for k, x in m}${k}%{if x}!%{endif}%{endfor}"').parts)).toEqual([
      { type: 'TemplateFor', keyVar: 'k', valueVar: 'x', collection: v('m'), body: [interp(v('k')), { type: 'TemplateIf', condition: v('x'), then: [lit('!')] }] },
    ]);
  });
});

describe('heredocs', () => {
  function heredoc(source: string): TemplateExpr {
    const e: Expression = expr(source);
    expect(e.type).toBe('Template');
    return e as TemplateExpr;
  }

  it('keeps a plain heredoc as written, backslashes included', () => {
    const h = heredoc('<<EOT\n  a \\n\n\tb ${x}\nEOT\n');
    expect(h.heredoc).toEqual({ marker: 'EOT', indented: false });
    expect(shape(h.parts)).toEqual([lit('  a \\n\n\tb '), interp(v('x')), lit('\n')]);
  });

  it('removes the common indentation of <<- heredocs, not counting blank lines', () => {
    expect(text('<<-EOT\n    a\n\n      b\n    EOT\n')).toBe('a\n\n  b\n');
    // A tab counts as one space.
    expect(text('<<-EOT\n\t\tone\n\t  two\n  EOT\n')).toBe('one\n two\n');
  });

  it('counts a line starting with an interpolation as not indented', () => {
    expect(shape(heredoc('<<-EOT\n${x}\n    y\n    EOT\n').parts)).toEqual([interp(v('x')), lit('\n    y\n')]);
  });

  it('ends at a line holding only the marker, whatever its indentation', () => {
    expect(text('<<EOT\nEOT2\n EOTX\n   EOT   \n')).toBe('EOT2\n EOTX\n');
    expect(text('<<EOT\nEOT\n')).toBe('');
  });

  it('strips only the adjacent line with strip markers, as HCL does', () => {
    expect(shape(heredoc('<<EOT\na\n\n${x ~}\n\n  b\nEOT\n').parts)).toEqual([lit('a\n\n'), interp(v('x'), false, true), lit('\n  b\n')]);
    expect(shape(heredoc('<<EOT\n%{ for s in l ~}\n- ${s}\n%{ endfor ~}\nEOT\n').parts)).toEqual([
      { type: 'TemplateFor', valueVar: 's', collection: v('l'), body: [lit('- '), interp(v('s')), lit('\n')] },
      lit(''),
    ]);
  });

  it('sits inside other expressions, the closing line ending the heredoc only', () => {
    const call = expr('f(<<EOT\nx\nEOT\n, 2)');
    expect(shape(call)).toEqual({ type: 'FunctionCall', name: 'f', args: [{ type: 'Template', parts: [lit('x\n')], heredoc: { marker: 'EOT', indented: false } }, n(2)], expandFinal: false });
  });
});

describe('comments', () => {
  it('collects every comment with its text and whether it has its line to itself', () => {
    const parsed = parseClean('# one\nx = 1 // two\n/* three\n */\ny = [ /* four */ 1 ] # five\n  // six');
    expect(parsed.comments.map((c) => [c.text, c.ownLine])).toEqual([
      ['one', true],
      ['two', false],
      ['three', true],
      ['four', false],
      ['five', false],
      ['six', true],
    ]);
    expect(blocks(parsed)).toEqual([]);
  });

  it('does not see comments in strings or heredocs', () => {
    expect(parseClean('a = "# no"\nb = <<EOT\n// no\nEOT\n').comments).toEqual([]);
  });

  it('sees comments inside interpolations', () => {
    expect(parseClean('a = "${x /* yes */}"\n').comments.map((c) => c.text)).toEqual(['yes']);
  });
});

it('parses the blocks of a Terraform module', () => {
  const parsed = parseClean('variable "x" {\n  type = map(object({ a = string }))\n  validation {\n    condition = length(var.x) > 0\n    error_message = "Empty."\n  }\n}\n');
  const variable = blocks(parsed)[0] as Block;
  expect(variable.body.items.map((i) => (i.type === 'Attribute' ? i.name : i.blockType))).toEqual(['type', 'validation']);
});
