import type { Range } from '../../model';
import { printable } from '../ansi';

/**
 * Markdown's own characters in text from scanned files (messages, justifications, addresses),
 * so they read as written and cannot open a link, an HTML tag or a table cell. An underscore
 * inside a word opens nothing (`aws_db_instance`), so only one at a word's edge is escaped.
 */
const SPECIAL = /[\\`*<>[\]|&]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;

/** Scanned text as one line of Markdown prose: line breaks become spaces, control characters are shown as `\xNN`. */
export function prose(text: string): string {
  // Escaped before control characters are shown, so the backslash of `\xNN` stays as written.
  return printable(oneLine(text).replace(SPECIAL, '\\$&'));
}

/** Scanned text as a code span: a fence longer than any run of backticks in it, and `|` escaped for tables. */
export function code(text: string): string {
  const inside = printable(oneLine(text)).replaceAll('|', '\\|');
  const longest = Math.max(0, ...(inside.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = inside.startsWith('`') || inside.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${inside}${pad}${fence}`;
}

/** `file:line` of a range, as a code span. */
export function place(range: Range): string {
  return code(`${range.file}:${range.start.line}`);
}

/** One table row; the cells are Markdown already. */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A table's header and delimiter rows. */
export function tableHead(headings: readonly string[]): string[] {
  return [tableRow(headings), tableRow(headings.map(() => '---'))];
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ');
}
