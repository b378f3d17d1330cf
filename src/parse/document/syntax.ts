import type { Comment, Notice } from '../../model';

/**
 * The template as data, the same whichever syntax it was written in. Offsets index the file's
 * text; YAML short-form tags (`!Ref X`) are already rewritten to their long form (`{Ref: X}`), so
 * resolution never sees syntax.
 */
export type Node = ScalarNode | SeqNode | MapNode;

interface NodeBase {
  start: number;
  /** Exclusive. */
  end: number;
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** A YAML literal block (`|`): where each line of the text begins in the source. */
  lineStarts?: number[];
}

export interface SeqNode extends NodeBase {
  kind: 'seq';
  items: Node[];
}

export interface MapEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: Node;
}

export interface MapNode extends NodeBase {
  kind: 'map';
  /** Insertion order kept; a duplicate key keeps its first place and its last value, as JSON.parse does. */
  entries: Map<string, MapEntry>;
}

/** What a syntax reader gives back: a tree, or the reason there is none. */
export interface SyntaxResult {
  root?: Node;
  notices: Notice[];
  comments: Comment[];
}

/** Thrown by a reader when hostile input crosses a limit; the file becomes one error notice. */
export class LimitExceeded extends Error {
  constructor(
    readonly code: 'alias-limit' | 'depth-limit',
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** Adds an entry, reporting a duplicate key through `onDuplicate` (the later value wins). */
export function setEntry(map: MapNode, entry: MapEntry, onDuplicate: (entry: MapEntry) => void): void {
  if (map.entries.has(entry.key)) onDuplicate(entry);
  map.entries.set(entry.key, entry);
}

export function scalarText(node: Node | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}
