import { closingMarkerEnd } from './heredoc';
import { heredocMarkerEnd, type Parser } from './scanner';

const BRACKET = 0;
const STRING = 1;
const INTERPOLATION = 2;

/**
 * Skips a broken body item from `from` and makes the next token current: parsing resumes after
 * the first newline outside the brackets, strings and heredocs the item opened, or (in a block)
 * at the unmatched `}` that closes the block. A character-level walk rather than tokens, because
 * the error may have left the tokenizer inside a string. Comments on the way are still recorded.
 */
export function skipBrokenItem(p: Parser, from: number, inBlock: boolean): void {
  p.pos = skipEnd(p, from, inBlock);
  p.newlines = true;
  p.next();
}

function skipEnd(p: Parser, from: number, inBlock: boolean): number {
  const text = p.text;
  const n = p.length;
  const open: number[] = [];
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (open.length > 0 && open[open.length - 1] === STRING) {
      if (c === 92) i += 2;
      else if (c === 34) (open.pop(), i++);
      else if (c === 10) open.pop();
      else if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123) (open.push(INTERPOLATION), (i += 2));
      else i++;
      continue;
    }
    switch (c) {
      case 10:
        if (open.length === 0) return i;
        i++;
        break;
      case 34:
        open.push(STRING);
        i++;
        break;
      case 40:
      case 91:
      case 123:
        open.push(BRACKET);
        i++;
        break;
      case 41:
      case 93:
      case 125:
        if (open.length === 0 && c === 125 && inBlock) return i;
        open.pop();
        i++;
        break;
      case 35:
        i = lineEnd(p, i, i + 1);
        break;
      case 47:
        i = text.charCodeAt(i + 1) === 47 ? lineEnd(p, i, i + 2) : text.charCodeAt(i + 1) === 42 ? blockCommentEnd(p, i) : i + 1;
        break;
      case 60:
        i = text.charCodeAt(i + 1) === 60 ? heredocEnd(text, i) : i + 1;
        break;
      default:
        i++;
    }
  }
  return n;
}

function lineEnd(p: Parser, start: number, textStart: number): number {
  const newline = p.text.indexOf('\n', textStart);
  const end = newline < 0 ? p.length : newline;
  const contentEnd = end > textStart && p.text.charCodeAt(end - 1) === 13 ? end - 1 : end;
  p.addComment(start, contentEnd, textStart, contentEnd);
  return end;
}

function blockCommentEnd(p: Parser, start: number): number {
  const close = p.text.indexOf('*/', start + 2);
  const end = close < 0 ? p.length : close + 2;
  p.addComment(start, end, start + 2, close < 0 ? p.length : close);
  return end;
}

/** Past the closing marker line of a heredoc opened at `i`, or just past `<<` if this is no opener. */
function heredocEnd(text: string, i: number): number {
  const markerEnd = heredocMarkerEnd(text, i);
  if (markerEnd < 0) return i + 2;
  const marker = text.slice(text.charCodeAt(i + 2) === 45 ? i + 3 : i + 2, markerEnd);
  let line = text.indexOf('\n', markerEnd);
  while (line >= 0) {
    const close = closingMarkerEnd(text, line + 1, marker);
    if (close >= 0) return close;
    line = text.indexOf('\n', line + 1);
  }
  return text.length;
}
