import type { Resource } from '../../model';
import type { ModuleInstance } from './module-instance';
import type { ResourceInstance, ResourceInstances } from './resource-instances';
import { emptyMap } from './values';

/**
 * A resource instance as rules see it. It sits at its own block (in the module's file, for a
 * resource of a module); the module calls that made it are its `origin`, so a suppression on a
 * module call covers it and reports show the call.
 */
export function toResource(instance: ResourceInstance, block: ResourceInstances, owner: ModuleInstance): Resource {
  const attributes = instance.attributes();
  const resource: Resource = {
    key: instance.key,
    address: instance.address,
    type: block.decl.type,
    format: 'terraform',
    family: 'terraform',
    file: block.decl.file.rel,
    unit: owner.root.unit,
    attributes: attributes.kind === 'map' ? attributes : emptyMap(block.header),
    range: block.header,
  };
  const { origin, prefix } = owner.placement;
  if (origin.length) {
    resource.origin = origin;
    resource.context = { module: prefix.slice(0, -1) };
  }
  return resource;
}
