import type { LineTable, Notice, Range } from '../../model';
import type { LimitExceeded } from './syntax';

/** Notices about the input itself. Their place goes in `range`; reports print it before the message. */
export function noticeAt(
  lines: LineTable,
  level: Notice['level'],
  code: string,
  message: string,
  start: number,
  end = start,
): Notice {
  return { level, code, message, file: lines.file, range: lines.range(start, end) };
}

/** A notice about what is written at `range`, once the text is read into values. */
export function noticeAtRange(range: Range, level: Notice['level'], code: string, message: string): Notice {
  return { level, code, message, file: range.file, range };
}

/** A syntax error: the file is skipped, and the user is told what the parser expected. */
export function syntaxError(
  lines: LineTable,
  syntax: 'YAML' | 'JSON',
  expected: string,
  start: number,
  end = start,
): Notice {
  return noticeAt(
    lines,
    'error',
    'parse-error',
    `Invalid ${syntax}: ${expected}. Fix the ${syntax} at this place; ` +
      'the file was not scanned.',
    start,
    end,
  );
}

export function limitNotice(lines: LineTable, limit: LimitExceeded): Notice {
  return noticeAt(lines, 'error', limit.code, limit.message, limit.offset);
}

export function duplicateKeyNotice(lines: LineTable, key: string, start: number, end: number): Notice {
  return noticeAt(
    lines,
    'warning',
    'duplicate-key',
    `The key "${key}" appears twice in the same mapping; the later one is used. Remove one of them.`,
    start,
    end,
  );
}

export const depthMessage = (maxDepth: number): string =>
  `Collections are nested deeper than ${maxDepth} levels, which no real template needs; ` +
  'the file was not scanned. Flatten the structure, or raise the depth limit if the file is trusted.';

export const aliasMessage = (maxAliasCount: number): string =>
  `YAML aliases expand more than ${maxAliasCount} times (an alias bomb?); the file was not scanned. ` +
  'Replace the aliases with plain values.';
