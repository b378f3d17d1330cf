import { expect } from 'vitest';
import { parseHcl } from '../../../../src/parse/terraform/hcl';
import type { Attribute, Block, Expression, ParsedHcl, Span } from '../../../../src/parse/terraform/hcl/ast';

/** Parses a file that must have no syntax errors. */
export function parseClean(text: string): ParsedHcl {
  const parsed = parseHcl(text);
  expect(parsed.errors).toEqual([]);
  return parsed;
}

/** The value of attribute `name` at the top of `text`. */
export function valueOf(text: string, name = 'v'): Expression {
  const item = parseClean(text).body.items.find((i): i is Attribute => i.type === 'Attribute' && i.name === name);
  if (!item) throw new Error(`no attribute ${name}`);
  return item.value;
}

/** The expression of `v = <source>`. */
export function expr(source: string): Expression {
  return valueOf(`v = ${source}\n`);
}

export function blocks(parsed: ParsedHcl): Block[] {
  return parsed.body.items.filter((i): i is Block => i.type === 'Block');
}

/** A node without positions, for comparing structure. */
export function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'start' || key === 'end' || key === 'nameSpan' || key === 'typeSpan' || key === 'raw' || key === 'lineStarts') continue;
    out[key] = shape(value);
  }
  return out;
}

/** The source text a node spans. */
export function source(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

function isSpan(value: unknown): value is Span & Record<string, unknown> {
  return typeof value === 'object' && value !== null && typeof (value as Span).start === 'number' && typeof (value as Span).end === 'number';
}

/** The spans directly inside a node: child nodes, `nameSpan`/`typeSpan`, labels, object items. */
export function childSpans(node: Record<string, unknown>): (Span & Record<string, unknown>)[] {
  const children: (Span & Record<string, unknown>)[] = [];
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const element of value) if (isSpan(element)) children.push(element);
    } else if (isSpan(value)) {
      children.push(value);
    }
  }
  return children;
}

/** Every span problem in a tree: outside the text, end before start, outside its parent. Also the tree's depth. */
export function spanProblems(text: string, root: Span & Record<string, unknown>): { problems: string[]; depth: number } {
  const problems: string[] = [];
  let depth = 0;
  const stack: { node: Span & Record<string, unknown>; level: number }[] = [{ node: root, level: 1 }];
  while (stack.length > 0) {
    const { node, level } = stack.pop()!;
    depth = Math.max(depth, level);
    const name = String(node.type ?? 'span');
    if (!(node.start >= 0 && node.start <= node.end && node.end <= text.length)) problems.push(`${name} ${node.start}-${node.end} in a text of ${text.length}`);
    for (const child of childSpans(node)) {
      if (child.start < node.start || child.end > node.end) problems.push(`${String(child.type ?? 'span')} ${child.start}-${child.end} outside ${name} ${node.start}-${node.end}`);
      stack.push({ node: child, level: level + 1 });
    }
  }
  return { problems, depth };
}
