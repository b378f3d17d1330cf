import {
  MAX_CODE_POINT,
  PERL_CLASSES,
  POSIX_CLASSES,
  complementRanges,
  normalizeRanges,
  pairsOf,
  unicodeProperty,
  type CharClass,
  type UnicodeProperty,
} from './charclass';

/**
 * Parses the RE2 syntax Terraform's `regex`, `regexall` and `replace` take (Go's `regexp`):
 * classes, Perl and POSIX classes, `\p{...}`, `\Q...\E`, groups (capturing, `(?P<name>)`,
 * `(?:)`), flags `i m s U`, greedy and lazy repetition up to 1000, and the zero-width `^ $ \A \z
 * \b \B`. Flags are resolved here, so the tree carries none. Anything RE2 rejects (backreferences,
 * lookaround) is a `PatternError`, as it is an error in Terraform.
 */
export type PatternNode =
  | { type: 'char'; cls: CharClass }
  | { type: 'assert'; kind: Assertion }
  | { type: 'capture'; index: number; body: PatternNode }
  | { type: 'concat'; items: PatternNode[] }
  | { type: 'alt'; items: PatternNode[] }
  | { type: 'repeat'; body: PatternNode; min: number; max: number; greedy: boolean };

export type Assertion = 'lineStart' | 'lineEnd' | 'textStart' | 'textEnd' | 'wordBoundary' | 'notWordBoundary';

export interface ParsedPattern {
  root: PatternNode;
  /** Capture groups, numbered from 1. */
  groupCount: number;
  /** `names[i]`: the name of group i, if it has one (`names[0]` is unused). */
  names: (string | undefined)[];
}

export class PatternError extends Error {}

/** RE2's limit on `{n,m}` counts. */
const MAX_REPEAT = 1000;

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
}

const NEWLINE = 0x0a;

export function parsePattern(source: string): ParsedPattern {
  return new PatternParser(source).parse();
}

class PatternParser {
  private pos = 0;
  private groupCount = 0;
  private readonly names: (string | undefined)[] = [undefined];

  constructor(private readonly src: string) {}

  parse(): ParsedPattern {
    const root = this.alternation({ i: false, m: false, s: false, U: false });
    if (this.pos < this.src.length) throw new PatternError('unexpected )');
    return { root, groupCount: this.groupCount, names: this.names };
  }

  private peek(offset = 0): string {
    return this.src.charAt(this.pos + offset);
  }

  /** `flags` belongs to the enclosing group: `(?i)` changes it for the rest of that group. */
  private alternation(flags: Flags): PatternNode {
    const branches = [this.concatenation(flags)];
    while (this.peek() === '|') {
      this.pos++;
      branches.push(this.concatenation(flags));
    }
    return branches.length === 1 ? branches[0] : { type: 'alt', items: branches };
  }

  private concatenation(flags: Flags): PatternNode {
    const items: PatternNode[] = [];
    while (this.pos < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom(flags);
      if (atom !== undefined) items.push(this.repeated(atom, flags));
    }
    return items.length === 1 ? items[0] : { type: 'concat', items };
  }

  /** One atom; undefined for a flag group such as `(?i)`, which matches nothing. */
  private atom(flags: Flags): PatternNode | undefined {
    const c = this.peek();
    switch (c) {
      case '(':
        return this.group(flags);
      case '[':
        return this.bracket(flags);
      case '.':
        this.pos++;
        return charNode(flags.s ? [[0, MAX_CODE_POINT]] : [[0, NEWLINE - 1], [NEWLINE + 1, MAX_CODE_POINT]], false);
      case '^':
        this.pos++;
        return { type: 'assert', kind: flags.m ? 'lineStart' : 'textStart' };
      case '$':
        this.pos++;
        return { type: 'assert', kind: flags.m ? 'lineEnd' : 'textEnd' };
      case '\\':
        return this.escape(flags);
      case '*':
      case '+':
      case '?':
        throw new PatternError(`missing argument to repetition operator: ${c}`);
      case '{':
        if (this.repeatAt() !== undefined) throw new PatternError('missing argument to repetition operator: {');
        return this.literal(flags);
      default:
        return this.literal(flags);
    }
  }

  private literal(flags: Flags): PatternNode {
    const codePoint = this.src.codePointAt(this.pos) as number;
    this.pos += codePoint > 0xffff ? 2 : 1;
    return literalNode(codePoint, flags);
  }

  private group(flags: Flags): PatternNode | undefined {
    this.pos++;
    let groupFlags = { ...flags };
    let index: number | undefined;
    if (this.peek() === '?') {
      const name = /^\?P?<([^>]*)>/.exec(this.src.slice(this.pos));
      if (name) {
        if (!/^[A-Za-z0-9_]+$/.test(name[1])) throw new PatternError(`invalid capture group name: ${name[1]}`);
        if (this.names.includes(name[1])) throw new PatternError(`duplicate capture group name: ${name[1]}`);
        this.pos += name[0].length;
        index = this.newGroup(name[1]);
      } else {
        this.pos++;
        const changed = this.flagChanges(flags);
        if (this.peek() === ')') {
          // `(?i)`: the flags hold for the rest of the enclosing group.
          this.pos++;
          Object.assign(flags, changed);
          return undefined;
        }
        this.pos++; // the ':' of `(?flags:...)` or `(?:...)`
        groupFlags = changed;
      }
    } else {
      index = this.newGroup(undefined);
    }
    const body = this.alternation(groupFlags);
    if (this.peek() !== ')') throw new PatternError('missing closing )');
    this.pos++;
    return index === undefined ? body : { type: 'capture', index, body };
  }

  private newGroup(name: string | undefined): number {
    this.names.push(name);
    return ++this.groupCount;
  }

  /** Reads `flags` in `(?flags)` or `(?flags:`, stopping before the `)` or `:`. */
  private flagChanges(flags: Flags): Flags {
    const changed = { ...flags };
    let negate = false;
    let any = false;
    for (;;) {
      const c = this.peek();
      if (c === ')' || c === ':') {
        if (!any && (c === ')' || negate)) throw new PatternError('missing flags in (?)');
        return changed;
      }
      if (c === '-' && !negate) negate = true;
      else if (c === 'i' || c === 'm' || c === 's' || c === 'U') {
        changed[c] = !negate;
        any = true;
      } else throw new PatternError('invalid or unsupported Perl syntax: (?' + c);
      this.pos++;
    }
  }

  private repeated(atom: PatternNode, flags: Flags): PatternNode {
    const repeat = this.repetition();
    if (repeat === undefined) return atom;
    const lazy = this.peek() === '?';
    if (lazy) this.pos++;
    if (this.repetitionFollows()) throw new PatternError('invalid nested repetition operator');
    return { type: 'repeat', body: atom, min: repeat.min, max: repeat.max, greedy: lazy === flags.U };
  }

  private repetitionFollows(): boolean {
    const c = this.peek();
    return c === '*' || c === '+' || c === '?' || (c === '{' && this.repeatAt() !== undefined);
  }

  private repetition(): { min: number; max: number } | undefined {
    const c = this.peek();
    if (c === '*' || c === '+' || c === '?') {
      this.pos++;
      return { min: c === '+' ? 1 : 0, max: c === '?' ? 1 : Infinity };
    }
    if (c !== '{') return undefined;
    const counted = this.repeatAt();
    if (counted === undefined) return undefined;
    this.pos += counted.length;
    return counted;
  }

  /** A `{n}`, `{n,}` or `{n,m}` at the current position; a `{` that is not one is a literal. */
  private repeatAt(): { min: number; max: number; length: number } | undefined {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos, this.pos + 24));
    if (!m) return undefined;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    if (min > MAX_REPEAT || (max !== Infinity && (max > MAX_REPEAT || max < min))) {
      throw new PatternError(`invalid repeat count: ${m[0]}`);
    }
    return { min, max, length: m[0].length };
  }

  private escape(flags: Flags): PatternNode {
    this.pos++;
    const c = this.peek();
    if (c === '') throw new PatternError('trailing backslash at end of expression');
    switch (c) {
      case 'A':
      case 'z':
      case 'b':
      case 'B':
        this.pos++;
        return { type: 'assert', kind: c === 'A' ? 'textStart' : c === 'z' ? 'textEnd' : c === 'b' ? 'wordBoundary' : 'notWordBoundary' };
      case 'Q': {
        this.pos++;
        const end = this.src.indexOf('\\E', this.pos);
        const text = this.src.slice(this.pos, end === -1 ? undefined : end);
        this.pos = end === -1 ? this.src.length : end + 2;
        return { type: 'concat', items: Array.from(text, (ch) => literalNode(ch.codePointAt(0) as number, flags)) };
      }
    }
    const item = this.classEscape();
    return 'codePoint' in item ? literalNode(item.codePoint, flags) : { type: 'char', cls: { ...item.cls, foldCase: flags.i } };
  }

  /**
   * An escape that stands for characters, inside or outside brackets: a single character
   * (`\n`, `\x41`, `\101`, `\.`) or a class (`\d`, `\pL`). The backslash is already read.
   */
  private classEscape(): { codePoint: number } | { cls: CharClass } {
    const c = this.peek();
    this.pos++;
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) return { codePoint: simple };
    const perl = PERL_CLASSES[c.toLowerCase()];
    if (perl) {
      const ranges = normalizeRanges(perl);
      return { cls: classOf(c === c.toLowerCase() ? ranges : normalizeRanges(complementRanges(ranges)), []) };
    }
    if (c === 'p' || c === 'P') return { cls: classOf([], [this.unicodeClass(c === 'P')]) };
    if (c === 'x') return { codePoint: this.hexEscape() };
    if (c >= '0' && c <= '7') {
      const octal = /^[0-7]{0,2}/.exec(this.src.slice(this.pos))?.[0] ?? '';
      if (c !== '0' && octal === '') throw new PatternError(`invalid escape sequence: \\${c} (backreferences are not supported)`);
      this.pos += octal.length;
      return { codePoint: parseInt(c + octal, 8) };
    }
    const code = c.charCodeAt(0);
    if (code < 0x80 && !/[A-Za-z0-9]/.test(c)) return { codePoint: code };
    throw new PatternError(`invalid escape sequence: \\${c}`);
  }

  private unicodeClass(negatedEscape: boolean): UnicodeProperty {
    let name: string;
    if (this.peek() === '{') {
      const end = this.src.indexOf('}', this.pos);
      if (end === -1) throw new PatternError('invalid character class range: missing }');
      name = this.src.slice(this.pos + 1, end);
      this.pos = end + 1;
    } else {
      name = this.peek();
      this.pos++;
    }
    const negated = name.startsWith('^') !== negatedEscape;
    const property = unicodeProperty(name.replace(/^\^/, ''), negated);
    if (!property) throw new PatternError(`invalid character class range: \\p{${name}}`);
    return property;
  }

  private hexEscape(): number {
    const m = /^(?:\{([0-9A-Fa-f]{1,6})\}|([0-9A-Fa-f]{2}))/.exec(this.src.slice(this.pos));
    const hex = m?.[1] ?? m?.[2];
    if (!m || hex === undefined || parseInt(hex, 16) > MAX_CODE_POINT) throw new PatternError('invalid escape sequence: \\x');
    this.pos += m[0].length;
    return parseInt(hex, 16);
  }

  /** `[...]` with negation, ranges, escapes and `[:posix:]` classes. */
  private bracket(flags: Flags): PatternNode {
    this.pos++;
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    const pairs: [number, number][] = [];
    const properties: UnicodeProperty[] = [];
    let first = true;
    while (this.peek() !== ']' || first) {
      if (this.pos >= this.src.length) throw new PatternError('missing closing ]');
      first = false;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.src.slice(this.pos, this.pos + 12));
      if (posix) {
        const ranges = POSIX_CLASSES[posix[2]];
        if (!ranges) throw new PatternError(`invalid character class range: ${posix[0]}`);
        pairs.push(...(posix[1] ? complementRanges(normalizeRanges(ranges)) : ranges));
        this.pos += posix[0].length;
        continue;
      }
      const low = this.bracketItem();
      if ('cls' in low) {
        pairs.push(...pairsOf(low.cls.ranges));
        properties.push(...low.cls.properties);
        continue;
      }
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '') {
        this.pos++;
        const high = this.bracketItem();
        if ('cls' in high || high.codePoint < low.codePoint) throw new PatternError('invalid character class range');
        pairs.push([low.codePoint, high.codePoint]);
      } else {
        pairs.push([low.codePoint, low.codePoint]);
      }
    }
    this.pos++;
    return { type: 'char', cls: { ranges: normalizeRanges(pairs), properties, negated, foldCase: flags.i } };
  }

  private bracketItem(): { codePoint: number } | { cls: CharClass } {
    if (this.peek() === '\\') {
      this.pos++;
      return this.classEscape();
    }
    const codePoint = this.src.codePointAt(this.pos) as number;
    this.pos += codePoint > 0xffff ? 2 : 1;
    return { codePoint };
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };

function classOf(ranges: number[], properties: UnicodeProperty[]): CharClass {
  return { ranges, properties, negated: false, foldCase: false };
}

function charNode(pairs: [number, number][], foldCase: boolean): PatternNode {
  return { type: 'char', cls: { ranges: normalizeRanges(pairs), properties: [], negated: false, foldCase } };
}

function literalNode(codePoint: number, flags: Flags): PatternNode {
  return charNode([[codePoint, codePoint]], flags.i);
}
