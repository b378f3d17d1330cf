// The ESM build, as in src/parse/document/read-json.ts: the UMD main does not bundle.
import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser/lib/esm/main';
import { LineTable, type LiteralValue, type Position, type Range, type TextLayout, type Value } from '../../model';

/** JSON deeper than this is not an IAM policy worth reading; deeper nodes become unknown. */
const MAX_DEPTH = 16;

/**
 * Policies are often written as a JSON string (`jsonencode`, a heredoc, `Fn::Sub` with a literal
 * body). A string literal that parses to an object becomes a value tree. Where the string's lines
 * stand verbatim in the source (`LiteralValue.layout`: a heredoc written at this attribute), every
 * node points at its own place, so a finding about `"Action": "*"` is on that line; otherwise all
 * nodes point at the string, keeping its origin. Anything else is returned unchanged.
 */
export function policyValue(value: Value): Value {
  return jsonTextValue(value, 'object');
}

/** The same for JSON text whose top level is `root`: an object (a policy), or an array (ECS container definitions). */
export function jsonTextValue(value: Value, root: 'object' | 'array'): Value {
  if (value.kind !== 'literal' || typeof value.value !== 'string') return value;
  const text = value.value;
  if (firstNonBlank(text) !== (root === 'object' ? 123 /* { */ : 91) /* [ */) return value;
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (!tree || errors.length > 0 || tree.type !== root) return value;
  const place = placer(value);
  return { ...fromJson(tree, place, 0), origin: value.origin };
}

type Placer = (node: JsonNode) => Range;

function placer(value: LiteralValue): Placer {
  const { layout } = value;
  if (!layout || value.origin) return () => value.range;
  const text = value.value as string;
  const lines = new LineTable(layout.file, text);
  // The empty line after a final newline is not written anywhere.
  const count = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  // A layout that does not match the text (it should always) places nothing wrongly: fall back.
  if (count !== layout.lines.length) return () => value.range;
  return (node) => ({
    file: layout.file,
    start: positionIn(layout, lines, node.offset),
    end: positionIn(layout, lines, node.offset + node.length),
  });
}

/** Line i of the text starts at `layout.lines[i]`; the column moves with the offset into that line. */
function positionIn(layout: TextLayout, lines: LineTable, offset: number): Position {
  const inText = lines.position(offset);
  const line = layout.lines[inText.line - 1];
  return { line: line.line, column: line.column + inText.column - 1 };
}

function fromJson(node: JsonNode, place: Placer, depth: number): Value {
  const range = place(node);
  if (depth > MAX_DEPTH) return { kind: 'unknown', why: 'the policy JSON is nested too deeply', range };
  const children = node.children ?? [];
  if (node.type === 'array') return { kind: 'list', items: children.map((item) => fromJson(item, place, depth + 1)), range };
  if (node.type === 'object') {
    const entries = new Map<string, Value>();
    const keyRanges = new Map<string, Range>();
    for (const property of children) {
      const [key, child] = property.children as [JsonNode, JsonNode | undefined];
      if (!child) continue;
      entries.set(key.value as string, fromJson(child, place, depth + 1));
      keyRanges.set(key.value as string, place(property));
    }
    return { kind: 'map', entries, keyRanges, range };
  }
  return { kind: 'literal', value: (node.value ?? null) as string | number | boolean | null, range };
}

function firstNonBlank(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return c;
  }
  return -1;
}
