import type { Position, Range } from './source';

/**
 * The value tree of a resource's attributes. Every node knows where it was written (`range`),
 * and, when it flowed in from elsewhere (a parameter default, a variable, a tfvars file), the
 * places it came from (`origin`), which reports show as related locations.
 */
export type Value = LiteralValue | ListValue | MapValue | UnknownValue;

interface ValueBase {
  range: Range;
  /** Where the value came from when that is not `range`: e.g. the parameter's Default. */
  origin?: Range[];
}

export interface LiteralValue extends ValueBase {
  kind: 'literal';
  value: string | number | boolean | null;
  /** The value was supplied at scan time (`--param`, a parameter file), not written in the scanned code. */
  supplied?: boolean;
  /**
   * Where each line of a multi-line text is written, when its lines stand verbatim in the source
   * (a heredoc, a YAML literal block): line i of the text starts at `lines[i]` of `file`. Text
   * parsed out of the value (a JSON policy) can then point at its own line.
   */
  layout?: TextLayout;
}

export interface TextLayout {
  file: string;
  lines: Position[];
}

export interface ListValue extends ValueBase {
  kind: 'list';
  items: Value[];
}

export interface MapValue extends ValueBase {
  kind: 'map';
  entries: Map<string, Value>;
  /** The range of each key, so a finding can point at `Key: value` rather than only at the value. */
  keyRanges: Map<string, Range>;
}

/** A reference to another resource, which becomes a graph edge. */
export interface ResourceRef {
  /** The referenced resource's `Resource.key`. */
  key: string;
  /** The attribute referenced (`Arn`, `id`), when not the resource itself. */
  attr?: string;
}

/**
 * A value that cannot be known before deployment: a reference to another resource's ID, an
 * unset parameter, a dynamic reference. An Unknown is a value, not an error: a predicate on an
 * Unknown is neither true nor false, so no finding is made from it.
 */
export interface UnknownValue extends ValueBase {
  kind: 'unknown';
  /** Why the value is unknown, for messages and `--explain` output: "Ref to parameter DbPassword". */
  why: string;
  /** Resources whose attributes this value is (or is built from). */
  refs?: ResourceRef[];
  /** The value is a secret that is not in the code: a NoEcho parameter, a sensitive variable, a dynamic reference. */
  secret?: boolean;
}

/**
 * An unknown built from other values: it carries every resource they reference (graph edges must
 * survive an unknown `Fn::Sub`, `Fn::If` or Terraform template) and is secret when any part is.
 */
export function unknownOf(why: string, range: Range, parts: readonly (Value | symbol)[] = []): UnknownValue {
  const refs: ResourceRef[] = [];
  const seen = new Set<string>();
  let secret = false;
  const visit = (value: Value | symbol): void => {
    // A marker such as CloudFormation's AWS::NoValue is no part at all.
    if (typeof value === 'symbol') return;
    if (value.kind === 'unknown') {
      secret ||= value.secret === true;
      for (const ref of value.refs ?? []) {
        const id = `${ref.key}\0${ref.attr ?? ''}`;
        if (!seen.has(id)) {
          seen.add(id);
          refs.push(ref);
        }
      }
    } else if (value.kind === 'list') value.items.forEach(visit);
    else if (value.kind === 'map') value.entries.forEach(visit);
  };
  parts.forEach(visit);
  const result: UnknownValue = { kind: 'unknown', why, range };
  if (refs.length) result.refs = refs;
  if (secret) result.secret = true;
  return result;
}

/** The value under `key` of a map value; undefined when there is none or `value` is not a map. */
export function mapEntry(value: Value | undefined, key: string): Value | undefined {
  return value?.kind === 'map' ? value.entries.get(key) : undefined;
}

/** The text of a string literal; undefined for anything else. */
export function literalText(value: Value | undefined): string | undefined {
  return value?.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined;
}
