import type { CST } from 'yaml';
import type { Comment, LineTable } from '../../model';

/** The marker every directive comment carries; files without it skip comment collection. */
export const DIRECTIVE_MARKER = 'iac-scan';

/**
 * Collects directive comments from yaml's CST tokens as they stream to the composer, so the file
 * is still parsed once. Comment tokens are what the YAML lexer decided is a comment, so a `#`
 * inside a quoted or block scalar is never taken for one.
 */
export function commentCollector(text: string, lines: LineTable, into: Comment[]) {
  return function* tap(tokens: Iterable<CST.Token>): Generator<CST.Token> {
    for (const token of tokens) {
      collect(token, (comment) => into.push(toComment(text, lines, comment)));
      yield token;
    }
  };
}

/**
 * Walks one CST token tree in source order without recursion (hostile nesting must not overflow
 * the stack): children are pushed last-first so they pop first-first.
 */
function collect(root: CST.Token, found: (comment: CST.SourceToken) => void): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]);
    } else if (item !== null && typeof item === 'object') {
      const token = item as { type?: string; source?: unknown };
      if (token.type === 'comment') {
        if ((token.source as string).includes(DIRECTIVE_MARKER)) found(token as CST.SourceToken);
      } else {
        const children = Object.values(item);
        for (let i = children.length - 1; i >= 0; i--) {
          if (children[i] !== null && typeof children[i] === 'object') stack.push(children[i]);
        }
      }
    }
  }
}

function toComment(text: string, lines: LineTable, token: CST.SourceToken): Comment {
  const start = token.offset;
  let before = start - 1;
  while (before >= 0 && (text.charCodeAt(before) === 32 || text.charCodeAt(before) === 9)) before--;
  return {
    range: lines.range(start, start + token.source.length),
    text: token.source.slice(1).trim(),
    ownLine: before < 0 || text.charCodeAt(before) === 10 || text.charCodeAt(before) === 13,
  };
}
