import type { LineTable, ListValue, MapValue, Range, ResourceRef, UnknownValue, Value } from '../../model';
import type { MapNode, Node } from '../document/syntax';
import { referencesOf } from './configuration';
import type { Span } from './notices';

/**
 * What the configuration says about one place of a resource's values:
 * - `attribute`: an expression representation (`{ "constant_value": … }`, `{ "references": [...] }`);
 * - `constant`: somewhere inside an attribute written as a constant;
 * - `block` / `blocks`: the expressions of one nested block, or of each of a list of them;
 * - `unwritten`: a key that a block of the configuration leaves out.
 */
export type Written =
  | { kind: 'attribute'; node: MapNode }
  | { kind: 'constant' }
  | { kind: 'block'; node: MapNode }
  | { kind: 'blocks'; items: readonly Node[] }
  | { kind: 'unwritten' };

const UNWRITTEN: Written = { kind: 'unwritten' };

/** One place of a resource: the planned value and the plan's marks on it, read side by side. */
export interface Place {
  value?: Node;
  /** `after_unknown`: `true` where the value is known only after apply. */
  unknown?: Node;
  /** `sensitive_values` and `after_sensitive`: `true` where the value is sensitive. */
  sensitive: readonly Node[];
  written?: Written;
}

export interface ValueContext {
  lines: LineTable;
  /** The resources an expression's references reach, from the resource being built. */
  refsOf(expression: MapNode): ResourceRef[];
}

const KNOWN_AFTER_APPLY = 'known after apply';
const EXPRESSION_KEYS = new Set(['constant_value', 'references']);

/**
 * How a configuration expression node reads. A list is a list of nested blocks; a map of other
 * keys is one nested block (Terraform writes single-nesting blocks as one object). An empty map
 * reads as an attribute with nothing to say, which is all an empty block would say too.
 */
function writtenAs(node: Node | undefined): Written | undefined {
  if (node?.kind === 'seq') return { kind: 'blocks', items: node.items };
  if (node?.kind !== 'map') return undefined;
  for (const key of node.entries.keys()) if (!EXPRESSION_KEYS.has(key)) return { kind: 'block', node };
  return { kind: 'attribute', node };
}

/** A resource's attributes: its planned `values` with unknowns, secrets and references in place. */
export function buildAttributes(place: Place, at: Span, ctx: ValueContext): MapValue {
  const built = build(place, ctx);
  if (built?.kind === 'map') return built;
  return { kind: 'map', entries: new Map(), keyRanges: new Map(), range: ctx.lines.range(at.start, at.end) };
}

/**
 * The value at one place, or undefined for none (absent, or null: in Terraform, null is unset,
 * which rules read as "left to the provider's default").
 */
function build(place: Place, ctx: ValueContext): Value | undefined {
  const node = place.value ?? place.unknown;
  if (!node || (!place.value && !containsTrue(place.unknown))) return undefined;
  const isUnknown = isTrue(place.unknown);
  // Left out of the configuration: unset, as in the `.tf` file, when the plan says no more than
  // that. Either the provider computes it (`versioning` of an aws_s3_bucket, `encrypted` of an
  // aws_ebs_volume), and rules apply the provider's documented default instead of waiting for a
  // value the user never gave; or it is an empty list or map, which is how the plan shows a
  // nested block that is not written (`restore_to_point_in_time: []`). A default the plan knows
  // (`enable_key_rotation: false`) stays. Only where the configuration is there to say so: a
  // `dynamic` block is not in it, but what it makes is a known list, read without this rule.
  if (place.written?.kind === 'unwritten' && (isUnknown || isEmpty(place.value))) return undefined;
  // Null is unset, whatever the marks say: Terraform marks a schema-sensitive attribute even when it is null.
  if (!isUnknown && node.kind === 'scalar' && node.value === null) return undefined;
  const range = ctx.lines.range(node.start, node.end);
  const expression = place.written?.kind === 'attribute' ? place.written.node : undefined;
  const refs = expression ? ctx.refsOf(expression) : [];
  if (refs.length) {
    // Even a value the plan knows becomes an Unknown here: only an Unknown carries references,
    // and the edge it gives (a versioning resource to its bucket) matters more to rules than the
    // ID's text. `why` keeps what it refers to.
    const why = isUnknown ? KNOWN_AFTER_APPLY : `refers to ${referencesOf(expression)[0]}`;
    return unknown(why, range, { refs, secret: place.sensitive.some(containsTrue) });
  }
  const constant = place.written?.kind === 'constant' || (expression !== undefined && expression.entries.has('constant_value'));
  if (place.sensitive.some(isTrue) && !(constant && place.value)) {
    // A sensitive value is usually fed from a variable or a secret store, not written in the
    // code: as an Unknown secret, the hardcoded-secret rule leaves it alone. One the configuration
    // shows as a constant is written in the code, and stays a literal so that rule sees it.
    return unknown('sensitive', range, { secret: true });
  }
  if (isUnknown) return unknown(KNOWN_AFTER_APPLY, range);
  const inner: Written | undefined = constant ? { kind: 'constant' } : place.written;
  if (node.kind === 'map') return buildMap(place, range, inner, ctx);
  if (node.kind === 'seq') return buildList(place, range, inner, ctx);
  if (place.value?.kind !== 'scalar') return undefined;
  return { kind: 'literal', value: place.value.value, range };
}

function buildMap(place: Place, range: Range, written: Written | undefined, ctx: ValueContext): MapValue {
  const map: MapValue = { kind: 'map', entries: new Map(), keyRanges: new Map(), range };
  const values = place.value?.kind === 'map' ? place.value.entries : undefined;
  const marks = place.unknown?.kind === 'map' ? place.unknown.entries : undefined;
  const keys = new Set([...(values?.keys() ?? []), ...[...(marks ?? [])].filter(([, m]) => containsTrue(m.value)).map(([k]) => k)]);
  for (const key of keys) {
    const entry = values?.get(key) ?? marks?.get(key);
    const child: Place = {
      value: values?.get(key)?.value,
      unknown: marks?.get(key)?.value,
      sensitive: place.sensitive.flatMap((s) => (s.kind === 'map' ? (s.entries.get(key)?.value ?? []) : [])),
      written: written?.kind === 'block' ? (writtenAs(written.node.entries.get(key)?.value) ?? UNWRITTEN) : written?.kind === 'constant' ? written : undefined,
    };
    const value = build(child, ctx);
    if (!value || !entry) continue;
    map.entries.set(key, value);
    map.keyRanges.set(key, ctx.lines.range(entry.keyStart, entry.keyEnd));
  }
  return map;
}

function buildList(place: Place, range: Range, written: Written | undefined, ctx: ValueContext): ListValue {
  const values = place.value?.kind === 'seq' ? place.value.items : [];
  const marks = place.unknown?.kind === 'seq' ? place.unknown.items : [];
  const items: Value[] = [];
  for (let i = 0; i < Math.max(values.length, marks.length); i++) {
    const child: Place = {
      value: values[i],
      unknown: marks[i],
      sensitive: place.sensitive.flatMap((s) => (s.kind === 'seq' ? (s.items[i] ?? []) : [])),
      written: written?.kind === 'blocks' ? writtenAs(written.items[i]) : written?.kind === 'constant' ? written : undefined,
    };
    // A null item keeps its place, so that later items keep their index.
    const at = values[i] ?? marks[i];
    items.push(build(child, ctx) ?? { kind: 'literal', value: null, range: ctx.lines.range(at.start, at.end) });
  }
  return { kind: 'list', items, range };
}

function unknown(why: string, range: Range, extra: { refs?: ResourceRef[]; secret?: boolean } = {}): UnknownValue {
  const value: UnknownValue = { kind: 'unknown', why, range };
  if (extra.refs?.length) value.refs = extra.refs;
  if (extra.secret) value.secret = true;
  return value;
}

function isEmpty(node: Node | undefined): boolean {
  return (node?.kind === 'seq' && node.items.length === 0) || (node?.kind === 'map' && node.entries.size === 0);
}

function isTrue(node: Node | undefined): boolean {
  return node?.kind === 'scalar' && node.value === true;
}

/** Whether a mark says `true` anywhere inside. Marks are as deep as values, which the reader bounded. */
function containsTrue(node: Node | undefined): boolean {
  if (!node) return false;
  if (node.kind === 'scalar') return node.value === true;
  if (node.kind === 'seq') return node.items.some(containsTrue);
  for (const entry of node.entries.values()) if (containsTrue(entry.value)) return true;
  return false;
}
