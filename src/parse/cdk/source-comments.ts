import path from 'node:path';
import type { Comment, Resource } from '../../model';
import type { Workspace } from '../workspace';

const HASH = 35; // #
const SLASH = 47; // /
const DIRECTIVE = 'iac-scan:';

/**
 * The line comments of the app's source files that CDK findings point into, so that an
 * `iac-scan:ignore` written above `new s3.Bucket(…)` (or at the end of a property's line) covers
 * the findings placed there, as it does in a template. Only files some resource was placed in are
 * read (each once, size-bounded by the workspace). The app's language is not parsed: a line whose
 * first non-blank characters are the language's line-comment marker (`#` in Python, `//`
 * elsewhere) is an own-line comment, and a marker after code counts only when a directive
 * follows it, since a marker inside a string literal is indistinguishable from a comment here.
 */
export function sourceComments(resources: readonly Resource[], workspace: Workspace): Comment[] {
  const files = new Set<string>();
  for (const { userCode } of resources) {
    if (!userCode) continue;
    if (userCode.created) files.add(userCode.created.file);
    for (const range of userCode.properties.values()) files.add(range.file);
  }
  const comments: Comment[] = [];
  for (const rel of files) {
    const read = workspace.readText(path.join(workspace.root, rel));
    if ('text' in read) comments.push(...lineComments(rel, read.text));
  }
  return comments;
}

function lineComments(file: string, text: string): Comment[] {
  const marker = file.endsWith('.py') ? '#' : '//';
  const comments: Comment[] = [];
  // The next directive at or after the current line, found once per occurrence: linear in the file.
  let directive = text.indexOf(DIRECTIVE);
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (directive !== -1 && directive < start) directive = text.indexOf(DIRECTIVE, start);
    let last = -1;
    while (directive !== -1 && directive < end) {
      last = directive;
      directive = text.indexOf(DIRECTIVE, directive + 1);
    }
    const comment = commentIn(text, start, last, marker);
    if (comment) {
      const column = comment.at - start + 1;
      const endColumn = end - start + 1 - (text.charCodeAt(end - 1) === 13 ? 1 : 0);
      comments.push({
        range: { file, start: { line: line + 1, column }, end: { line: line + 1, column: endColumn } },
        text: text.slice(comment.at + marker.length, end).trim(),
        ownLine: comment.ownLine,
      });
    }
    start = end + 1;
  }
  return comments;
}

/**
 * Where the line's comment starts: at its first non-blank character, or at the marker just before
 * the line's last directive (`lastDirective`, -1 for none) when code precedes it.
 */
function commentIn(text: string, start: number, lastDirective: number, marker: string): { at: number; ownLine: boolean } | undefined {
  let first = start;
  while (first < text.length && isBlank(text.charCodeAt(first))) first++;
  if (text.startsWith(marker, first)) return { at: first, ownLine: true };
  if (lastDirective === -1) return undefined;
  let at = lastDirective - 1;
  while (at > first && isBlank(text.charCodeAt(at))) at--;
  const isMarker = marker.length === 1 ? text.charCodeAt(at) === HASH : text.charCodeAt(at) === SLASH && text.charCodeAt(at - 1) === SLASH;
  const markerStart = at - marker.length + 1;
  return isMarker && markerStart > first ? { at: markerStart, ownLine: false } : undefined;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}
