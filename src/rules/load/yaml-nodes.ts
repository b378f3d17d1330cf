import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Range } from '../../model';

/** A parsed rule file: the document with positions, to point errors at the offending node. */
export interface RuleDocument {
  doc: Document;
  lines: LineCounter;
  /** The file as messages name it. */
  file: string;
}

/** The node at a JSON-pointer-like list of keys and indexes, and the key that holds it. */
export function nodeAt(rd: RuleDocument, segments: readonly (string | number)[]): { node?: Node; key?: Node } {
  let node = rd.doc.contents as Node | null | undefined;
  let key: Node | undefined;
  for (const seg of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return { node, key };
      key = pair.key as Node;
      node = pair.value as Node | null;
      if (!node) return { node: key, key };
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)] as Node | undefined;
      if (!item) return { node, key };
      node = item;
      key = undefined;
    } else {
      break;
    }
  }
  return { node: node ?? undefined, key };
}

/** The range of the key `name` in the map at `segments` (an unknown key's own position). */
export function keyNodeAt(rd: RuleDocument, segments: readonly (string | number)[], name: string): Node | undefined {
  const { node } = nodeAt(rd, segments);
  if (!isMap(node)) return undefined;
  return node.items.find((p) => isScalar(p.key) && String(p.key.value) === name)?.key as Node | undefined;
}

export function rangeOf(rd: RuleDocument, node: Node | undefined): Range {
  const [start, end] = node?.range ?? [0, 0];
  return { file: rd.file, start: position(rd, start), end: position(rd, end) };
}

function position(rd: RuleDocument, offset: number): Range['start'] {
  const { line, col } = rd.lines.linePos(offset);
  return { line, column: col };
}

/** `check.cloudformation[1].assert`, as messages name a place in a rule. */
export function dotted(segments: readonly (string | number)[]): string {
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out = out ? `${out}.${seg}` : seg;
  }
  return out;
}
