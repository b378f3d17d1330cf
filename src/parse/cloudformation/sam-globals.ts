import type { ListValue, MapValue, Value } from '../../model';

const SERVERLESS = 'AWS::Serverless::';

/**
 * The `Globals` section a SAM resource type takes defaults from: `Function` for
 * `AWS::Serverless::Function`, `Api` for `AWS::Serverless::Api`, and so on for every section SAM
 * has or adds. Undefined for other types.
 */
export function globalsSectionOf(type: string): string | undefined {
  return type.startsWith(SERVERLESS) ? type.slice(SERVERLESS.length) : undefined;
}

/**
 * A SAM resource's properties with its `Globals` section applied, as the SAM transform does before
 * deployment: a property only in Globals is taken as it is (so a finding on it points at the
 * Globals line every resource shares); maps are merged key by key, the resource's keys winning;
 * lists are the Globals items followed by the resource's; anything else (a string, a number, an
 * unknown) is the resource's.
 */
export function applyGlobals(global: MapValue, own: MapValue): MapValue {
  const entries = new Map(global.entries);
  const keyRanges = new Map(global.keyRanges);
  for (const [key, value] of own.entries) {
    const inherited = entries.get(key);
    entries.set(key, inherited ? merge(inherited, value) : value);
    const range = own.keyRanges.get(key);
    if (range) keyRanges.set(key, range);
  }
  return { ...own, entries, keyRanges };
}

function merge(global: Value, own: Value): Value {
  if (global.kind === 'map' && own.kind === 'map') return applyGlobals(global, own);
  if (global.kind === 'list' && own.kind === 'list') return joinLists(global, own);
  return own;
}

function joinLists(global: ListValue, own: ListValue): ListValue {
  return { ...own, items: [...global.items, ...own.items] };
}
