/**
 * Sets of characters for the pattern engine: sorted code-point ranges, plus Unicode properties
 * (`\pL`, `\p{Greek}`) that are tested one character at a time with a JavaScript property
 * escape. Such a test reads one character and cannot backtrack, so it is safe on any input.
 */
export interface CharClass {
  /** Flat, sorted, non-overlapping inclusive pairs: `[lo0, hi0, lo1, hi1, ...]`. */
  ranges: number[];
  properties: UnicodeProperty[];
  negated: boolean;
  /** `(?i)`: a character matches when it or its other case does. */
  foldCase: boolean;
}

export interface UnicodeProperty {
  test: RegExp;
  negated: boolean;
}

export const MAX_CODE_POINT = 0x10ffff;

export function classMatches(cls: CharClass, codePoint: number): boolean {
  let hit = inClass(cls, codePoint);
  if (!hit && cls.foldCase) hit = otherCases(codePoint).some((c) => inClass(cls, c));
  return hit !== cls.negated;
}

function inClass(cls: CharClass, codePoint: number): boolean {
  if (inRanges(cls.ranges, codePoint)) return true;
  if (cls.properties.length === 0) return false;
  const char = String.fromCodePoint(codePoint);
  return cls.properties.some((p) => p.test.test(char) !== p.negated);
}

function inRanges(ranges: number[], codePoint: number): boolean {
  let low = 0;
  let high = ranges.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (codePoint < ranges[2 * mid]) high = mid - 1;
    else if (codePoint > ranges[2 * mid + 1]) low = mid + 1;
    else return true;
  }
  return false;
}

/** The simple (one character to one character) case mappings of a code point. */
function otherCases(codePoint: number): number[] {
  if (codePoint < 0x80) {
    const isLetter = (codePoint | 0x20) >= 0x61 && (codePoint | 0x20) <= 0x7a;
    return isLetter ? [codePoint ^ 0x20] : [];
  }
  const char = String.fromCodePoint(codePoint);
  const cases: number[] = [];
  for (const mapped of [char.toLowerCase(), char.toUpperCase()]) {
    const c = mapped.codePointAt(0) as number;
    if (mapped.length === String.fromCodePoint(c).length && c !== codePoint && !cases.includes(c)) cases.push(c);
  }
  return cases;
}

/** Sorts and merges `[lo, hi]` pairs into the flat form of `CharClass.ranges`. */
export function normalizeRanges(pairs: [number, number][]): number[] {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  const flat: number[] = [];
  for (const [lo, hi] of sorted) {
    const last = flat.length - 1;
    if (last > 0 && lo <= flat[last] + 1) flat[last] = Math.max(flat[last], hi);
    else flat.push(lo, hi);
  }
  return flat;
}

export function complementRanges(flat: number[]): [number, number][] {
  const pairs: [number, number][] = [];
  let next = 0;
  for (let i = 0; i < flat.length; i += 2) {
    if (flat[i] > next) pairs.push([next, flat[i] - 1]);
    next = flat[i + 1] + 1;
  }
  if (next <= MAX_CODE_POINT) pairs.push([next, MAX_CODE_POINT]);
  return pairs;
}

export function pairsOf(flat: number[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
  return pairs;
}

const code = (char: string) => char.codePointAt(0) as number;
const span = (from: string, to: string): [number, number] => [code(from), code(to)];
const one = (char: string): [number, number] => [code(char), code(char)];

/** `\d`, `\s`, `\w`: ASCII only, as in RE2. */
export const PERL_CLASSES: Readonly<Record<string, [number, number][]>> = {
  d: [span('0', '9')],
  s: [one('\t'), one('\n'), one('\f'), one('\r'), one(' ')],
  w: [span('0', '9'), span('A', 'Z'), span('a', 'z'), one('_')],
};

/** `[[:name:]]` inside a bracket expression, as RE2 defines them. */
export const POSIX_CLASSES: Readonly<Record<string, [number, number][]>> = {
  alnum: [span('0', '9'), span('A', 'Z'), span('a', 'z')],
  alpha: [span('A', 'Z'), span('a', 'z')],
  ascii: [[0, 0x7f]],
  blank: [one('\t'), one(' ')],
  cntrl: [[0, 0x1f], [0x7f, 0x7f]],
  digit: [span('0', '9')],
  graph: [[0x21, 0x7e]],
  lower: [span('a', 'z')],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[0x09, 0x0d], one(' ')],
  upper: [span('A', 'Z')],
  word: [span('0', '9'), span('A', 'Z'), span('a', 'z'), one('_')],
  xdigit: [span('0', '9'), span('A', 'F'), span('a', 'f')],
};

/**
 * A Unicode class by RE2 name: a one- or two-letter general category (`L`, `Lu`), `Any`, or a
 * script (`Greek`). The name is checked to be letters only before it goes into a property escape.
 */
export function unicodeProperty(name: string, negated: boolean): UnicodeProperty | undefined {
  if (!/^[A-Za-z_]{1,40}$/.test(name)) return undefined;
  const escape = name === 'Any' ? 'Any' : name.length <= 2 ? `General_Category=${name}` : `Script=${name}`;
  try {
    return { test: new RegExp(`^\\p{${escape}}$`, 'u'), negated };
  } catch {
    return undefined;
  }
}
