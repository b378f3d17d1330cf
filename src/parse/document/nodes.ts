import { scalarText, type MapNode, type Node } from './syntax';

/** The map under `key` of a map node, if that is what is there. */
export function mapAt(node: Node | undefined, key: string): MapNode | undefined {
  const value = node?.kind === 'map' ? node.entries.get(key)?.value : undefined;
  return value?.kind === 'map' ? value : undefined;
}

/** The items of the list under `key` of a map node; none when it is absent or not a list. */
export function listAt(node: Node | undefined, key: string): Node[] {
  const value = node?.kind === 'map' ? node.entries.get(key)?.value : undefined;
  return value?.kind === 'seq' ? value.items : [];
}

/** The text of the scalar under `key` of a map node; undefined when it is absent or not a scalar. */
export function textAt(node: Node | undefined, key: string): string | undefined {
  return scalarText(node?.kind === 'map' ? node.entries.get(key)?.value : undefined);
}
