import { scalarText, type MapNode, type Node } from '../document/syntax';
import { listAt, mapAt } from '../document/nodes';

/**
 * One module of the plan's `configuration` section: what the `.tf` files say, with every
 * expression reduced to its constant value or the names it references. One per module call,
 * shared by all instances of a module that has count or for_each.
 */
export interface ConfigModule {
  /** Each resource's `expressions`, by its address inside the module (`aws_s3_bucket.b`, `data.x.y`). */
  resources: Map<string, MapNode>;
  /** Each resource's `for_each_expression`, by the same address, for those that have one. */
  forEach: Map<string, MapNode>;
  calls: Map<string, ModuleCall>;
  /** Each output's `expression`. */
  outputs: Map<string, Node>;
}

export interface ModuleCall {
  /** As written in the `module` block: `./modules/s3`, or a registry or git address. */
  source?: string;
  /** The call's arguments, which are the module's input variables. */
  expressions?: MapNode;
  module: ConfigModule;
}

const EMPTY: ConfigModule = { resources: new Map(), forEach: new Map(), calls: new Map(), outputs: new Map() };

export function readConfigModule(node: MapNode | undefined): ConfigModule {
  if (!node) return EMPTY;
  const module: ConfigModule = { resources: new Map(), forEach: new Map(), calls: new Map(), outputs: new Map() };
  for (const resource of listAt(node, 'resources')) {
    const address = scalarText(resource.kind === 'map' ? resource.entries.get('address')?.value : undefined);
    const expressions = mapAt(resource, 'expressions');
    const forEach = mapAt(resource, 'for_each_expression');
    if (address !== undefined && expressions) module.resources.set(address, expressions);
    if (address !== undefined && forEach) module.forEach.set(address, forEach);
  }
  for (const [name, { value: call }] of mapAt(node, 'module_calls')?.entries ?? []) {
    module.calls.set(name, {
      source: scalarText(call.kind === 'map' ? call.entries.get('source')?.value : undefined),
      expressions: mapAt(call, 'expressions'),
      module: readConfigModule(mapAt(call, 'module')),
    });
  }
  for (const [name, { value: output }] of mapAt(node, 'outputs')?.entries ?? []) {
    const expression = mapAt(output, 'expression');
    if (expression) module.outputs.set(name, expression);
  }
  return module;
}

/** The module that a chain of call names leads to; undefined when the configuration lacks it. */
export function moduleAt(root: ConfigModule, calls: readonly string[]): ConfigModule | undefined {
  let module: ConfigModule | undefined = root;
  for (const name of calls) module = module?.calls.get(name)?.module;
  return module;
}

/** The references an expression representation lists (`{ "references": [...] }`), as text. */
export function referencesOf(expression: Node | undefined): string[] {
  return listAt(expression, 'references').flatMap((r) => scalarText(r) ?? []);
}
