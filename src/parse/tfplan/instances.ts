import { instanceText, moduleText, type InstanceAddress, type ModuleStep } from './address';

/** A resource or module instance and its count index or for_each key. */
export interface Instance<T> {
  key?: string;
  value: T;
}

/**
 * The instances the plan holds, found by what a reference names: a resource `type.name` or a
 * module call inside one module instance. A name under count or for_each has several.
 */
export class InstanceIndex {
  private readonly resources = new Map<string, Instance<string>[]>();
  private readonly modules = new Map<string, Instance<ModuleStep[]>[]>();

  constructor(addresses: readonly InstanceAddress[]) {
    const seenModules = new Set<string>();
    for (const a of addresses) {
      push(this.resources, `${moduleText(a.module)}|${a.type}.${a.name}`, { key: a.key, value: instanceText(a) });
      for (let depth = 1; depth <= a.module.length; depth++) {
        const path = a.module.slice(0, depth);
        const text = moduleText(path);
        if (seenModules.has(text)) continue;
        seenModules.add(text);
        const call = path[depth - 1];
        push(this.modules, `${moduleText(path.slice(0, -1))}|${call.name}`, { key: call.key, value: path });
      }
    }
  }

  /** The canonical addresses of the instances of managed resource `type.name` in module instance `at`. */
  resource(at: readonly ModuleStep[], type: string, name: string): readonly Instance<string>[] {
    return this.resources.get(`${moduleText(at)}|${type}.${name}`) ?? [];
  }

  /** The instance paths of module call `name` made from module instance `at`. */
  module(at: readonly ModuleStep[], name: string): readonly Instance<ModuleStep[]>[] {
    return this.modules.get(`${moduleText(at)}|${name}`) ?? [];
  }
}

/**
 * Which instances a reference means. A key written in the reference decides. Otherwise, from a
 * referrer that is itself one of several instances, the instance with the referrer's own key
 * (`aws_s3_bucket.b[count.index]` from `aws_s3_bucket_versioning.v[1]` is `b[1]`; the plan's
 * references do not say `count.index` was the key, so the same key is the best guess); failing
 * that, every instance.
 */
export function pick<T>(instances: readonly Instance<T>[], written: string | undefined, own: string | undefined): readonly Instance<T>[] {
  if (written !== undefined) return instances.filter((i) => i.key === written);
  if (own !== undefined) {
    const same = instances.filter((i) => i.key === own);
    if (same.length) return same;
  }
  return instances;
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
