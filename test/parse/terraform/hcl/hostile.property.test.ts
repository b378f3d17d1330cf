import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExpression, parseHcl, parseTemplate } from '../../../../src/parse/terraform/hcl';
import type { HclError, Span } from '../../../../src/parse/terraform/hcl/ast';
import { spanProblems } from './helpers';

/** Scanned code comes from untrusted pull requests: whatever it is, the parser must answer. */

const fragment = fc.constantFrom(
  'a', 'b1', 'for', 'in', 'if', 'true', '1', '2.5e3', '1..2', ' ', '\t', '\n', '\r\n', '\r', '=', '==', '=>', '!', '!=', '<', '<<', '<<EOT\n', '<<-EOT\n', '\nEOT\n',
  '+', '-', '*', '/', '%', '&&', '||', '?', ':', '::', ',', '.', '...', '(', ')', '[', ']', '{', '}', '"', '${', '%{', '~}', '~', '$', '$${', '%%{',
  '\\', '\\u00e9', '\\U0001F600', '#', '//', '/*', '*/', 'é', 'e\u0301', '\u0000', '\uFEFF', '\uD800', '😀', 'endif', 'else', 'endfor',
);
/** Random text: plain characters, or fragments of HCL syntax glued together. */
const hostileText = fc.oneof(fc.string({ maxLength: 200, unit: 'binary' }), fc.array(fragment, { maxLength: 80 }).map((parts) => parts.join('')));

function spansWithin(text: string, spans: Span[]): string[] {
  return spans.filter((s) => !(s.start >= 0 && s.start <= s.end && s.end <= text.length)).map((s) => `${s.start}-${s.end}`);
}

function noInternalErrors(errors: HclError[]): string[] {
  return errors.filter((e) => e.message.includes('internal error')).map((e) => e.message);
}

/** The tree stays shallow enough for any recursive walker, whatever the input. */
const TREE_DEPTH_BOUND = 3 * 128 + 10;

describe('hostile input', () => {
  it('never throws, and every span is inside the text, well ordered, and inside its parent', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom('', 'v = ', 'b "l" {\n  v = ', 'v = "', 'v = <<EOT\n'), (body, prefix) => {
        const text = prefix + body;
        const parsed = parseHcl(text);
        const { problems, depth } = spanProblems(text, parsed.body as unknown as Span & Record<string, unknown>);
        expect(problems).toEqual([]);
        expect(depth).toBeLessThanOrEqual(TREE_DEPTH_BOUND);
        expect(spansWithin(text, [...parsed.comments, ...parsed.errors])).toEqual([]);
        expect(noInternalErrors(parsed.errors)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on templates and single expressions either', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const template = parseTemplate(text);
        expect(spanProblems(text, template.template as unknown as Span & Record<string, unknown>).problems).toEqual([]);
        expect(noInternalErrors(template.errors)).toEqual([]);
        const expression = parseExpression(text);
        if (expression.expr) expect(spanProblems(text, expression.expr as unknown as Span & Record<string, unknown>).problems).toEqual([]);
        expect(noInternalErrors(expression.errors)).toEqual([]);
        expect(expression.expr !== undefined || expression.errors.length > 0).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  const opener = fc.constantFrom(
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '{ a = ', close: ' }' },
    { open: 'f(', close: ')' },
    { open: '"${', close: '}"' },
    { open: '"%{ if x }${', close: '}%{ endif }"' },
    { open: '<<EOT\n${', close: '}\nEOT\n' },
    { open: '-', close: '' },
    { open: '!', close: '' },
    { open: 'x ? 1 : ', close: '' },
    { open: '[for v in ', close: ' : v]' },
  );

  it('bounds nesting: no stack overflow, and an error past 128 levels', () => {
    fc.assert(
      fc.property(fc.array(opener, { minLength: 1, maxLength: 400 }), fc.boolean(), (levels, inBlocks) => {
        const inner = levels.map((l) => l.open).join('') + '1' + levels.map((l) => l.close).reverse().join('');
        const text = inBlocks ? `${'b {\n'.repeat(levels.length)}v = ${inner}\n${'}\n'.repeat(levels.length)}` : `v = ${inner}\nafter = 1\n`;
        const parsed = parseHcl(text);
        expect(noInternalErrors(parsed.errors)).toEqual([]);
        const { problems, depth } = spanProblems(text, parsed.body as unknown as Span & Record<string, unknown>);
        expect(problems).toEqual([]);
        expect(depth).toBeLessThanOrEqual(TREE_DEPTH_BOUND);
        const tooDeep = parsed.errors.some((e) => e.message.includes('levels of nesting'));
        if (levels.length > 128) expect(tooDeep).toBe(true);
        if (levels.length <= 40 && !inBlocks) expect(parsed.errors).toEqual([]);
        if (!inBlocks) expect(parsed.body.items.at(-1)).toMatchObject({ name: 'after' });
      }),
      { numRuns: 300 },
    );
  });

  it('stays linear on pathological megabyte inputs', () => {
    const size = 1_000_000;
    const inputs = [
      'a = [' + '1,'.repeat(size / 2) + ']\n',
      'a = ' + '{'.repeat(size),
      'a = "' + '${'.repeat(size / 2),
      '"'.repeat(size),
      '/*'.repeat(size / 2),
      'a = <<EOT\n'.repeat(size / 10),
      'a = [\n'.repeat(size / 6),
      'a = "x\n'.repeat(size / 7),
      'a = "' + '%{if x}'.repeat(size / 7) + '"\n',
      'b ' + '"l" '.repeat(size / 4) + '{}\n',
      '# c\n'.repeat(size / 4),
      'a = x' + '.'.repeat(size),
    ];
    const started = performance.now();
    for (const text of inputs) expect(noInternalErrors(parseHcl(text).errors)).toEqual([]);
    // Quadratic work on any of these would take minutes.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
