import type { LineTable, Notice } from '../../model';
import { noticeAt } from '../document/notices';
import { readJson } from '../document/read-json';
import type { MapEntry, MapNode, Node } from '../document/syntax';
import type { ParseLimits } from '../format';
import { parseTemplate } from './hcl';
import type { Attribute, Block, Body, Expression, Label, Span, TemplateExpr } from './hcl/ast';

/**
 * Terraform's JSON syntax (`.tf.json`, CDK for Terraform's `cdk.tf.json`) read into the same tree
 * as the native syntax, so one evaluator serves both. JSON says nothing about which keys are
 * blocks, so the block types' own rules decide: label levels are nested objects, and in resource
 * bodies strings are templates. Nodes made from a string's template are all placed at the string.
 */

/** Block types the evaluator reads, and how many labels each has. Others (provider, terraform, moved...) are skipped. */
const LABELS: Record<string, number> = { resource: 2, data: 2, module: 1, variable: 1, output: 1, locals: 0 };

/** Meta-arguments that are not evaluated, and whose JSON forms are not expressions. */
const SKIPPED = new Set(['//', 'depends_on', 'provider', 'providers', 'lifecycle', 'provisioner', 'connection', 'validation', 'precondition', 'postcondition']);

/**
 * Resource arguments that are maps, not nested blocks, though their keys may look like block
 * arguments. JSON cannot tell `tags = {...}` from `versioning {...}`; other objects are taken as a
 * block when every key is a lowercase identifier, as block arguments are.
 */
const MAP_ARGUMENTS = new Set([
  'tags', 'tags_all', 'labels', 'variables', 'parameters', 'triggers', 'metadata', 'annotations',
  'stage_variables', 'default_arguments', 'environment_variables', 'request_parameters',
  'request_templates', 'response_parameters', 'response_templates',
]);

const ARGUMENT_NAME = /^[a-z_][a-z0-9_]*$/;

type Mode = 'expression' | 'literal';

export function readTerraformJson(text: string, lines: LineTable, limits: ParseLimits): { body: Body; notices: Notice[] } {
  const read = readJson(text, lines, limits);
  const reader = new JsonConfig(lines, [...read.notices]);
  const root = read.root;
  if (!root) return { body: emptyBody(0), notices: reader.notices };
  if (root.kind !== 'map') {
    reader.notices.push(noticeAt(lines, 'error', 'not-terraform-json', 'Expected a Terraform JSON configuration: an object whose keys are block types such as resource and variable. The file was not scanned.', root.start, root.end));
    return { body: emptyBody(root.start), notices: reader.notices };
  }
  return { body: reader.file(root), notices: reader.notices };
}

class JsonConfig {
  constructor(
    private readonly lines: LineTable,
    readonly notices: Notice[],
  ) {}

  file(root: MapNode): Body {
    const items: Block[] = [];
    for (const entry of root.entries.values()) {
      const labels = LABELS[entry.key];
      if (labels === undefined) continue;
      const typeSpan = { start: entry.keyStart, end: entry.keyEnd };
      this.labelled(entry.value, labels, [], (found, map, start) => ({
        type: 'Block',
        blockType: entry.key,
        typeSpan,
        labels: found,
        body: this.blockBody(entry.key, map),
        start,
        end: map.end,
      }), items);
    }
    return { type: 'Body', items, start: root.start, end: root.end };
  }

  /** Each label is one level of nested objects; any level may be an array of objects (several blocks). */
  private labelled(node: Node, remaining: number, labels: Label[], make: (labels: Label[], body: MapNode, start: number) => Block, out: Block[]): void {
    for (const level of node.kind === 'seq' ? node.items : [node]) {
      if (level.kind !== 'map') continue;
      if (remaining === 0) {
        out.push(make(labels, level, labels.length ? labels[labels.length - 1].start : level.start));
        continue;
      }
      for (const entry of level.entries.values()) {
        if (entry.key === '//') continue;
        this.labelled(entry.value, remaining - 1, [...labels, { value: entry.key, start: entry.keyStart, end: entry.keyEnd }], make, out);
      }
    }
  }

  private blockBody(blockType: string, map: MapNode): Body {
    switch (blockType) {
      case 'variable':
        return this.attributes(map, () => 'literal');
      case 'output':
        return this.attributes(map, (key) => (key === 'value' ? 'expression' : 'literal'));
      case 'module':
        return this.attributes(map, (key) => (key === 'source' || key === 'version' ? 'literal' : 'expression'));
      case 'locals':
        return this.attributes(map, () => 'expression');
      default:
        return this.resourceBody(map);
    }
  }

  private attributes(map: MapNode, modeOf: (key: string) => Mode): Body {
    const items = [...map.entries.values()].filter((e) => !SKIPPED.has(e.key)).map((e) => this.attribute(e, modeOf(e.key)));
    return { type: 'Body', items, start: map.start, end: map.end };
  }

  private resourceBody(map: MapNode): Body {
    const items: (Attribute | Block)[] = [];
    for (const entry of map.entries.values()) {
      if (SKIPPED.has(entry.key)) continue;
      if (entry.key === 'dynamic') this.dynamicBlocks(entry, items);
      else if (looksLikeBlocks(entry.key, entry.value)) {
        const bodies = entry.value.kind === 'seq' ? entry.value.items : [entry.value];
        for (const body of bodies as MapNode[]) items.push(this.nested(entry, [], body, this.resourceBody(body)));
      } else items.push(this.attribute(entry, 'expression'));
    }
    return { type: 'Body', items, start: map.start, end: map.end };
  }

  /** `"dynamic": { "ingress": { "for_each": "...", "iterator": "rule", "content": {...} } }` */
  private dynamicBlocks(entry: MapEntry, out: (Attribute | Block)[]): void {
    if (entry.value.kind !== 'map') return;
    for (const labelEntry of entry.value.entries.values()) {
      const label = { value: labelEntry.key, start: labelEntry.keyStart, end: labelEntry.keyEnd };
      for (const body of labelEntry.value.kind === 'seq' ? labelEntry.value.items : [labelEntry.value]) {
        if (body.kind !== 'map') continue;
        const items: (Attribute | Block)[] = [];
        for (const part of body.entries.values()) {
          if (part.key === 'content' && part.value.kind === 'map') items.push(this.nested(part, [], part.value, this.resourceBody(part.value)));
          else if (part.key === 'iterator' && part.value.kind === 'scalar' && typeof part.value.value === 'string') {
            items.push({ ...this.attribute(part, 'literal'), value: { type: 'Variable', name: part.value.value, start: part.value.start, end: part.value.end } });
          } else if (part.key !== '//') items.push(this.attribute(part, 'expression'));
        }
        out.push(this.nested(entry, [label], body, { type: 'Body', items, start: body.start, end: body.end }));
      }
    }
  }

  private nested(entry: MapEntry, labels: Label[], map: MapNode, body: Body): Block {
    const typeSpan = { start: entry.keyStart, end: entry.keyEnd };
    return { type: 'Block', blockType: entry.key, typeSpan, labels, body, start: labels[0]?.start ?? entry.keyStart, end: map.end };
  }

  private attribute(entry: MapEntry, mode: Mode): Attribute {
    return {
      type: 'Attribute',
      name: entry.key,
      nameSpan: { start: entry.keyStart, end: entry.keyEnd },
      value: this.expression(entry.value, mode),
      start: entry.keyStart,
      end: entry.value.end,
    };
  }

  private expression(node: Node, mode: Mode): Expression {
    return jsonExpression(node, (value, span) => this.text(value, span, mode));
  }

  /** A JSON string: a template in expression mode (`"${var.x}"`), plain text in literal mode. */
  private text(value: string, span: Span, mode: Mode): TemplateExpr {
    const plain = plainText(value, span);
    if (mode === 'literal' || (!value.includes('${') && !value.includes('%{'))) return plain;
    const parsed = parseTemplate(value);
    if (parsed.errors.length) {
      const message = `Invalid template in a JSON string: ${parsed.errors[0].message}. Fix the template; the string is read as plain text.`;
      this.notices.push(noticeAt(this.lines, 'error', 'parse-error', message, span.start, span.end));
      return plain;
    }
    pinSpans(parsed.template, span);
    return parsed.template;
  }
}

/** A JSON value as an expression; `text` decides what its strings (and object keys) are. */
function jsonExpression(node: Node, text: (value: string, span: Span) => TemplateExpr): Expression {
  const { start, end } = node;
  switch (node.kind) {
    case 'scalar':
      if (typeof node.value === 'string') return text(node.value, node);
      return { type: 'Literal', value: node.value, start, end };
    case 'seq':
      return { type: 'Tuple', items: node.items.map((item) => jsonExpression(item, text)), start, end };
    case 'map':
      return {
        type: 'Object',
        items: [...node.entries.values()].map((e) => ({
          key: text(e.key, { start: e.keyStart, end: e.keyEnd }),
          value: jsonExpression(e.value, text),
          start: e.keyStart,
          end: e.value.end,
        })),
        start,
        end,
      };
  }
}

/** A JSON value as an expression that evaluates to exactly it: strings are plain text (tfvars.json, variable defaults). */
export function literalExpression(node: Node): Expression {
  return jsonExpression(node, plainText);
}

function plainText(value: string, span: Span): TemplateExpr {
  return { type: 'Template', parts: [{ type: 'TemplateLiteral', value, ...spanOf(span) }], ...spanOf(span) };
}

function looksLikeBlocks(key: string, node: Node): node is MapNode | (Node & { kind: 'seq' }) {
  if (MAP_ARGUMENTS.has(key)) return false;
  if (node.kind === 'map') return looksLikeBlockBody(node);
  return node.kind === 'seq' && node.items.length > 0 && node.items.every((item) => item.kind === 'map' && looksLikeBlockBody(item));
}

function looksLikeBlockBody(map: MapNode): boolean {
  if (map.entries.size === 0) return false;
  for (const key of map.entries.keys()) if (key !== '//' && !ARGUMENT_NAME.test(key)) return false;
  return true;
}

/** Every node parsed from a JSON string sits at that string: its inner offsets index the decoded text, not the file. */
export function pinSpans(node: unknown, span: Span): void {
  if (Array.isArray(node)) {
    for (const item of node) pinSpans(item, span);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const fields = node as Record<string, unknown>;
  if (typeof fields.start === 'number' && typeof fields.end === 'number') {
    fields.start = span.start;
    fields.end = span.end;
  }
  for (const value of Object.values(fields)) if (typeof value === 'object') pinSpans(value, span);
}

function spanOf(span: Span): Span {
  return { start: span.start, end: span.end };
}

function emptyBody(at: number): Body {
  return { type: 'Body', items: [], start: at, end: at };
}
