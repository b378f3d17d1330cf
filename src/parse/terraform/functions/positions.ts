import { LineTable, type Position, type Range, type Value } from '../../../model';

/**
 * Where decoded values point. When a string's text is known to stand character for character
 * at some range (what `file` reads: the whole file is the result's origin), each decoded node
 * gets its own exact range there, so a finding in `jsondecode(file("policy.json"))` points at
 * the line in policy.json. Otherwise every node points at the string.
 */
export type Placer = (start: number, end: number) => Range;

/** The range `text` covers when it is written from `start` (lines end at `\n`, as LineTable counts them). */
export function spanOf(file: string, start: Position, text: string): Range {
  let breaks = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) breaks++;
  const lastBreak = text.lastIndexOf('\n');
  const end = breaks === 0
    ? { line: start.line, column: start.column + text.length }
    : { line: start.line + breaks, column: text.length - lastBreak };
  return { file, start, end };
}

/** A range among the value's own and its origins where `text` stands exactly as it is: it ends where the text would. */
export function verbatimRange(value: Value, text: string): Range | undefined {
  return [value.range, ...(value.origin ?? [])].find((range) => {
    const end = spanOf(range.file, range.start, text).end;
    return end.line === range.end.line && end.column === range.end.column;
  });
}

/** Ranges for offsets into `text`: exact inside `verbatim` when there is one, else `fallback` for all. */
export function placerFor(text: string, verbatim: Range | undefined, fallback: Range): Placer {
  if (!verbatim) return () => fallback;
  const lines = new LineTable(verbatim.file, text);
  const origin = verbatim.start;
  const shift = (p: Position): Position =>
    p.line === 1 ? { line: origin.line, column: origin.column + p.column - 1 } : { line: origin.line + p.line - 1, column: p.column };
  return (start, end) => ({ file: verbatim.file, start: shift(lines.position(start)), end: shift(lines.position(end)) });
}
