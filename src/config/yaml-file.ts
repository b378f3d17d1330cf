import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Notice, Range } from '../model';

/** A parsed YAML (or JSON) file of the user's, kept with its nodes so errors can point at them. */
export interface YamlFile {
  /** Path relative to the scan root, for ranges. */
  rel: string;
  doc: Document;
  lines: LineCounter;
}

/** A step into a YAML tree: a map key or a list index. */
export type Segment = string | number;

/** Aliases a settings file may expand: plenty for anchors, too few for an alias bomb. */
const MAX_ALIASES = 100;

/**
 * Parses `text`, reporting syntax errors (duplicate keys included) as `code` error notices at
 * their line; then the plain data, or undefined when it cannot be trusted.
 */
export function parseYamlFile(text: string, rel: string, code: string, what: string): { file: YamlFile; data: unknown; notices: Notice[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  const file = { rel, doc, lines };
  const notices: Notice[] = doc.errors.map((err) => {
    const [start, end] = err.linePos ?? [{ line: 1, col: 1 }];
    const at = { line: start.line, column: start.col };
    // yaml's message repeats the position and adds a code frame; the notice has the position.
    const cut = err.message.indexOf(' at line ');
    return {
      level: 'error',
      code,
      file: rel,
      range: { file: rel, start: at, end: end ? { line: end.line, column: end.col } : at },
      message: `${cut === -1 ? err.message : err.message.slice(0, cut)}; ${what} must be valid YAML or JSON. Fix the syntax here.`,
    };
  });
  if (notices.length) return { file, data: undefined, notices };
  try {
    return { file, data: doc.toJS({ maxAliasCount: MAX_ALIASES }), notices };
  } catch (err) {
    return { file, data: undefined, notices: [{ level: 'error', code, file: rel, message: `${(err as Error).message}; simplify the anchors and aliases in ${what}.` }] };
  }
}

/** The node at `segments`, or the deepest node on the way there that exists. */
export function nodeAt(file: YamlFile, segments: readonly Segment[]): Node | undefined {
  let node = file.doc.contents ?? undefined;
  for (const segment of segments) {
    const next = isMap(node) || isSeq(node) ? (node.get(segment, true) as Node | undefined) : undefined;
    if (!next) break;
    node = next;
  }
  return node;
}

/** The key node `key` of the map at `segments`: where an unknown or misplaced key is written. */
export function keyAt(file: YamlFile, segments: readonly Segment[], key: string): Node | undefined {
  const map = nodeAt(file, segments);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return pair && isScalar(pair.key) ? pair.key : undefined;
}

/** The key node under which the value at `segments` is written, when it is a map entry. */
export function ownKeyAt(file: YamlFile, segments: readonly Segment[]): Node | undefined {
  const last = segments[segments.length - 1];
  return typeof last === 'string' ? keyAt(file, segments.slice(0, -1), last) : undefined;
}

/** A node's range; the start of the file for a node that has none (an empty document). */
export function rangeOf(file: YamlFile, node: Node | undefined): Range {
  const [start, end] = node?.range ?? [0, 0];
  return { file: file.rel, start: position(file, start), end: position(file, end) };
}

function position(file: YamlFile, offset: number): { line: number; column: number } {
  const { line, col } = file.lines.linePos(offset);
  return { line, column: col };
}

/** `ignore[0].reason`: how users name a place in their settings file. */
export function dotted(segments: readonly Segment[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
}
