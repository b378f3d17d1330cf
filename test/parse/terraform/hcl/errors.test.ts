import { describe, expect, it } from 'vitest';
import { parseHcl } from '../../../../src/parse/terraform/hcl';
import type { Block } from '../../../../src/parse/terraform/hcl/ast';

/** Each error as `found text @offset: message`. */
function errors(text: string): string[] {
  return parseHcl(text).errors.map((e) => `${JSON.stringify(text.slice(e.start, e.end))} @${e.start}: ${e.message}`);
}

/** Names of the top-level items that survived. */
function items(text: string): string[] {
  return parseHcl(text).body.items.map((i) => (i.type === 'Attribute' ? i.name : i.blockType));
}

describe('syntax errors', () => {
  it('say what was expected and what was found, at the offending token', () => {
    expect(errors('resource ( {\n}\n')).toEqual(['"(" @9: expected "=" or "{" after "resource", found "("']);
    expect(errors('resource "a" "b" = {\n}\n')).toEqual(['"=" @17: expected another label or "{" after the labels of block "resource", found "="']);
    expect(errors('a = [1 2]\n')).toEqual(['"2" @7: expected "," or "]" after a tuple element, found "2"']);
    expect(errors('a = f(1 2)\n')).toEqual(['"2" @8: expected "," or ")" after an argument of f, found "2"']);
    expect(errors('a = { b = 1 c = 2 }\n')).toEqual(['"c" @12: expected "," or a newline after an object item, found "c"']);
    expect(errors('a = x ? y\n')).toEqual(['"\\n" @9: expected ":" after the true result of the conditional, found a newline']);
    expect(errors('a = \n')).toEqual(['"\\n" @4: expected an expression, found a newline']);
    expect(errors('a = x.\n')).toEqual(['"\\n" @6: expected an attribute name after ".", found a newline']);
    expect(errors('a = 1 b = 2\n')).toEqual(['"b" @6: expected a newline after the attribute "a", found "b"']);
    expect(errors('"a" = 1\n')).toEqual(['"\\"" @0: expected an attribute or block name (names are not quoted), found a quoted string']);
  });

  it('report unclosed strings, blocks, heredocs and comments', () => {
    expect(errors('a = "abc\nb = 1\n')).toEqual(['"\\"abc" @4: expected a closing quote, found a newline (use "\\n", or a heredoc for several lines)']);
    expect(errors('b {\n  a = 1\n')).toEqual(['"{" @2: expected "}" to close the block "b", found end of file']);
    expect(errors('a = <<EOT\ntext\n')).toEqual(['"<<EOT" @4: expected a line holding only "EOT" to end the heredoc, found end of file']);
    expect(errors('a = 1 /* open')).toEqual(['"/*" @6: expected "*/" to close the comment, found end of file']);
  });

  it('report template mistakes', () => {
    expect(errors('a = "${x"\n')).toEqual(['"\\"" @8: expected "}" to end the interpolation, found a quoted string']);
    expect(errors('a = "%{if x}y"\n')).toEqual(['"%{if x}" @5: expected "%{endif}" to close "%{if}", found the end of the template']);
    expect(errors('a = "%{for x in y}%{endif}"\n')).toEqual(['"%{endif}" @18: expected "%{endfor}" to close "%{for}", found "%{endif}"']);
    expect(errors('a = "%{endif}"\n')).toEqual(['"%{endif}" @5: expected "%{if}" or "%{for}" before "%{endif}", found none open']);
    expect(errors('a = "%{iff x}"\n')).toEqual(['"iff" @7: expected "if", "for", "else", "endif" or "endfor" after "%{", found "iff"']);
    expect(errors('a = "\\q \\u12 \\uD800"\n')).toEqual([
      '"\\\\q" @5: expected one of \\n \\r \\t \\" \\\\ \\uNNNN \\UNNNNNNNN, found "\\\\q"',
      '"\\\\u12" @8: expected 4 hexadecimal digits after "\\u", found "\\\\u12"',
      '"\\\\uD800" @13: expected a Unicode character, found "\\\\uD800" (U+D800 cannot be encoded)',
    ]);
    // A lone surrogate after a backslash, at the end: the escape ends with the text.
    expect(parseHcl('a = "\\\uD800').errors.map((e) => [e.start, e.end])).toEqual([
      [5, 7],
      [4, 7],
    ]);
    expect(errors('b "${x}" {\n}\n')).toEqual(['"\\"" @2: expected a closing quote after the block label (write "$${" or "%%{" for a literal "${" or "%{"), found "${"']);
  });

  it('report what HCL rejects beyond the grammar', () => {
    expect(errors('a = 1\na = 2\n')).toEqual(['"a" @6: expected each attribute once, found "a" again (first set at offset 0)']);
    expect(errors('a = x.0.1\n')).toEqual(['"0.1" @6: expected one index after "." (write [0][1]), found "0.1"']);
    expect(errors('a = 1..2\n')).toEqual(['"1..2" @4: expected a number, found "1..2"']);
    expect(errors('a = [for k, v in m : k => v]\n')).toEqual(['"=>" @23: expected "if" or "]" to end the for-expression (an object needs "{for …}"), found "=>"']);
    expect(errors('a = {for v in m : v}\n')).toEqual(['"}" @19: expected "=>" after the key of an object for-expression, found "}"']);
    expect(errors('b { x = 1, y = 2 }\n')).toEqual(['"," @9: expected "}" after the attribute of one-line block "b", found ","']);
    expect(errors('b { c {} }\n')).toEqual(['"{" @6: expected "=" after "c" (a block opened and closed on one line holds one attribute), found "{"']);
    expect(errors('a = 1 +\n  2\n')).toEqual(['"\\n" @7: expected an expression, found a newline', '"2" @10: expected an attribute or a block, found "2"']);
  });
});

describe('recovery', () => {
  it('skips a broken item to the next line and keeps the rest of the file', () => {
    expect(items('a = [1 2]\nb = 2\nc = 3\n')).toEqual(['b', 'c']);
    expect(items('a = 1 b = 2\nc = 3\n')).toEqual(['a', 'c']);
  });

  it('skips the whole bracketed value of a broken item, across lines', () => {
    expect(items('x = {\n  a = 1\n  b = 2 3\n  c = 4\n}\ny = 5\n')).toEqual(['y']);
  });

  it('recovers inside a block and closes the block at its brace', () => {
    const parsed = parseHcl('resource "a" "b" {\n  x = \n  y = ( 1 }\n  z = 3\n}\nw = 4\n');
    expect(parsed.errors).toHaveLength(2);
    const block = parsed.body.items[0] as Block;
    expect(block.body.items.map((i) => (i.type === 'Attribute' ? i.name : i.blockType))).toEqual(['z']);
    expect(parsed.body.items.map((i) => (i.type === 'Attribute' ? i.name : i.blockType))).toEqual(['resource', 'w']);
  });

  it('keeps an unclosed block with what it holds', () => {
    const parsed = parseHcl('b {\n  a = 1\n');
    expect(parsed.body.items).toMatchObject([{ type: 'Block', blockType: 'b', body: { items: [{ name: 'a' }] } }]);
  });

  it('skips strings, heredocs and comments whole when resynchronising', () => {
    for (const text of ['a = [1 "]" 2\n  # ]\n]\nb = 1\n', 'a = [1 2 <<EOT\n]\nEOT\n]\nb = 1\n', 'a = [1 2 /* ] */\n]\nb = 1\n']) {
      const parsed = parseHcl(text);
      expect(parsed.errors).toHaveLength(1);
      expect(items(text)).toEqual(['b']);
    }
  });

  it('still records comments on skipped lines, once', () => {
    const parsed = parseHcl('a = [1 # one\n 2 3] # two\nb = 1 # three\n');
    expect(parsed.comments.map((c) => c.text)).toEqual(['one', 'two', 'three']);
  });

  it('stops after 1000 errors', () => {
    const parsed = parseHcl('= \n'.repeat(5000));
    expect(parsed.errors).toHaveLength(1000);
  });
});

describe('nesting', () => {
  it('accepts 128 levels and reports more as an error', () => {
    expect(errors(`a = ${'['.repeat(128)}${']'.repeat(128)}\n`)).toEqual([]);
    expect(errors(`${'b {\n'.repeat(128)}${'}\n'.repeat(128)}`)).toEqual([]);
    const deep = errors(`a = ${'['.repeat(129)}${']'.repeat(129)}\nb = 1\n`);
    expect(deep).toEqual(['"[" @132: expected at most 128 levels of nesting, found more']);
    expect(items(`a = ${'['.repeat(129)}${']'.repeat(129)}\nb = 1\n`)).toEqual(['b']);
  });

  it('counts operator chains, whose trees are as deep as they are long', () => {
    expect(errors(`a = x${'.y'.repeat(120)}\n`)).toEqual([]);
    expect(errors(`a = x${'.y'.repeat(200)}\n`)).toHaveLength(1);
    expect(errors(`a = 1${' + 1'.repeat(200)}\n`)).toHaveLength(1);
    expect(errors(`a = ${'!'.repeat(200)}x\n`)).toHaveLength(1);
    expect(errors(`a = ${'x ? 1 : '.repeat(200)}2\n`)).toHaveLength(1);
    expect(errors(`a = "${'%{if x}'.repeat(200)}${'%{endif}'.repeat(200)}"\n`)).toHaveLength(1);
  });
});
