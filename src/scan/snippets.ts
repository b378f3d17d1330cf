import type { Finding, Notice, Range, SourceFile } from '../model';

/** Longest snippet kept per location; a minified template must not flood a report. */
const MAX_SNIPPET_CHARS = 400;
const MAX_SNIPPET_LINES = 3;

/**
 * Keeps the source lines that reports show, and only those: once parsing is over, the text of
 * files without findings is no longer referenced, so memory stays bounded by what is reported.
 */
export class SnippetStore {
  private readonly lines = new Map<string, string[]>();

  constructor(files: SourceFile[], findings: Finding[], notices: Notice[]) {
    const wanted = new Set<string>();
    for (const f of findings) {
      wanted.add(f.at.file);
      for (const r of f.related) wanted.add(r.range.file);
    }
    for (const n of notices) if (n.range) wanted.add(n.range.file);
    for (const file of files) {
      if (wanted.has(file.rel)) this.lines.set(file.rel, file.text.split(/\r?\n/));
    }
  }

  get(range: Range): string {
    const lines = this.lines.get(range.file);
    if (!lines) return '';
    const last = Math.min(range.end.line, range.start.line + MAX_SNIPPET_LINES - 1);
    const text = lines.slice(range.start.line - 1, last).join('\n');
    return text.length > MAX_SNIPPET_CHARS ? `${text.slice(0, MAX_SNIPPET_CHARS)}…` : text;
  }
}
