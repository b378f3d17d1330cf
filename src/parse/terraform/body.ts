import type { MapValue, Range, Value } from '../../model';
import { expandDynamic } from './dynamic-blocks';
import type { Evaluator } from './evaluator';
import type { Block, Body } from './hcl/ast';
import type { Scope } from './scope';
import { list, MapBuilder } from './values';

/** Meta-arguments of resources and data sources: they shape instances, they are not attributes. */
export const RESOURCE_META = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection']);

const NOTHING = new Set<string>();

interface BlockGroup {
  items: Value[];
  keyRange: Range;
  start: number;
  end: number;
}

/**
 * A block's body as a map: each attribute by name, each nested block type as a list of maps
 * (even for one block, as rules expect), `dynamic` blocks expanded in place. Keys point at the
 * attribute names and block type words.
 */
export function evaluateBody(ev: Evaluator, body: Body, scope: Scope, range: Range, skip: ReadonlySet<string> = NOTHING): MapValue {
  const built = new MapBuilder();
  const groups = new Map<string, BlockGroup>();
  const addBlock = (type: string, value: Value, keyRange: Range, block: Block) => {
    const group = groups.get(type);
    if (group) {
      group.items.push(value);
      group.end = block.end;
    } else groups.set(type, { items: [value], keyRange, start: block.start, end: block.end });
  };
  for (const item of body.items) {
    if (item.type === 'Attribute') {
      if (skip.has(item.name)) continue;
      if (built.entries.has(item.name)) {
        ev.env.notices.warn('duplicate-argument', `the argument ${item.name} is set twice in this block; Terraform would stop here. The later one is used.`, scope.rangeOf(item.nameSpan));
      }
      built.set(item.name, ev.evaluate(item.value, scope), scope.rangeOf(item.nameSpan));
    } else if (item.blockType === 'dynamic') {
      expandDynamic(ev, item, scope, evaluateBody, addBlock);
    } else if (!skip.has(item.blockType)) {
      addBlock(item.blockType, evaluateBody(ev, item.body, scope, scope.rangeOf(item)), scope.rangeOf(item.typeSpan), item);
    }
  }
  for (const [type, group] of groups) {
    if (!built.entries.has(type)) built.set(type, list(group.items, scope.rangeOf(group)), group.keyRange);
  }
  return built.build(range);
}
