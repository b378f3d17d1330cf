import path from 'node:path';
import type { Finding, Notice, Range, SourceFile } from '../model';
import type { Workspace } from '../parse/workspace';

/** Longest snippet kept per location; a minified template must not flood a report. */
const MAX_SNIPPET_CHARS = 400;
const MAX_SNIPPET_LINES = 3;

/**
 * Keeps the source lines that reports show, and only those: once parsing is over, the text of
 * files without findings is no longer referenced, so memory stays bounded by what is reported.
 * A finding may point at a file that was not discovered (a CDK app's source line, a Terraform
 * module outside the given paths): that file is read through the workspace, inside the scan root
 * and within its size limit, or its findings have no snippet.
 */
export class SnippetStore {
  private readonly lines = new Map<string, string[]>();

  constructor(files: SourceFile[], findings: Finding[], notices: Notice[], workspace: Workspace) {
    const wanted = new Set<string>();
    for (const f of findings) {
      wanted.add(f.at.file);
      for (const r of f.related) wanted.add(r.range.file);
    }
    for (const n of notices) if (n.range) wanted.add(n.range.file);
    for (const file of files) {
      if (wanted.has(file.rel)) this.lines.set(file.rel, splitLines(file.text));
    }
    // Only the places findings point at are read again: related places show no snippet.
    for (const rel of new Set(findings.map((f) => f.at.file))) {
      if (this.lines.has(rel)) continue;
      const read = workspace.readText(path.join(workspace.root, rel));
      if ('text' in read) this.lines.set(rel, splitLines(read.text));
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

function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}
