import type { MapValue, Range, Value } from '../../../model';
import { NO_VALUE, unknownOf, type Resolved } from './values';

/**
 * The two branches of an `Fn::If` whose condition cannot be known before deployment, as one value:
 * what both branches agree on is known, the rest is unknown. Two mappings merge key by key (a key
 * in one branch only may be absent, so it is unknown), two equal scalars are that scalar, and
 * anything else is unknown with both branches' references. So a resource whose `Properties` (or a
 * property block) is such an `Fn::If` is still checked on the settings the branches share,
 * instead of not at all.
 */
export function mergeBranches(whenTrue: Resolved, whenFalse: Resolved, why: string, at: Range): Resolved {
  if (whenTrue !== NO_VALUE && whenFalse !== NO_VALUE) {
    if (whenTrue.kind === 'map' && whenFalse.kind === 'map') return mergeMaps(whenTrue, whenFalse, why, at);
    if (whenTrue.kind === 'literal' && whenFalse.kind === 'literal' && whenTrue.value === whenFalse.value) return whenTrue;
  }
  return unknownOf(why, at, [whenTrue, whenFalse]);
}

function mergeMaps(a: MapValue, b: MapValue, why: string, at: Range): MapValue {
  const entries = new Map<string, Value>();
  const keyRanges = new Map<string, Range>();
  for (const key of new Set([...a.entries.keys(), ...b.entries.keys()])) {
    const inA = a.entries.get(key);
    const inB = b.entries.get(key);
    const range = inA?.range ?? inB!.range;
    const merged = inA && inB ? mergeBranches(inA, inB, why, range) : unknownOf(`${why}, and only one branch sets ${key}`, range, [inA ?? inB!]);
    entries.set(key, merged as Value);
    keyRanges.set(key, a.keyRanges.get(key) ?? b.keyRanges.get(key) ?? range);
  }
  return { kind: 'map', entries, keyRanges, range: at };
}
