import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, workflowCommand } from '../../src/action/commands';

/** How the runner decodes command text (GitHub's documented escapes), written out independently. */
function unescape(text: string, property: boolean): string {
  let out = text.replaceAll('%0D', '\r').replaceAll('%0A', '\n');
  if (property) out = out.replaceAll('%3A', ':').replaceAll('%2C', ',');
  return out.replaceAll('%25', '%');
}

describe('workflow command escaping', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext: a,b');
    expect(escapeProperty('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext%3A a%2Cb');
    // An already-escaped sequence in the input stays literal.
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('round-trips any text through the runner and never leaves a line break', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const data = escapeData(s);
        const prop = escapeProperty(s);
        expect(data).not.toMatch(/[\r\n]/);
        expect(prop).not.toMatch(/[\r\n:,]/);
        expect(unescape(data, false)).toBe(s);
        expect(unescape(prop, true)).toBe(s);
      }),
    );
  });

  it('builds a command with only the properties given', () => {
    expect(workflowCommand('warning', { file: 'a,b.yaml', line: 3, title: 'x: y' }, 'm')).toBe(
      '::warning file=a%2Cb.yaml,line=3,title=x%3A y::m',
    );
    expect(workflowCommand('error', {}, 'plain')).toBe('::error::plain');
  });

  it('keeps a crafted message from starting a command of its own', () => {
    const cmd = workflowCommand('notice', { title: 't' }, 'bucket\n::add-mask::secret\r\n::stop-commands::x');
    expect(cmd.split(/\r?\n/)).toHaveLength(1);
  });
});
