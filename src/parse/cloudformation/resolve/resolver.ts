import type { LineTable, MapValue, Notice, Range, Value } from '../../../model';
import { noticeAt } from '../../document/notices';
import type { MapNode, Node } from '../../document/syntax';
import type { Sections } from '../template';
import { truth } from './conditions';
import { INTRINSICS, isIntrinsicKey, type IntrinsicKey } from './intrinsics';
import { NO_VALUE, literal, stringValue, textOf, type Resolved } from './values';

/**
 * Resolves one template's nodes into Values: intrinsic functions are evaluated where their inputs
 * are known, and become Unknown (carrying resource refs) where they are not.
 */
export class Resolver {
  readonly notices: Notice[] = [];
  private readonly conditionCache = new Map<string, boolean | undefined>();
  /** Conditions being evaluated, to stop cycles (`A: !Condition B`, `B: !Condition A`). */
  private readonly evaluating = new Set<string>();
  /** Defaults and mapping entries, converted once however often they are used. */
  private readonly dataCache = new Map<Node, Value>();
  /**
   * Characters that string functions may still produce. Each use of a large parameter in a
   * `Fn::Join` would otherwise rebuild it, so a small hostile file could cost gigabytes.
   */
  private textBudget: number;

  constructor(
    readonly lines: LineTable,
    readonly sections: Sections,
    private readonly maxDepth: number,
    sourceLength: number,
  ) {
    this.textBudget = 16 * sourceLength + (1 << 20);
  }

  range(node: Node): Range {
    return this.lines.range(node.start, node.end);
  }

  resolve(node: Node): Resolved {
    switch (node.kind) {
      case 'scalar':
        return this.scalar(node.value, node);
      case 'seq': {
        const items: Value[] = [];
        for (const item of node.items) {
          const value = this.resolve(item);
          if (value !== NO_VALUE) items.push(value);
        }
        return { kind: 'list', items, range: this.range(node) };
      }
      case 'map': {
        const intrinsic = this.intrinsicOf(node);
        if (intrinsic) return INTRINSICS[intrinsic.key](intrinsic.value, this.range(node), this);
        return this.map(node, (child) => this.resolve(child));
      }
    }
  }

  /** A value as data, functions not evaluated: Mappings and parameter Defaults allow none. */
  data(node: Node): Value {
    let value = this.dataCache.get(node);
    if (!value) {
      value = this.plain(node);
      this.dataCache.set(node, value);
    }
    return value;
  }

  /** Takes `chars` from the budget of produced text; false (and one warning) once it is spent. */
  spend(chars: number, at: Node): boolean {
    if (this.textBudget < 0) return false;
    this.textBudget -= chars;
    if (this.textBudget >= 0) return true;
    this.warn('text-limit', 'String functions here build far more text than the template holds; the rest are treated as unknown.', at);
    return false;
  }

  /** The string a node names (a logical ID, a condition name, a mapping key), if it is known. */
  name(node: Node): string | undefined {
    return textOf(this.resolve(node));
  }

  /** true, false, or undefined when the condition cannot be known before deployment. */
  condition(name: string, at: Node): boolean | undefined {
    if (this.conditionCache.has(name)) return this.conditionCache.get(name);
    const entry = this.sections.conditions.get(name);
    if (!entry) {
      this.warn('unknown-condition', `There is no condition named "${name}" in Conditions. Define it or fix the name.`, at);
      return undefined;
    }
    if (this.evaluating.has(name) || this.evaluating.size >= this.maxDepth) {
      this.warn('condition-cycle', `Condition "${name}" depends on itself. Break the cycle; it is treated as unknown.`, at);
      return undefined;
    }
    this.evaluating.add(name);
    const result = truth(entry.value, this);
    this.evaluating.delete(name);
    this.conditionCache.set(name, result);
    return result;
  }

  resourceKey(logicalId: string): string {
    return `${this.lines.file}#${logicalId}`;
  }

  warn(code: string, message: string, at: Node): void {
    this.notices.push(noticeAt(this.lines, 'warning', code, message, at.start, at.end));
  }

  /** `{ Ref: x }` or `{ "Fn::…": x }`: the one entry of a function call. */
  private intrinsicOf(node: MapNode): { key: IntrinsicKey; value: Node } | undefined {
    if (node.entries.size !== 1) return undefined;
    const [entry] = node.entries.values();
    if (entry.key === 'Ref' || entry.key.startsWith('Fn::')) {
      return { key: isIntrinsicKey(entry.key) ? entry.key : 'Fn::*', value: entry.value };
    }
    return undefined;
  }

  private plain(node: Node): Value {
    if (node.kind === 'scalar') return this.scalar(node.value, node);
    if (node.kind === 'seq') return { kind: 'list', items: node.items.map((item) => this.plain(item)), range: this.range(node) };
    return this.map(node, (child) => this.plain(child));
  }

  private scalar(value: string | number | boolean | null, node: Node): Value {
    const range = this.range(node);
    if (typeof value !== 'string') return literal(value, range);
    const text = stringValue(value, range);
    const starts = node.kind === 'scalar' ? node.lineStarts : undefined;
    if (starts && text.kind === 'literal') text.layout = { file: this.lines.file, lines: starts.map((offset) => this.lines.position(offset)) };
    return text;
  }

  private map(node: MapNode, child: (node: Node) => Resolved): MapValue {
    const entries = new Map<string, Value>();
    const keyRanges = new Map<string, Range>();
    for (const entry of node.entries.values()) {
      const value = child(entry.value);
      if (value === NO_VALUE) continue;
      entries.set(entry.key, value);
      keyRanges.set(entry.key, this.lines.range(entry.keyStart, entry.keyEnd));
    }
    return { kind: 'map', entries, keyRanges, range: this.range(node) };
  }
}
