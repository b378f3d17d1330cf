import path from 'node:path';
import type { Range, Resource, Value } from '../../model';
import type { Workspace } from '../workspace';
import { movedUnknown } from './access';
import type { ConfigFile } from './config-files';
import type { EvaluationGuard } from './guard';
import type { Evaluator } from './evaluator';
import type { Budget } from './limits';
import { ModuleCall } from './module-calls';
import type { CallDecl, Declared, ModuleConfig, ResourceDecl } from './module-config';
import type { ModuleFolders } from './module-folders';
import type { ModuleManifest } from './modules-json';
import type { NoticeSink } from './notices';
import { ResourceInstances } from './resource-instances';
import { toResource } from './resources';
import type { ModuleNames, Scope } from './scope';
import { failure, literal, MapBuilder, usedAt } from './values';
import { resolveVariable, type InputValue } from './variables';

/** What every module instance of one root module shares. */
export interface RootContext {
  ev: Evaluator;
  guard: EvaluationGuard;
  notices: NoticeSink;
  budget: Budget;
  workspace: Workspace;
  configs: ModuleFolders;
  /** The root module's folder relative to the scan root (`.` for the root itself): `Resource.unit`, and the start of each key. */
  unit: string;
  rootDir: string;
  /** `.terraform/modules/modules.json` of the root module, when `terraform init` left one. */
  manifest?: ModuleManifest;
  /** Whether the root module's file `rel` was handed over for scanning: what its other files declare is evaluated, not reported. */
  reported(rel: string): boolean;
}

/** Where a module instance sits in its root module. */
export interface Placement {
  /** Address prefix of what it declares: `""`, `module.a.`, `module.a["k"].module.b.`. */
  prefix: string;
  /** The headers of the module calls that lead here, outermost first. */
  origin: Range[];
  /** The call names from the root (`modules.json` keys are these joined by dots). */
  callPath: string[];
  /** The folders of the enclosing module instances, to refuse a module that calls itself. */
  folders: string[];
}

/**
 * One instance of a module: the root module, or one instance of a module call. It answers the
 * names its expressions use (`var`, `local`, `module`, resources), each evaluated once, when first
 * needed, so that evaluation order never matters and unused things cost nothing.
 */
export class ModuleInstance implements ModuleNames {
  private readonly scopes = new Map<ConfigFile, Scope>();
  private readonly variables = new Map<string, Value>();
  private readonly locals = new Map<string, Value>();
  private readonly outputValues = new Map<string, Value>();
  private readonly resourceBlocks = new Map<ResourceDecl, ResourceInstances>();
  private readonly calls = new Map<CallDecl, ModuleCall>();

  constructor(
    readonly root: RootContext,
    readonly config: ModuleConfig,
    readonly placement: Placement,
    private readonly inputs: (name: string) => InputValue | undefined,
  ) {}

  /** What expressions in `file` see: this module's names, `path` and `terraform`. */
  scopeFor(file: ConfigFile): Scope {
    let scope = this.scopes.get(file);
    if (!scope) {
      const at = file.lines.range(0, 0);
      const paths = new MapBuilder();
      const moduleRel = path.relative(this.root.rootDir, this.config.dir).split(path.sep).join('/') || '.';
      paths.set('module', literal(moduleRel, at), at);
      paths.set('root', literal('.', at), at);
      paths.set('cwd', literal(this.root.rootDir, at), at);
      const terraform = new MapBuilder();
      terraform.set('workspace', literal('default', at), at);
      scope = {
        module: this,
        rangeOf: (span) => file.lines.range(span.start, span.end),
        names: new Map([
          ['path', paths.build(at)],
          ['terraform', terraform.build(at)],
        ]),
      };
      this.scopes.set(file, scope);
    }
    return scope;
  }

  variable(name: string, at: Range): Value {
    const decl = this.config.variables.get(name);
    if (!decl) return this.undeclared(`var.${name}`, at);
    const input = this.inputs(name);
    const defaultScope: Scope = { rangeOf: (span) => decl.file.lines.range(span.start, span.end), names: new Map() };
    // A value given on the command line has no place of its own: it is made where it is used.
    if (input && !input.placed) return resolveVariable(this.root.ev, decl, input, at, defaultScope);
    return this.placed(this.variables, name, `var.${name}`, at, () => resolveVariable(this.root.ev, decl, input, decl.file.lines.range(decl.block.start, decl.block.typeSpan.end), defaultScope));
  }

  local(name: string, at: Range): Value {
    const decl = this.config.locals.get(name);
    if (!decl) return this.undeclared(`local.${name}`, at);
    return this.placed(this.locals, name, `local.${name}`, at, () => this.root.ev.evaluate(decl.attribute.value, this.scopeFor(decl.file)));
  }

  output(name: string, at: Range): Value {
    const decl = this.config.outputs.get(name);
    const label = `${this.placement.prefix}${name}`;
    if (!decl) return this.undeclared(`the output ${label}`, at);
    const value = decl.block.body.items.find((item) => item.type === 'Attribute' && item.name === 'value');
    if (value?.type !== 'Attribute') return failure(`output ${label} has no value`, at);
    return this.placed(this.outputValues, name, `output.${name}`, at, () => this.root.ev.evaluate(value.value, this.scopeFor(decl.file)));
  }

  /** Every output, for `module.x` used as a whole. */
  outputs(at: Range): Value {
    const all = new MapBuilder();
    for (const name of this.config.outputs.keys()) all.set(name, this.output(name, at), at);
    return all.build(at);
  }

  module(name: string, at: Range): Value {
    const decl = this.config.calls.get(name);
    return decl ? this.callOf(decl).reference(at) : this.undeclared(`module.${name}`, at);
  }

  resource(mode: 'managed' | 'data', type: string, name: string, at: Range): Value | undefined {
    const decl = this.config.resourceByName.get(`${mode}.${type}.${name}`);
    return decl && this.blockOf(decl).reference(at);
  }

  declaresType(name: string): boolean {
    return this.config.managedTypes.has(name);
  }

  /**
   * The managed resources of this instance and of the modules it calls, as rules see them. In the
   * root module, only those declared (or called) in a file handed over for scanning, or changed
   * by an override file handed over.
   */
  collect(out: Resource[]): void {
    const reported = (decl: Declared) => this.placement.prefix !== '' || this.root.reported(decl.file.rel) || (decl.overrides ?? []).some((rel) => this.root.reported(rel));
    for (const decl of this.config.resources) {
      if (decl.mode !== 'managed' || !reported(decl)) continue;
      const block = this.blockOf(decl);
      for (const instance of block.instances()) {
        if (!this.root.budget.instance(block.header)) return;
        out.push(toResource(instance, block, this));
      }
    }
    for (const decl of this.config.calls.values()) {
      if (reported(decl)) for (const child of this.callOf(decl).children()) child.collect(out);
    }
  }

  private blockOf(decl: ResourceDecl): ResourceInstances {
    let block = this.resourceBlocks.get(decl);
    if (!block) this.resourceBlocks.set(decl, (block = new ResourceInstances(this, decl)));
    return block;
  }

  private callOf(decl: CallDecl): ModuleCall {
    let call = this.calls.get(decl);
    if (!call) this.calls.set(decl, (call = new ModuleCall(this, decl)));
    return call;
  }

  /** A value evaluated once where it is written, then shown at each place it is used. */
  private placed(memo: Map<string, Value>, name: string, label: string, at: Range, compute: () => Value): Value {
    let value = memo.get(name);
    if (!value) {
      value = this.root.guard.run(`${this.placement.prefix}${label}`, `${this.placement.prefix}${label}`, at, compute, (why) => failure(why, at));
      memo.set(name, value);
    }
    return value.kind === 'unknown' ? movedUnknown(value, at) : usedAt(value, at);
  }

  private undeclared(what: string, at: Range): Value {
    this.root.notices.warn('unknown-reference', `${what} is not declared in ${this.placement.prefix ? this.placement.prefix.slice(0, -1) : 'the root module'}; Terraform would stop here. The value is treated as unknown.`, at);
    return failure(`${what} is not declared`, at);
  }
}
