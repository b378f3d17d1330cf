import type { ListValue, MapValue, Value } from '../../model';
import type { Resolver } from './resolve/resolver';
import { NO_VALUE } from './resolve/values';

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

/** SAM's `Globals` sections, each resolved once however many resources take it. */
export class SamGlobals {
  private readonly resolved = new Map<string, MapValue | undefined>();

  constructor(private readonly r: Resolver) {}

  /** The section a resource of this type inherits, when the template has it as a mapping. */
  of(type: string): MapValue | undefined {
    const name = globalsSectionOf(type);
    if (name === undefined) return undefined;
    if (!this.resolved.has(name)) this.resolved.set(name, this.resolve(name));
    return this.resolved.get(name);
  }

  private resolve(name: string): MapValue | undefined {
    const entry = this.r.sections.globals.get(name);
    if (!entry) return undefined;
    const value = this.r.resolve(entry.value);
    if (value !== NO_VALUE && value.kind === 'map') return value;
    this.r.warn('unknown-globals', `Globals.${name} is not a mapping that can be known before deployment; its resources were checked without it.`, entry.value);
    return undefined;
  }
}
