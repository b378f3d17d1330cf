import type { BinaryOperator, HclComment, HclError } from './ast';
import { CHAR_CLASS, DIGIT, IDENT_START, identEnd, isIdentStartCode, numberEnd } from './chars';

/** Tokens of HCL's structural and expression language. Templates are scanned by `templates.ts`. */
export const enum Tok {
  EOF,
  Newline,
  Ident,
  Number,
  /** The opening `"` of a quoted template or label. */
  Quote,
  /** `<<EOT` or `<<-EOT` and its newline; the details are in `Parser.heredoc*`. */
  Heredoc,
  LBrace,
  RBrace,
  /** `~}`: ends a template sequence and strips the whitespace after it. */
  TildeRBrace,
  LBrack,
  RBrack,
  LParen,
  RParen,
  Comma,
  Dot,
  Ellipsis,
  Colon,
  DoubleColon,
  Question,
  Equal,
  FatArrow,
  /** A binary operator (`-` and `*` too, which also serve as negation and splat); see `op`, `prec`. */
  Binary,
  Bang,
  /** A character that starts no token. */
  Invalid,
}

/** Nesting deeper than this is an error, so hostile input cannot exhaust the stack of any tree walker. */
export const MAX_DEPTH = 128;
/** Errors recorded per parse; past this the parser stops. */
export const MAX_ERRORS = 1000;

/** Thrown after an error to abandon the current body item; the body parser catches it and resynchronises. */
export const RECOVER = Symbol('hcl-recover');

/**
 * Parser state and the tokenizer of the expression language, acorn style: one current token
 * (`type`, `start`, `end`), scanned on demand by `next()` straight from character codes.
 * Newlines are tokens only where HCL makes them significant (`newlines`); inside brackets the
 * callers switch them off around the bracket's contents.
 */
export class Parser {
  readonly text: string;
  readonly length: number;
  /** Where `next()` scans from. */
  pos = 0;

  type: Tok = Tok.EOF;
  start = 0;
  end = 0;
  /** For `Tok.Binary`: the operator and its precedence (1 `||` … 6 `* / %`). */
  op: BinaryOperator = '+';
  prec = 0;
  /** For `Tok.Heredoc`: where its marker is, whether it is `<<-`, and where its first line starts. */
  markerStart = 0;
  markerEnd = 0;
  heredocIndented = false;
  heredocBody = 0;

  /** Whether newlines are tokens (bodies, objects) or whitespace (inside brackets and templates). */
  newlines = true;

  /** Nesting of the construct being parsed, and the deepest tree level reached in the current operator chain. */
  depth = 0;
  peak = 0;

  /** Decoded text of the last literal scanned by `text.ts`, and the OR of its char codes. */
  litValue = '';
  litBits = 0;

  readonly errors: HclError[] = [];
  readonly comments: HclComment[] = [];
  /** Comments before this offset are recorded already (recovery rescans text). */
  private commentHorizon = 0;

  constructor(text: string) {
    this.text = text;
    this.length = text.length;
  }

  /** A leading byte-order mark is not part of the syntax. */
  skipBom(): void {
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  /** Makes the next token current, skipping spaces and comments (and newlines where they are whitespace). */
  next(): void {
    const text = this.text;
    const n = this.length;
    let i = this.pos;
    let c = 0;
    for (;;) {
      if (i >= n) {
        this.type = Tok.EOF;
        this.start = this.end = this.pos = n;
        return;
      }
      c = text.charCodeAt(i);
      if (c === 32 || c === 9) {
        i++;
      } else if (c === 10 || (c === 13 && text.charCodeAt(i + 1) === 10)) {
        const end = c === 10 ? i + 1 : i + 2;
        if (this.newlines) return this.token(Tok.Newline, i, end);
        i = end;
      } else if (c === 35) {
        i = this.lineComment(i, i + 1);
      } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
        i = this.lineComment(i, i + 2);
      } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
        i = this.blockComment(i);
      } else {
        break;
      }
    }

    if (c >= 128) {
      const cp = text.codePointAt(i)!;
      if (isIdentStartCode(cp)) return this.token(Tok.Ident, i, identEnd(text, i + (cp > 0xffff ? 2 : 1)));
      return this.token(Tok.Invalid, i, i + (cp > 0xffff ? 2 : 1));
    }
    const cls = CHAR_CLASS[c];
    if (cls & IDENT_START) return this.token(Tok.Ident, i, identEnd(text, i + 1));
    if (cls & DIGIT) return this.token(Tok.Number, i, numberEnd(text, i));

    const d = text.charCodeAt(i + 1);
    switch (c) {
      case 34:
        return this.token(Tok.Quote, i, i + 1);
      case 123:
        return this.token(Tok.LBrace, i, i + 1);
      case 125:
        return this.token(Tok.RBrace, i, i + 1);
      case 91:
        return this.token(Tok.LBrack, i, i + 1);
      case 93:
        return this.token(Tok.RBrack, i, i + 1);
      case 40:
        return this.token(Tok.LParen, i, i + 1);
      case 41:
        return this.token(Tok.RParen, i, i + 1);
      case 44:
        return this.token(Tok.Comma, i, i + 1);
      case 63:
        return this.token(Tok.Question, i, i + 1);
      case 46:
        return d === 46 && text.charCodeAt(i + 2) === 46 ? this.token(Tok.Ellipsis, i, i + 3) : this.token(Tok.Dot, i, i + 1);
      case 58:
        return d === 58 ? this.token(Tok.DoubleColon, i, i + 2) : this.token(Tok.Colon, i, i + 1);
      case 61:
        if (d === 61) return this.binary('==', 3, i, i + 2);
        return d === 62 ? this.token(Tok.FatArrow, i, i + 2) : this.token(Tok.Equal, i, i + 1);
      case 33:
        return d === 61 ? this.binary('!=', 3, i, i + 2) : this.token(Tok.Bang, i, i + 1);
      case 60:
        if (d === 60 && this.heredocOpener(i)) return;
        return d === 61 ? this.binary('<=', 4, i, i + 2) : this.binary('<', 4, i, i + 1);
      case 62:
        return d === 61 ? this.binary('>=', 4, i, i + 2) : this.binary('>', 4, i, i + 1);
      case 38:
        return d === 38 ? this.binary('&&', 2, i, i + 2) : this.token(Tok.Invalid, i, i + 1);
      case 124:
        return d === 124 ? this.binary('||', 1, i, i + 2) : this.token(Tok.Invalid, i, i + 1);
      case 43:
        return this.binary('+', 5, i, i + 1);
      case 45:
        return this.binary('-', 5, i, i + 1);
      case 42:
        return this.binary('*', 6, i, i + 1);
      case 47:
        return this.binary('/', 6, i, i + 1);
      case 37:
        return this.binary('%', 6, i, i + 1);
      case 126:
        return d === 125 ? this.token(Tok.TildeRBrace, i, i + 2) : this.token(Tok.Invalid, i, i + 1);
      default:
        return this.token(Tok.Invalid, i, i + 1);
    }
  }

  private token(type: Tok, start: number, end: number): void {
    this.type = type;
    this.start = start;
    this.end = this.pos = end;
  }

  private binary(op: BinaryOperator, prec: number, start: number, end: number): void {
    this.op = op;
    this.prec = prec;
    this.token(Tok.Binary, start, end);
  }

  /** `<<EOT` or `<<-EOT` directly followed by a newline opens a heredoc; anything else is two `<`. */
  private heredocOpener(i: number): boolean {
    const markerEnd = heredocMarkerEnd(this.text, i);
    if (markerEnd < 0) return false;
    this.heredocIndented = this.text.charCodeAt(i + 2) === 45;
    this.markerStart = this.heredocIndented ? i + 3 : i + 2;
    this.markerEnd = markerEnd;
    this.heredocBody = markerEnd + (this.text.charCodeAt(markerEnd) === 10 ? 1 : 2);
    this.token(Tok.Heredoc, i, markerEnd);
    return true;
  }

  /** A `#` or `//` comment; returns the offset of the newline that ends it, which stays a token. */
  private lineComment(start: number, textStart: number): number {
    const text = this.text;
    let end = text.indexOf('\n', textStart);
    if (end < 0) end = this.length;
    const contentEnd = end > textStart && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    this.addComment(start, contentEnd, textStart, contentEnd);
    return end;
  }

  private blockComment(start: number): number {
    const close = this.text.indexOf('*/', start + 2);
    if (close < 0) {
      this.error(start, start + 2, 'expected "*/" to close the comment, found end of file');
      this.addComment(start, this.length, start + 2, this.length);
      return this.length;
    }
    this.addComment(start, close + 2, start + 2, close);
    return close + 2;
  }

  addComment(start: number, end: number, textStart: number, textEnd: number): void {
    if (start < this.commentHorizon) return;
    this.commentHorizon = end;
    let i = start;
    while (i > 0 && (this.text.charCodeAt(i - 1) === 32 || this.text.charCodeAt(i - 1) === 9)) i--;
    const ownLine = i === 0 || this.text.charCodeAt(i - 1) === 10;
    this.comments.push({ text: this.text.slice(textStart, textEnd).trim(), ownLine, start, end });
  }

  /** The current token is of `type` (a method, so that TypeScript does not narrow `type` across `next()`). */
  is(type: Tok): boolean {
    return this.type === type;
  }

  /** The current token is the identifier `word`. */
  isWord(word: string): boolean {
    return this.type === Tok.Ident && this.end - this.start === word.length && this.text.startsWith(word, this.start);
  }

  /** The current token, as error messages show it. */
  describe(): string {
    switch (this.type) {
      case Tok.EOF:
        return 'end of file';
      case Tok.Newline:
        return 'a newline';
      case Tok.Quote:
        return 'a quoted string';
      case Tok.Heredoc:
        return 'a heredoc';
      default:
        return JSON.stringify(this.text.slice(this.start, Math.min(this.end, this.start + 40)));
    }
  }

  error(start: number, end: number, message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ message, start, end });
  }

  /** Records an error and abandons the current body item. */
  fail(start: number, end: number, message: string): never {
    this.error(start, end, message);
    throw RECOVER;
  }

  /** Fails at the current token: `expected <what>, found <token>`. */
  unexpected(what: string): never {
    return this.fail(this.start, this.end, `expected ${what}, found ${this.describe()}`);
  }

  /*
   * Depth accounting. `depth` counts the constructs being parsed inside each other; `peak` is the
   * deepest tree level below the root of the current operator chain. A chain (`a + b + c`,
   * `a.b.c`, `a ? b : c`) puts each new node above the nodes parsed before it, so every link
   * deepens what came earlier: `extendChain` counts that, and both counts stay within MAX_DEPTH.
   */

  enter(): void {
    const depth = ++this.depth;
    if (depth > this.peak) {
      this.peak = depth;
      if (depth > MAX_DEPTH) this.tooDeep();
    }
  }

  leave(): void {
    this.depth--;
  }

  beginChain(): number {
    const saved = this.peak;
    this.peak = this.depth;
    return saved;
  }

  extendChain(): void {
    if (++this.peak > MAX_DEPTH) this.tooDeep();
  }

  endChain(saved: number): void {
    if (saved > this.peak) this.peak = saved;
  }

  private tooDeep(): never {
    return this.fail(this.start, this.end, `expected at most ${MAX_DEPTH} levels of nesting, found more`);
  }
}

/** If `<<EOT` or `<<-EOT` at `i` is followed by a newline, the end of its marker `EOT`; else -1. */
export function heredocMarkerEnd(text: string, i: number): number {
  let j = i + 2;
  if (text.charCodeAt(j) === 45) j++;
  if (j >= text.length) return -1;
  const c = text.charCodeAt(j);
  if (c < 128 ? (CHAR_CLASS[c] & IDENT_START) === 0 : !isIdentStartCode(text.codePointAt(j)!)) return -1;
  const end = identEnd(text, j);
  const after = text.charCodeAt(end);
  return after === 10 || (after === 13 && text.charCodeAt(end + 1) === 10) ? end : -1;
}
