import type { Range, Value } from '../../model';

/** JSON deeper than this is not an IAM policy worth reading; deeper nodes become unknown. */
const MAX_DEPTH = 16;

/**
 * Policies are often written as a JSON string (`jsonencode`, `Fn::Sub` with a literal body).
 * A string literal that parses to an object becomes a value tree whose nodes all point at the
 * string, keeping its origin; anything else is returned unchanged.
 */
export function policyValue(value: Value): Value {
  if (value.kind !== 'literal' || typeof value.value !== 'string') return value;
  const text = value.value.trimStart();
  if (text.charCodeAt(0) !== 123 /* { */) return value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return value;
  }
  const tree = fromJson(parsed, value.range, 0);
  return { ...tree, origin: value.origin };
}

function fromJson(x: unknown, range: Range, depth: number): Value {
  if (depth > MAX_DEPTH) return { kind: 'unknown', why: 'the policy JSON is nested too deeply', range };
  if (Array.isArray(x)) return { kind: 'list', items: x.map((item) => fromJson(item, range, depth + 1)), range };
  if (x !== null && typeof x === 'object') {
    const entries = new Map<string, Value>();
    const keyRanges = new Map<string, Range>();
    for (const [k, v] of Object.entries(x)) {
      entries.set(k, fromJson(v, range, depth + 1));
      keyRanges.set(k, range);
    }
    return { kind: 'map', entries, keyRanges, range };
  }
  return { kind: 'literal', value: x as string | number | boolean | null, range };
}
