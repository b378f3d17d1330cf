import path from 'node:path';
import type { Range, Resource } from '../../model';
import { isLocalSource } from '../terraform/module-sources';
import type { InstanceAddress } from './address';
import type { ConfigModule, ModuleCall } from './configuration';
import type { ConfigPlaces } from './places';
import { relocate } from './relocate';

/**
 * Maps plan resources to the `.tf` files they came from, when those files are in the scan: the
 * root module is the plan's own folder, and a child module is the folder its call's local
 * `source` (`./…`, `../…`) names, relative to the calling module. Resources of registry and git
 * modules keep their places in the plan (where `terraform init` put those modules is not looked
 * up here). A resource inside modules also gets the `module` blocks that made it as its origin:
 * the user's own place.
 */
export class Locator {
  private readonly dirs = new Map<string, (string | undefined)[]>();

  constructor(
    private readonly config: ConfigModule,
    /** Absolute folder of the plan file. */
    private readonly planDir: string,
    private readonly places: ConfigPlaces,
  ) {}

  locate(resource: Resource, address: InstanceAddress): Resource {
    const calls = address.module.map((m) => m.name);
    const dirs = this.moduleDirs(calls);
    const origin: Range[] = [];
    calls.forEach((name, i) => {
      const dir = dirs[i];
      const call = dir === undefined ? undefined : this.places.moduleCall(dir, name);
      if (call) origin.push(call);
    });
    const dir = dirs[calls.length];
    const block = dir === undefined ? undefined : this.places.resource(dir, address.type, address.name);
    const located = block ? relocate(resource, block) : resource;
    return origin.length ? { ...located, origin } : located;
  }

  /** The folder of the root module and of each module down the chain of calls; undefined past a non-local source. */
  private moduleDirs(calls: string[]): (string | undefined)[] {
    const id = calls.join('\0');
    const known = this.dirs.get(id);
    if (known) return known;
    const dirs: (string | undefined)[] = [this.planDir];
    let module: ConfigModule | undefined = this.config;
    for (const name of calls) {
      const call: ModuleCall | undefined = module?.calls.get(name);
      const parent = dirs[dirs.length - 1];
      dirs.push(parent !== undefined && call?.source && isLocalSource(call.source) ? path.resolve(parent, call.source) : undefined);
      module = call?.module;
    }
    this.dirs.set(id, dirs);
    return dirs;
  }
}
