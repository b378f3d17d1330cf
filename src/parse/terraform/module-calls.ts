import type { Range, UnknownValue, Value } from '../../model';
import { expand, noteUnknownExpansion, type Expansion } from './instances';
import { LIMITS } from './limits';
import { setConcrete, setHandle } from './marks';
import type { CallDecl } from './module-config';
import { ModuleInstance } from './module-instance';
import { resolveModuleSource } from './module-sources';
import { withNames } from './scope';
import type { InputValue } from './variables';
import { list, MapBuilder } from './values';

/** Arguments of a module block that are not inputs of the module. */
const CALL_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/**
 * One `module "x"` block in one module instance: its instances (count and for_each expand here
 * too), each a module instance of the called folder with the block's arguments as inputs.
 */
export class ModuleCall {
  private expansion?: Expansion;
  private built?: ModuleInstance[];

  constructor(
    private readonly owner: ModuleInstance,
    private readonly decl: CallDecl,
  ) {}

  get label(): string {
    return `${this.owner.placement.prefix}module.${this.decl.name}`;
  }

  /** The header `module "x"`, where a suppression for everything the module makes is written. */
  get header(): Range {
    const { block, file } = this.decl;
    return file.lines.range(block.start, block.labels[0]?.end ?? block.typeSpan.end);
  }

  /** Its module instances; none when the module could not be read (a notice says why). */
  children(): ModuleInstance[] {
    this.built ??= this.load();
    return this.built;
  }

  /** `module.x`: its outputs as an object per instance (a list under count, a map under for_each). */
  reference(at: Range): Value {
    const children = this.children();
    const expansion = this.expansion;
    if (!expansion || !children.length) {
      return { kind: 'unknown', why: children.length ? `${this.label} has no instances` : `${this.label} was not scanned`, range: at };
    }
    switch (expansion.kind) {
      case 'single':
        return outputsOf(children[0], at, false);
      case 'unknown':
        return outputsOf(children[0], at, true);
      case 'count':
        return list(children.map((child) => outputsOf(child, at, false)), at);
      case 'each': {
        const map = new MapBuilder();
        children.forEach((child, i) => map.set(String(expansion.instances[i].key), outputsOf(child, at, false), at));
        return map.build(at);
      }
    }
  }

  private load(): ModuleInstance[] {
    const { root, placement } = this.owner;
    if (placement.callPath.length >= LIMITS.moduleDepth) {
      root.notices.warn('module-depth', `${this.label} is nested more than ${LIMITS.moduleDepth} modules deep; it was not scanned.`, this.header);
      return [];
    }
    const dir = resolveModuleSource(root, this.decl, this.owner.config.dir, [...placement.callPath, this.decl.name], this.header);
    if (dir === undefined) return [];
    if (placement.folders.includes(dir)) {
      root.notices.warn('module-cycle', `${this.label} calls a module that is already being evaluated around it (it calls itself); it was not scanned again.`, this.header);
      return [];
    }
    const config = root.configs.load(dir, this.decl, this.header);
    if (!config) return [];
    const scope = this.owner.scopeFor(this.decl.file);
    this.expansion = expand(root.ev, this.decl.block.body, scope, this.label, this.header);
    noteUnknownExpansion(root.ev, this.expansion, this.label, this.header);
    return this.expansion.instances.map((spec) => {
      const callerScope = withNames(scope, spec.names);
      const inputs = (name: string): InputValue | undefined => {
        if (CALL_META.has(name)) return undefined;
        const argument = this.decl.block.body.items.find((item) => item.type === 'Attribute' && item.name === name);
        if (argument?.type !== 'Attribute') return undefined;
        return { placed: true, supplied: false, value: () => root.ev.evaluate(argument.value, callerScope) };
      };
      return new ModuleInstance(root, config, {
        prefix: `${this.label}${spec.suffix}.`,
        origin: [...placement.origin, this.header],
        callPath: [...placement.callPath, this.decl.name],
        folders: [...placement.folders, dir],
      }, inputs);
    });
  }
}

/** A module instance as a value: its outputs, read one at a time (an output need not evaluate the others). */
function outputsOf(child: ModuleInstance, at: Range, indexable: boolean): UnknownValue {
  const value: UnknownValue = { kind: 'unknown', why: `the outputs of ${child.placement.prefix.slice(0, -1)}`, range: at };
  setHandle(value, {
    attr: (name, where) => child.output(name, where),
    ...(indexable ? { index: (_key: Value, where: Range) => outputsOf(child, where, true) } : {}),
  });
  return setConcrete(value, () => child.outputs(at));
}
