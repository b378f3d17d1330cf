import type { Location, PhysicalLocation, Region } from 'sarif';
import type { Range } from '../model';

/** Every artifact URI is relative to this base, which the run maps to the scan root. */
export const SRCROOT = '%SRCROOT%';

/** A relative path as a URI reference: each segment percent-encoded (spaces, `#`, `%`, non-ASCII). */
export function relativeUri(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/');
}

/** SARIF regions and our ranges agree: 1-based, end column exclusive, UTF-16 columns. */
export function region(range: Range): Region {
  const endLine = Math.max(range.end.line, range.start.line);
  const endColumn =
    endLine === range.start.line ? Math.max(range.end.column, range.start.column) : Math.max(range.end.column, 1);
  return { startLine: range.start.line, startColumn: range.start.column, endLine, endColumn };
}

export function physicalLocation(range: Range): PhysicalLocation {
  return { artifactLocation: fileLocation(range.file), region: region(range) };
}

export function fileLocation(file: string): { uri: string; uriBaseId: string } {
  return { uri: relativeUri(file), uriBaseId: SRCROOT };
}

/**
 * The source lines around a range, as a context region: `result.snippet` gives whole lines,
 * and SARIF reserves `region.snippet` for the region's exact text. Left out when the lines
 * are unavailable or were cut short before the range ends.
 */
export function contextRegion(range: Range, lines: string): Region | undefined {
  if (!lines) return undefined;
  const count = lines.split('\n').length;
  if (range.start.line + count - 1 < range.end.line) return undefined;
  return { startLine: range.start.line, endLine: range.start.line + count - 1, snippet: { text: lines } };
}

export function locationWithMessage(id: number, range: Range, message: string): Location {
  return { id, physicalLocation: physicalLocation(range), message: { text: message } };
}
