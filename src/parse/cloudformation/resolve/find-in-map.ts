import type { Range } from '../../../model';
import type { Node } from '../../document/syntax';
import type { Resolver } from './resolver';
import { unknownOf, usedAt, type Resolved } from './values';

/** `Fn::FindInMap: [Map, TopKey, SecondKey, { DefaultValue: x }?]`. */
export function findInMap(args: Node, at: Range, r: Resolver): Resolved {
  const items = args.kind === 'seq' ? args.items : [];
  const keys = items.slice(0, 3).map((item) => r.resolve(item));
  const names = items.slice(0, 3).map((item) => r.name(item));
  const fallback = items[3]?.kind === 'map' ? items[3].entries.get('DefaultValue')?.value : undefined;
  if (names.length < 3 || names.includes(undefined)) {
    return unknownOf('Fn::FindInMap with keys that cannot be known', at, keys);
  }
  const [mapName, top, second] = names as string[];
  const topNode = r.sections.mappings.get(mapName)?.value;
  const secondNode = topNode?.kind === 'map' ? topNode.entries.get(top)?.value : undefined;
  const found = secondNode?.kind === 'map' ? secondNode.entries.get(second)?.value : undefined;
  if (found) return usedAt(r.data(found), at);
  if (fallback) return r.resolve(fallback);
  r.warn('missing-mapping-key', `Mappings has no ${mapName}.${top}.${second}. Add it, or give a DefaultValue.`, args);
  return unknownOf(`Fn::FindInMap: no ${mapName}.${top}.${second} in Mappings`, at);
}
