import type { MapValue, Range, Resource, Value } from '../../model';
import type { BlockPlace, BodyPlace } from './places';

/**
 * A plan resource moved to where it is written: its block header becomes its range, each
 * attribute written as `name = …` takes that line (its whole value, nested parts included, as the
 * plan cannot say which part of an expression made which part of the value), and nested blocks
 * map one to one when the plan has as many as are written. Anything else keeps its place in the
 * plan: attributes left to the provider, blocks made by `dynamic`.
 */
export function relocate(resource: Resource, block: BlockPlace): Resource {
  return { ...resource, file: block.header.file, range: block.header, attributes: relocateBody(resource.attributes, block.body, block.header) };
}

function relocateBody(map: MapValue, body: BodyPlace, range: Range = map.range): MapValue {
  const entries = new Map<string, Value>();
  const keyRanges = new Map(map.keyRanges);
  for (const [key, value] of map.entries) {
    const attribute = body.attributes.get(key);
    const blocks = body.blocks.get(key) ?? [];
    if (attribute) {
      entries.set(key, movedTo(value, attribute.value));
      keyRanges.set(key, attribute.name);
    } else if (blocks.length && !body.dynamic.has(key)) {
      entries.set(key, relocateBlocks(value, blocks));
      keyRanges.set(key, blocks[0].header);
    } else {
      entries.set(key, value);
      const dynamic = body.dynamic.get(key) ?? blocks[0]?.header;
      if (dynamic) keyRanges.set(key, dynamic);
    }
  }
  return { ...map, range, entries, keyRanges };
}

/** A list of nested blocks (or one block, as the plan shows single-nesting blocks), block by block. */
function relocateBlocks(value: Value, blocks: BlockPlace[]): Value {
  if (value.kind === 'map' && blocks.length === 1) return relocateBody(value, blocks[0].body, blocks[0].header);
  if (value.kind !== 'list' || value.items.length !== blocks.length) return value;
  const items = value.items.map((item, i) => (item.kind === 'map' ? relocateBody(item, blocks[i].body, blocks[i].header) : item));
  return { ...value, items, range: blocks[0].header };
}

/** The value with every range, its own and its parts', at `range`. */
function movedTo(value: Value, range: Range): Value {
  switch (value.kind) {
    case 'literal':
    case 'unknown':
      return { ...value, range };
    case 'list':
      return { ...value, range, items: value.items.map((item) => movedTo(item, range)) };
    case 'map':
      return {
        ...value,
        range,
        entries: new Map([...value.entries].map(([k, v]) => [k, movedTo(v, range)])),
        keyRanges: new Map([...value.keyRanges.keys()].map((k) => [k, range])),
      };
  }
}
