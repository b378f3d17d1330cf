import hcl2json from '@cdktf/hcl2json';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Comparison, compareWithOracle } from './oracle';

const repo = path.resolve(import.meta.dirname, '../../../..');

function tfFiles(dir: string, into: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) tfFiles(full, into);
    else if (entry.isFile() && entry.name.endsWith('.tf')) into.push(full);
  }
  return into;
}

const samples = tfFiles(path.join(import.meta.dirname, 'samples'));
const fixtures = tfFiles(path.join(repo, 'fixtures'));

describe('the HCL parser agrees with HashiCorp’s (@cdktf/hcl2json)', () => {
  it('has syntax samples to compare', () => {
    expect(samples.length).toBeGreaterThanOrEqual(8);
  });

  // Samples are valid HCL and must convert to exactly the oracle's JSON. A fixture may be broken on
  // purpose (to test error reports); then both parsers must reject it.
  type Case = { name: string; agreeing: Comparison['outcome'][] };
  const cases = [
    ...samples.map((file): Case => ({ name: path.relative(repo, file), agreeing: ['match'] })),
    ...fixtures.map((file): Case => ({ name: path.relative(repo, file), agreeing: ['match', 'both-rejected'] })),
  ];
  it.each(cases)('$name', async ({ name, agreeing }) => {
    const { outcome, detail } = await compareWithOracle(hcl2json.parse, readFileSync(path.join(repo, name), 'utf8'));
    expect(agreeing.includes(outcome) ? 'agree' : `${outcome}: ${detail}`).toBe('agree');
  });

  it('on random expressions, templates and heredocs', async () => {
    await fc.assert(
      fc.asyncProperty(attribute, async (text) => {
        const { outcome, detail } = await compareWithOracle(hcl2json.parse, text);
        expect(outcome === 'match' || outcome === 'both-rejected' ? 'agree' : `${outcome}: ${detail}`).toBe('agree');
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

const name = fc.constantFrom('a', 'b', 'var', 'x_1', 'with-dash', 'for', 'in', 'if', 'true', 'null', 'é');
const space = fc.constantFrom('', ' ', '\t');
/** Between items of brackets, where newlines and comments are whitespace. */
const gap = fc.constantFrom('', ' ', '\n', '\n  ', ' /* c */ ', ' # c\n');
const strip = fc.constantFrom('', '~');
const quotedText = fc
  .array(fc.constantFrom('a', ' ', 'b c', '$', '%', '$${', '%%{', '\\n', '\\t', '\\"', '\\\\', '\\u00e9', '\\U0001F600', '{', '}', '~', 'é', 'e\u0301'), { maxLength: 5 })
  .map((parts) => parts.join(''));
const heredocText = fc
  .array(fc.constantFrom('a', ' ', '\n', '  ', '\t', '$', '%', '$${', '%%{', '\\n', '"', '{', '}', 'EOT', 'x\n', '\n  ', '    '), { maxLength: 6 })
  .map((parts) => parts.join(''));
const literal = fc.constantFrom('0', '1', '2.5', '1e3', '1.5E-2', '1.e2', '01', 'true', 'false', 'null');
const reference = fc
  .tuple(name, fc.constantFrom('', '.b', '[0]', '.0', '["k"]', '[*].c', '.*.c', '[*]', '.*', '.b.c[1]'))
  .map(([n, steps]) => n + steps);
const operator = fc.constantFrom('+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=', '&&', '||');
const list = <T>(item: fc.Arbitrary<T>) => fc.array(item, { maxLength: 3 });

const { expression } = fc.letrec<{ expression: string; template: string; heredocTemplate: string }>((tie) => {
  const e = tie('expression');
  const sequence = (body: fc.Arbitrary<string>) =>
    fc.oneof(
      fc.tuple(strip, space, e, space, strip).map(([l, s1, x, s2, r]) => '${' + l + s1 + x + s2 + r + '}'),
      fc.tuple(strip, e, strip, body, fc.option(fc.tuple(strip, strip, body)), strip, strip).map(
        ([l, x, r, then, otherwise, l2, r2]) =>
          `%{${l} if ${x} ${r}}${then}${otherwise ? `%{${otherwise[0]}else${otherwise[1]}}${otherwise[2]}` : ''}%{${l2}endif${r2}}`,
      ),
      fc.tuple(strip, fc.constantFrom('v', 'k, v'), e, strip, body, strip, strip).map(
        ([l, vars, x, r, inner, l2, r2]) => `%{${l}for ${vars} in ${x}${r}}${inner}%{${l2}endfor${r2}}`,
      ),
    );
  return {
    template: fc.array(fc.oneof(quotedText, sequence(tie('template'))), { maxLength: 4 }).map((parts) => parts.join('')),
    heredocTemplate: fc.array(fc.oneof(heredocText, sequence(tie('heredocTemplate'))), { maxLength: 4 }).map((parts) => parts.join('')),
    expression: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      literal,
      reference,
      tie('template').map((t) => `"${t}"`),
      fc.tuple(e, space, operator, space, e).map((parts) => parts.join('')),
      fc.tuple(fc.constantFrom('-', '!', '- ', '!!'), e).map(([op, x]) => op + x),
      fc.tuple(e, e, e).map(([c, t, f]) => `${c} ? ${t} : ${f}`),
      fc.tuple(list(fc.tuple(gap, e)), fc.constantFrom('', ','), gap).map(([items, comma, g]) => `[${items.map(([s, x]) => s + x).join(',')}${items.length ? comma : ''}${g}]`),
      fc
        .tuple(list(fc.tuple(fc.constantFrom('a', '"k"', '(b)', 'a.b', '1', '"${x}"'), fc.constantFrom(' = ', ': ', '='), e)), fc.constantFrom(', ', ',\n', '\n'))
        .map(([items, separator]) => `{${items.map(([k, op, v], i) => `${k}${i}${op}${v}`).join(separator)}}`),
      fc.tuple(fc.constantFrom('f', 'max', 'provider::p::g'), list(fc.tuple(gap, e)), fc.boolean()).map(
        ([f, args, expand]) => `${f}(${args.map(([s, x]) => s + x).join(',')}${args.length && expand ? '...' : ''})`,
      ),
      fc.tuple(fc.constantFrom('v', 'k, v'), e, gap, e, fc.option(e)).map(
        ([vars, coll, g, value, cond]) => `[for ${vars} in ${coll} :${g}${value}${cond === null ? '' : ` if ${cond}`}]`,
      ),
      fc.tuple(fc.constantFrom('v', 'k, v'), e, e, e, fc.constantFrom('', '...'), fc.option(e)).map(
        ([vars, coll, key, value, group, cond]) => `{for ${vars} in ${coll} : ${key} => ${value}${group}${cond === null ? '' : ` if ${cond}`}}`,
      ),
      fc.tuple(gap, e, gap).map(([a, x, b]) => `(${a}${x}${b})`),
      fc.tuple(fc.constantFrom('', '-'), tie('heredocTemplate'), fc.constantFrom('', '  ', '\t')).map(
        ([dash, body, indent]) => `<<${dash}EOT\n${body}\n${indent}EOT\n`,
      ),
    ),
  };
});

/** An attribute at the top level, in a labelled block, or in a one-line block. */
const attribute = fc
  .tuple(expression, fc.constantFrom('top', 'block', 'one-line'))
  .map(([value, where]) => (where === 'top' ? `v = ${value}\n` : where === 'block' ? `b "l" x {\n  v = ${value}\n}\n` : `b { v = ${value} }\n`));
