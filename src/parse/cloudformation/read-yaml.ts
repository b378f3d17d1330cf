import { Composer, Parser, isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { Comment, LineTable, Notice } from '../../model';
import type { ParseLimits } from '../format';
import { aliasMessage, depthMessage, duplicateKeyNotice, noticeAt, syntaxError } from '../document/notices';
import { LimitExceeded, setEntry, type MapNode, type Node, type SyntaxResult } from '../document/syntax';
import { DIRECTIVE_MARKER, commentCollector } from './yaml-comments';
import { INTRINSIC_TAGS, LONG_FORM } from './yaml-tags';

const COMPOSER_OPTIONS = {
  customTags: INTRINSIC_TAGS,
  // Duplicate keys are reported as warnings by the reader, not as errors by yaml.
  uniqueKeys: false,
  prettyErrors: false,
} as const;

/** Parses one YAML template: one pass of yaml's parser and composer, then a walk into `Node`s. */
export function readYaml(text: string, lines: LineTable, limits: ParseLimits): SyntaxResult {
  const comments: Comment[] = [];
  const parser = new Parser();
  const composer = new Composer(COMPOSER_OPTIONS);
  const tokens = text.includes(DIRECTIVE_MARKER)
    ? commentCollector(text, lines, comments)(parser.parse(text))
    : parser.parse(text);

  const docs = [...composer.compose(tokens, true, text.length)];
  const doc = docs[0];
  if (docs.length > 1) {
    const second = docs[1].range[0];
    return failed(
      syntaxError(lines, 'YAML', 'one document, but a second one starts here (after ---)', second),
      comments,
    );
  }
  const error = doc.errors[0];
  if (error) {
    const [start, end] = error.pos;
    // yaml turns a stack overflow on absurd nesting into this error code.
    const notice = error.code === 'RESOURCE_EXHAUSTION'
      ? noticeAt(lines, 'error', 'depth-limit', depthMessage(limits.maxDepth), start)
      : syntaxError(lines, 'YAML', lowerFirst(error.message), start, end);
    return failed(notice, comments);
  }

  const notices: Notice[] = doc.warnings.map((w) =>
    noticeAt(lines, 'warning', 'yaml-warning', `${w.message}. Check this YAML; the value is read as written.`, w.pos[0], w.pos[1]),
  );
  try {
    const root = doc.contents ? new YamlWalker(text, doc, lines, limits, notices).node(doc.contents, 0) : undefined;
    return { root, notices, comments };
  } catch (e) {
    if (e instanceof LimitExceeded) return failed(noticeAt(lines, 'error', e.code, e.message, e.offset), comments);
    throw e;
  }
}

function failed(notice: Notice, comments: Comment[]): SyntaxResult {
  return { notices: [notice], comments };
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}

/** Turns yaml's document nodes into `Node`s, expanding aliases within the limits. */
class YamlWalker {
  private aliases = 0;

  constructor(
    private readonly text: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineTable,
    private readonly limits: ParseLimits,
    private readonly notices: Notice[],
  ) {}

  node(yaml: YamlNode, depth: number): Node {
    const [start, end] = yaml.range ?? [0, 0];
    if (depth > this.limits.maxDepth) throw new LimitExceeded('depth-limit', start, depthMessage(this.limits.maxDepth));
    const longForm = yaml.tag ? LONG_FORM.get(yaml.tag) : undefined;
    if (longForm) {
      const [keyStart, keyEnd] = this.tagRange(yaml.tag as string, start);
      const value = this.untagged(yaml, start, end, depth + 1);
      return { kind: 'map', start: keyStart, end, entries: new Map([[longForm, { key: longForm, keyStart, keyEnd, value }]]) };
    }
    return this.untagged(yaml, start, end, depth);
  }

  /**
   * Where each line of a literal block's text begins: the lines after its `|` header, past the
   * block's indentation (the least of its non-blank lines). One start per line of `value`.
   */
  private blockLines(start: number, end: number, value: string): number[] | undefined {
    const text = this.text;
    let lineStart = text.indexOf('\n', start) + 1;
    if (lineStart === 0 || lineStart >= end) return undefined;
    const starts: number[] = [];
    let indent = Infinity;
    for (let at = lineStart; at < end; ) {
      const next = text.indexOf('\n', at);
      const lineEnd = next === -1 || next > end ? end : next;
      let spaces = 0;
      while (at + spaces < lineEnd && text.charCodeAt(at + spaces) === 32) spaces++;
      if (at + spaces < lineEnd && text.charCodeAt(at + spaces) !== 13 && spaces < indent) indent = spaces;
      starts.push(at);
      at = lineEnd + 1;
    }
    const count = value.split('\n').length - (value.endsWith('\n') ? 1 : 0);
    if (indent === Infinity || starts.length < count) return undefined;
    return starts.slice(0, count).map((s) => s + indent);
  }

  private untagged(yaml: YamlNode, start: number, end: number, depth: number): Node {
    if (isScalar(yaml)) {
      const value = scalarValue(yaml.value);
      if (yaml.type === 'BLOCK_LITERAL' && typeof value === 'string') return { kind: 'scalar', start, end, value, lineStarts: this.blockLines(start, end, value) };
      return { kind: 'scalar', start, end, value };
    }
    if (isSeq(yaml)) {
      return { kind: 'seq', start, end, items: yaml.items.map((item) => this.node(item as YamlNode, depth + 1)) };
    }
    if (isMap(yaml)) {
      const map: MapNode = { kind: 'map', start, end, entries: new Map() };
      for (const pair of yaml.items) this.addPair(map, pair.key as YamlNode | null, pair.value as YamlNode | null, depth);
      return map;
    }
    if (isAlias(yaml)) return this.alias(yaml, start, depth);
    return { kind: 'scalar', start, end, value: null };
  }

  private addPair(map: MapNode, key: YamlNode | null, value: YamlNode | null, depth: number): void {
    const keyNode = key && isAlias(key) ? key.resolve(this.doc) : key;
    const [keyStart, keyEnd] = key?.range ?? [map.start, map.start];
    if (keyNode && !isScalar(keyNode)) {
      this.notices.push(noticeAt(this.lines, 'warning', 'complex-key', 'A mapping key must be a plain string here; this entry was ignored.', keyStart, keyEnd));
      return;
    }
    const entry = {
      key: keyNode ? String(keyNode.value ?? '') : '',
      keyStart,
      keyEnd,
      value: value ? this.node(value, depth + 1) : { kind: 'scalar' as const, start: keyEnd, end: keyEnd, value: null },
    };
    setEntry(map, entry, (dup) => this.notices.push(duplicateKeyNotice(this.lines, dup.key, dup.keyStart, dup.keyEnd)));
  }

  /** Each expansion counts, nested ones included, so an alias bomb stops after `maxAliasCount` steps. */
  private alias(alias: YamlNode & { resolve(doc: Document): YamlNode | undefined }, start: number, depth: number): Node {
    if (++this.aliases > this.limits.maxAliasCount) {
      throw new LimitExceeded('alias-limit', start, aliasMessage(this.limits.maxAliasCount));
    }
    const target = alias.resolve(this.doc);
    return target ? this.node(target, depth) : { kind: 'scalar', start, end: start, value: null };
  }

  /**
   * Where `!Tag` is written (yaml keeps no position for tags): found when only whitespace
   * separates it from its value, else the empty range at the value's start.
   */
  private tagRange(tag: string, valueStart: number): [number, number] {
    let i = valueStart;
    while (i > 0 && isBlank(this.text.charCodeAt(i - 1))) i--;
    return this.text.startsWith(tag, i - tag.length) ? [i - tag.length, i] : [valueStart, valueStart];
  }
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function scalarValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}
