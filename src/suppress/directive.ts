import type { Comment, Notice } from '../model';
import type { WrittenSuppression } from './written';

const PREFIX = 'iac-scan:';
const IGNORE = 'ignore';
const UNTIL = 'until=';

/**
 * Reads `iac-scan:ignore <id>[,<id>…] [until=YYYY-MM-DD] <reason>` from a comment. A comment
 * that does not start with `iac-scan:` is not a directive (undefined); one that names another
 * directive is a notice, so a typo such as `iac-scan:ingore` does not pass silently.
 */
export function readDirective(comment: Comment): WrittenSuppression | Notice | undefined {
  const text = comment.text;
  if (!text.startsWith(PREFIX)) return undefined;
  const afterName = PREFIX.length + IGNORE.length;
  if (!text.startsWith(IGNORE, PREFIX.length) || (afterName < text.length && !isSpace(text.charCodeAt(afterName)))) {
    return {
      level: 'warning',
      code: 'unknown-directive',
      file: comment.range.file,
      range: comment.range,
      message: `"${firstWord(text)}" is not a directive iac-scan knows; write iac-scan:ignore <rule-id> <reason>.`,
    };
  }
  const words = new WordReader(text, afterName);
  const ids: string[] = [];
  // `a,b` and the forgiving `a, b`: a word ending in a comma continues the list.
  for (let word = words.next(); word; word = word.endsWith(',') ? words.next() : undefined) {
    ids.push(...word.split(',').filter(Boolean));
  }
  const mark = words.position;
  const maybeUntil = words.next();
  const until = maybeUntil?.startsWith(UNTIL) ? maybeUntil.slice(UNTIL.length) : undefined;
  if (until === undefined) words.position = mark;
  return { kind: 'inline', ids, reason: words.rest(), until, location: comment.range, file: comment.range.file };
}

/** Whitespace-separated words of `text` from `position`, by char codes. */
class WordReader {
  constructor(
    private readonly text: string,
    public position: number,
  ) {}

  next(): string | undefined {
    this.skipSpace();
    const start = this.position;
    while (this.position < this.text.length && !isSpace(this.text.charCodeAt(this.position))) this.position++;
    return this.position > start ? this.text.slice(start, this.position) : undefined;
  }

  rest(): string {
    this.skipSpace();
    return this.text.slice(this.position).trimEnd();
  }

  private skipSpace(): void {
    while (this.position < this.text.length && isSpace(this.text.charCodeAt(this.position))) this.position++;
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function firstWord(text: string): string {
  const words = new WordReader(text, 0);
  return words.next() ?? text;
}
