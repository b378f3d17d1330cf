/**
 * The path syntax of the rule language: `a.b`, `list[*]`, `list[0]`, `map.*`.
 * Parsed once per distinct path text; rules are few, so the cache stays small.
 */
export type Step =
  | { kind: 'key'; key: string }
  | { kind: 'index'; index: number }
  /** `[*]`: every item of a list. */
  | { kind: 'items' }
  /** `.*`: every value of a map. */
  | { kind: 'values' };

export class PathSyntaxError extends Error {
  constructor(
    readonly path: string,
    /** 0-based offset of the offending character. */
    readonly offset: number,
    detail: string,
  ) {
    super(`invalid path "${path}" at character ${offset + 1}: ${detail}`);
    this.name = 'PathSyntaxError';
  }
}

const DOT = 46;
const OPEN = 91;
const CLOSE = 93;
const STAR = 42;
const ZERO = 48;
const NINE = 57;

const cache = new Map<string, Step[]>();

export function parsePath(text: string): Step[] {
  let steps = cache.get(text);
  if (!steps) {
    steps = scan(text);
    cache.set(text, steps);
  }
  return steps;
}

function scan(text: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  let expectKey = true; // at the start and after a dot a key (or `*`) must follow
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === OPEN) {
      if (steps.length === 0 && expectKey) throw new PathSyntaxError(text, i, 'a path starts with a key');
      const close = text.indexOf(']', i);
      if (close < 0) throw new PathSyntaxError(text, i, 'missing "]"');
      steps.push(bracket(text, i + 1, close));
      i = close + 1;
      expectKey = false;
      continue;
    }
    if (c === DOT) {
      if (expectKey) throw new PathSyntaxError(text, i, 'expected a key before "."');
      i++;
      expectKey = true;
      if (i >= text.length) throw new PathSyntaxError(text, i - 1, 'expected a key after "."');
      continue;
    }
    if (!expectKey) throw new PathSyntaxError(text, i, 'expected ".", "[" or the end of the path');
    let end = i;
    while (end < text.length) {
      const d = text.charCodeAt(end);
      if (d === DOT || d === OPEN || d === CLOSE) break;
      end++;
    }
    if (end === i) throw new PathSyntaxError(text, i, 'unexpected "]"');
    const key = text.slice(i, end);
    if (key === '*') steps.push({ kind: 'values' });
    else if (key.includes('*')) throw new PathSyntaxError(text, i, '"*" must be a whole step');
    else steps.push({ kind: 'key', key });
    i = end;
    expectKey = false;
  }
  if (steps.length === 0) throw new PathSyntaxError(text, 0, 'the path is empty');
  return steps;
}

function bracket(text: string, from: number, to: number): Step {
  if (to === from + 1 && text.charCodeAt(from) === STAR) return { kind: 'items' };
  if (to === from) throw new PathSyntaxError(text, from, 'expected "*" or an index inside "[]"');
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i);
    if (d < ZERO || d > NINE) throw new PathSyntaxError(text, i, 'expected "*" or an index inside "[]"');
    n = n * 10 + (d - ZERO);
  }
  return { kind: 'index', index: n };
}

/** Appends a step to a concrete path, as reports show it: `a.b[0].c`. */
export function joinKey(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

export function joinIndex(path: string, index: number): string {
  return `${path}[${index}]`;
}
