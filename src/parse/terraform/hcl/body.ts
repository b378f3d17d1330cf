import type * as A from './ast';
import { parseExpression } from './expressions';
import { skipBrokenItem } from './recovery';
import { MAX_ERRORS, type Parser, RECOVER, Tok } from './scanner';
import { scanText, TextKind } from './text';

/** The whole file. */
export function parseFile(p: Parser): A.Body {
  const items = parseItems(p, undefined);
  return { type: 'Body', items, start: 0, end: p.length };
}

/**
 * Attributes and blocks, one per line, up to the end of the file or (in a block) the `}` that
 * closes it, which is left current. A broken item is reported and skipped up to the next line
 * outside its brackets, so one mistake does not hide the rest of the file.
 */
function parseItems(p: Parser, block: { type: string; open: number } | undefined): (A.Attribute | A.Block)[] {
  const items: (A.Attribute | A.Block)[] = [];
  const attributes = new Map<string, A.Attribute>();
  for (;;) {
    const type = p.type;
    if (type === Tok.Newline) {
      p.next();
      continue;
    }
    if (type === Tok.EOF) {
      if (block) p.error(block.open, block.open + 1, `expected "}" to close the block "${block.type}", found end of file`);
      return items;
    }
    if (type === Tok.RBrace && block) return items;
    if (p.errors.length >= MAX_ERRORS) {
      p.pos = p.length;
      p.next();
      continue;
    }
    const itemStart = p.start;
    const depth = p.depth;
    try {
      if (type === Tok.Quote) p.unexpected('an attribute or block name (names are not quoted)');
      if (type !== Tok.Ident) p.unexpected(block ? 'an attribute, a block or "}"' : 'an attribute or a block');
      const item = parseItem(p);
      if (item.type === 'Attribute') {
        const earlier = attributes.get(item.name);
        if (earlier) {
          p.error(item.nameSpan.start, item.nameSpan.end, `expected each attribute once, found "${item.name}" again (first set at offset ${earlier.nameSpan.start})`);
        } else {
          attributes.set(item.name, item);
        }
      }
      items.push(item);
      if (!p.is(Tok.Newline) && !p.is(Tok.EOF)) {
        const what = item.type === 'Attribute' ? `the attribute "${item.name}"` : `the block "${item.blockType}"`;
        p.error(p.start, p.end, `expected a newline after ${what}, found ${p.describe()}`);
        skipBrokenItem(p, p.start, block !== undefined);
      }
    } catch (thrown) {
      if (thrown !== RECOVER) throw thrown;
      p.depth = p.peak = depth;
      skipBrokenItem(p, itemStart, block !== undefined);
    }
  }
}

/** `name = expr`, or a block `type label… { … }`; the current token is the name. */
function parseItem(p: Parser): A.Attribute | A.Block {
  const start = p.start;
  const nameEnd = p.end;
  const name = p.text.slice(start, nameEnd);
  p.next();
  if (p.is(Tok.Equal)) {
    p.next();
    const value = parseExpression(p);
    return { type: 'Attribute', name, nameSpan: { start, end: nameEnd }, value, start, end: value.end };
  }
  const labels: A.Label[] = [];
  for (;;) {
    if (p.is(Tok.Quote)) {
      labels.push(parseLabel(p));
    } else if (p.is(Tok.Ident)) {
      labels.push({ value: p.text.slice(p.start, p.end), start: p.start, end: p.end });
      p.next();
    } else {
      break;
    }
  }
  if (!p.is(Tok.LBrace)) p.unexpected(labels.length === 0 ? `"=" or "{" after "${name}"` : `another label or "{" after the labels of block "${name}"`);
  const open = p.start;
  p.enter();
  p.next();
  let body: A.Body;
  if (p.is(Tok.Newline) || p.is(Tok.EOF) || p.is(Tok.RBrace)) {
    const items = parseItems(p, { type: name, open });
    body = { type: 'Body', items, start: open, end: p.end };
  } else {
    body = parseOneLineBody(p, name, open);
  }
  p.leave();
  const end = body.end;
  p.next();
  return { type: 'Block', blockType: name, typeSpan: { start, end: nameEnd }, labels, body, start, end };
}

/** `type { name = expr }` on one line: at most one attribute, then `}`, which is left current. */
function parseOneLineBody(p: Parser, blockType: string, open: number): A.Body {
  if (!p.is(Tok.Ident)) p.unexpected(`an attribute or "}" after "{" of block "${blockType}"`);
  const start = p.start;
  const nameEnd = p.end;
  const name = p.text.slice(start, nameEnd);
  p.next();
  if (!p.is(Tok.Equal)) p.unexpected(`"=" after "${name}" (a block opened and closed on one line holds one attribute)`);
  p.next();
  const value = parseExpression(p);
  if (!p.is(Tok.RBrace)) p.unexpected(`"}" after the attribute of one-line block "${blockType}"`);
  const attribute: A.Attribute = { type: 'Attribute', name, nameSpan: { start, end: nameEnd }, value, start, end: value.end };
  return { type: 'Body', items: [attribute], start: open, end: p.end };
}

/** A quoted block label: escapes are decoded, template sequences are not allowed. */
function parseLabel(p: Parser): A.Label {
  const start = p.start;
  const end = scanText(p, p.end, TextKind.Quoted);
  const c = p.text.charCodeAt(end);
  if (c !== 34) {
    const found = end >= p.length ? 'end of file' : c === 36 || c === 37 ? JSON.stringify(p.text.slice(end, end + 2)) : 'a newline';
    p.fail(start, end, `expected a closing quote after the block label (write "$\${" or "%%{" for a literal "\${" or "%{"), found ${found}`);
  }
  const label: A.Label = { value: p.litValue, start, end: end + 1 };
  p.pos = end + 1;
  p.next();
  return label;
}
