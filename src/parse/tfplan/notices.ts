import type { LineTable, Notice } from '../../model';
import { noticeAt } from '../document/notices';

/** How to make a file this parser reads, for messages that tell the user what to do. */
export const HOW_TO_MAKE_A_PLAN = 'terraform plan -out plan.out && terraform show -json plan.out > plan.json';

/** A place in the plan: a node, or the first character of one (`{ start, end: start + 1 }`). */
export interface Span {
  start: number;
  end: number;
}

/** The first character of a node: where a notice about the whole of it points. */
export const start = (node: Span): Span => ({ start: node.start, end: node.start + 1 });

/** The plan cannot be read: the file is skipped, and the message says what was expected. */
export function planError(lines: LineTable, code: string, message: string, at: Span): Notice {
  return noticeAt(lines, 'error', code, message, at.start, at.end);
}

/** Part of the plan was left out or read with an assumption; the rest was scanned. */
export function planWarning(lines: LineTable, code: string, message: string, at: Span): Notice {
  return noticeAt(lines, 'warning', code, message, at.start, at.end);
}
