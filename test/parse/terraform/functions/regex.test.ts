import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Regex, StepBudget } from '../../../../src/parse/terraform/functions/regexp/machine';
import { ERROR, UNKNOWN, call, errorTable, plain, ref, resultTable } from './helpers';

describe('regex and regexall', () => {
  resultTable(([
    // The examples of Terraform's documentation.
    ['[a-z]+', '53453453.345345aaabbbccc23454', 'aaabbbccc'],
    ['(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)', '2019-02-01', ['2019', '02', '01']],
    ['^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?', 'https://terraform.io/docs/', { scheme: 'https', authority: 'terraform.io' }],
    // Syntax and flags of RE2.
    ['(?<word>\\w+)', '--ab--', { word: 'ab' }],
    ['(a)|(b)', 'b', [null, 'b']],
    ['(?i)hello', 'say HeLLo', 'HeLLo'],
    ['(?i:h)ELLO', 'HELLO hELLO', 'HELLO'],
    ['(?s)a.b', 'a\nb', 'a\nb'],
    ['(?m)^b$', 'a\nb\nc', 'b'],
    ['a+?', 'aaa', 'a'],
    ['(?U)a+', 'aaa', 'a'],
    ['(?U)a+?', 'aaa', 'aaa'],
    ['a{2,3}', 'aaaa', 'aaa'],
    ['a{2}', 'aaaa', 'aa'],
    ['a{2,}', 'aaaa', 'aaaa'],
    ['x{', 'ax{b', 'x{'],
    ['[[:alpha:]]+', '12abc3', 'abc'],
    ['[^[:digit:]]+', '12abc3', 'abc'],
    ['\\pL+', '12héllo3', 'héllo'],
    ['\\p{Greek}+', 'abc αβγ', 'αβγ'],
    ['\\PL+', 'ab12cd', '12'],
    ['\\Q.*\\E', 'a.*b', '.*'],
    ['\\bfoo\\b', 'afoo foo', 'foo'],
    ['\\x41\\x{42}', 'xABy', 'AB'],
    ['[\\d-]+', 'a12-3b', '12-3'],
    ['[]a]+', 'x]a]y', ']a]'],
    ['\\.', 'a.b', '.'],
    ['😀+', 'a😀😀b', '😀😀'],
    // Leftmost-first, as in Go: the first alternative that matches wins, not the longest.
    ['a|ab', 'ab', 'a'],
    ['(a|ab)(c|bcd)', 'abcd', ['a', 'bcd']],
    ['\\Aab\\z', 'ab', 'ab'],
  ] as [string, string, unknown][]).map(([pattern, text, expected]) => ['regex', [pattern, text], expected]));

  resultTable(([
    ['[a-z]+', '1234abcd5678efgh9', ['abcd', 'efgh']],
    ['[a-z]+', '123', []],
    ['(\\w)=(\\d)', 'a=1,b=2', [['a', '1'], ['b', '2']]],
    ['x*', 'ab', ['', '', '']],
  ] as [string, string, unknown][]).map(([pattern, text, expected]) => ['regexall', [pattern, text], expected]));

  it('finds every match as Go does, skipping an empty match right after a match', () => {
    // At 4, the empty match right where "aaa" ended is skipped; at 5 (the end) it counts.
    expect(plain(call('regexall', 'a*', 'baaac'))).toEqual(['', 'aaa', '']);
  });

  errorTable(([
    ['[a-z]+', '53453453.34534523454'],
    ['(', 'a'],
    ['a)', 'a'],
    ['a**', 'a'],
    ['*a', 'a'],
    ['\\1', 'a'],
    ['(?=a)', 'a'],
    ['(?P<n>a)(?P<n>b)', 'ab'],
    ['a{1001}', 'a'],
    ['a{3,2}', 'a'],
    ['[z-a]', 'a'],
    ['[a', 'a'],
    ['\\p{NoSuchScript}', 'a'],
    ['\\', 'a'],
    ['(?P<n>a)(b)', 'ab'],
  ] as [string, string][]).map(([pattern, text]) => ['regex', [pattern, text]]));

  it('is unknown when the text is, keeping its references', () => {
    expect(call('regex', '[0-9]+', ref('aws_instance.a', 'private_ip'))).toMatchObject({ kind: 'unknown', refs: [{ key: 'aws_instance.a' }] });
  });

  it('runs in time linear in the text on patterns that make backtracking engines explode', () => {
    const started = Date.now();
    expect(plain(call('regex', '(a|a)*b', 'a'.repeat(5000)))).toEqual(ERROR);
    expect(plain(call('regex', '(a*)*b', 'a'.repeat(5000)))).toEqual(ERROR);
    expect(plain(call('regex', '(x+x+)+y', 'x'.repeat(5000)))).toEqual(ERROR);
    expect(plain(call('replace', 'a'.repeat(3000), '/^(a+)+$/', 'ok'))).toBe('ok');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('gives an Unknown when matching would take more work than one call may', () => {
    const started = Date.now();
    expect(plain(call('regexall', 'a*a*a*a*a*a*a*a*b', 'a'.repeat(200_000)))).toEqual(UNKNOWN);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('gives an Unknown for a pattern too large to compile', () => {
    expect(plain(call('regex', '((a{1000}){1000}){1000}', 'a'))).toEqual(UNKNOWN);
  });
});

describe('the pattern engine', () => {
  // Patterns from a grammar where RE2 and JavaScript agree on every match: leftmost-first, and no
  // repetition of a part that can match the empty string (where Perl-style engines and RE2
  // differ). Each pattern comes with whether it can match empty. The engine must find the same
  // overall match as V8.
  type Term = [source: string, nullable: boolean];
  const atom = fc.constantFrom<Term>(['a', false], ['b', false], ['.', false], ['[ab]', false], ['[^a]', false], ['\\n', false], ['a\\b', false], ['\\Bb', false]);
  const term: fc.Arbitrary<Term> = fc.letrec<{ term: Term }>((tie) => ({
    term: fc.oneof(
      { depthSize: 'small' },
      atom,
      fc
        .tuple(tie('term').filter(([, nullable]) => !nullable), fc.constantFrom('+', '?', '{1,2}', '+?', '??', '{2}'))
        .map(([[t], q]): Term => [`(?:${t})${q}`, q.startsWith('?')]),
      fc.tuple(atom, fc.constantFrom('*', '*?')).map(([[t], q]): Term => [`(?:${t})${q}`, true]),
      fc.tuple(tie('term'), tie('term')).map(([[x, nx], [y, ny]]): Term => [`${x}${y}`, nx && ny]),
      fc.tuple(tie('term'), tie('term')).map(([[x, nx], [y, ny]]): Term => [`(?:${x}|${y})`, nx || ny]),
      tie('term').map(([t, n]): Term => [`(${t})`, n]),
    ),
  })).term;
  const pattern = term.map(([source]) => source);
  const anchored = fc.tuple(fc.boolean(), pattern, fc.boolean()).map(([start, p, end]) => `${start ? '^' : ''}${p}${end ? '$' : ''}`);
  const text = fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'c', '\n'), maxLength: 10 });

  it('finds the same leftmost-first match as JavaScript on patterns where their semantics agree', () => {
    fc.assert(
      fc.property(anchored, fc.boolean(), text, fc.nat(3), (source, foldCase, input, from) => {
        const start = Math.min(from, input.length);
        const expected = new RegExp(source, foldCase ? 'gi' : 'g');
        expected.lastIndex = start;
        const js = expected.exec(input);
        const ours = Regex.compile(foldCase ? `(?i)${source}` : source).search(input, start, new StepBudget(1_000_000));
        expect(ours?.slice(0, 2)).toEqual(js ? [js.index, js.index + js[0].length] : undefined);
      }),
      { numRuns: 3000, seed: 20240611 },
    );
  });
});
