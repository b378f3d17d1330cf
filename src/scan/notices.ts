import type { Notice } from '../model';

const LEVEL_ORDER = { error: 0, warning: 1, note: 2 } as const;

/** Notices in a stable order: by file, line, then level and code, so every report is deterministic. */
export function compareNotices(a: Notice, b: Notice): number {
  const fa = a.range?.file ?? a.file ?? '';
  const fb = b.range?.file ?? b.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const la = a.range?.start.line ?? 0;
  const lb = b.range?.start.line ?? 0;
  if (la !== lb) return la - lb;
  if (a.level !== b.level) return LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level];
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** `file:line:col: message`, the form every terminal and editor links. */
export function formatNotice(n: Notice): string {
  const where = n.range
    ? `${n.range.file}:${n.range.start.line}:${n.range.start.column}: `
    : n.file
      ? `${n.file}: `
      : '';
  return `${where}${n.message}`;
}
