import type { MapValue, Range, UnknownValue, Value } from '../../model';
import { referenceView } from './access';
import { evaluateBody, RESOURCE_META } from './body';
import { expand, noteUnknownExpansion, type Expansion, type InstanceSpec } from './instances';
import { setHandle } from './marks';
import type { ModuleInstance } from './module-instance';
import type { ResourceDecl } from './module-config';
import { renderPolicyDocument } from './policy-document';
import { withNames, type Scope } from './scope';
import { failure, list, MapBuilder, usedAt } from './values';

/** Attributes no configuration sets: always known only after apply. */
const COMPUTED = new Set(['id', 'arn']);

/**
 * The instances of one resource or data block in one module instance, and what a reference to
 * them evaluates to. References stay unknowns that name the instance (graph edges); an attribute
 * the configuration sets is a view of that value, which computations see through (see `access.ts`).
 */
export class ResourceInstances {
  private expansion?: Expansion;
  private built?: ResourceInstance[];

  constructor(
    readonly owner: ModuleInstance,
    readonly decl: ResourceDecl,
  ) {}

  /** `aws_s3_bucket.b`, `data.aws_iam_policy_document.p`, inside this module instance. */
  get label(): string {
    return `${this.owner.placement.prefix}${this.decl.mode === 'data' ? 'data.' : ''}${this.decl.type}.${this.decl.name}`;
  }

  get header(): Range {
    const { block, file } = this.decl;
    const last = block.labels[block.labels.length - 1];
    return file.lines.range(block.start, last ? last.end : block.typeSpan.end);
  }

  instances(): ResourceInstance[] {
    if (!this.built) {
      this.expansion ??= this.expand();
      this.built = this.expansion.instances.map((spec) => new ResourceInstance(this, spec));
    }
    return this.built;
  }

  /** `aws_x.y`: one instance, a list (count), a map (for_each), or a stand-in that can be indexed with anything. */
  reference(at: Range): Value {
    const instances = this.instances();
    const expansion = this.expansion as Expansion;
    switch (expansion.kind) {
      case 'single':
        return instances[0].reference(at, false);
      case 'unknown':
        return instances[0].reference(at, true);
      case 'count':
        return list(instances.map((i) => i.reference(at, false)), at);
      case 'each': {
        const map = new MapBuilder();
        for (const i of instances) map.set(String(i.spec.key), i.reference(at, false), at);
        return map.build(at);
      }
    }
  }

  private expand(): Expansion {
    const label = this.label;
    const scope = this.owner.scopeFor(this.decl.file);
    return this.owner.root.guard.run(
      `${label}[instances]`,
      `the count or for_each of ${label}`,
      this.header,
      () => {
        const expansion = expand(this.owner.root.ev, this.decl.block.body, scope, label, this.header);
        if (this.decl.mode === 'managed') noteUnknownExpansion(this.owner.root.ev, expansion, label, this.header);
        return expansion;
      },
      (why) => ({ kind: 'unknown', instances: [{ suffix: '[*]', names: [] }], why: failure(why, this.header), by: 'count', warned: true }),
    );
  }
}

export class ResourceInstance {
  readonly address: string;
  /** `Resource.key`: the root module's folder and the address. */
  readonly key: string;
  private attributeMemo?: MapValue;
  private policyMemo?: Value;

  constructor(
    private readonly block: ResourceInstances,
    readonly spec: InstanceSpec,
  ) {
    this.address = `${block.label}${spec.suffix}`;
    this.key = `${block.owner.root.unit}#${this.address}`;
  }

  get scope(): Scope {
    return withNames(this.block.owner.scopeFor(this.block.decl.file), this.spec.names);
  }

  /** The evaluated body; a failure while it is being evaluated (a resource that references itself). */
  attributes(): Value {
    if (this.attributeMemo) return this.attributeMemo;
    const { owner, decl } = this.block;
    const header = this.block.header;
    return owner.root.guard.run<Value>(
      this.address,
      this.address,
      header,
      () => (this.attributeMemo = evaluateBody(owner.root.ev, decl.block.body, this.scope, decl.file.lines.range(decl.block.body.start, decl.block.body.end), RESOURCE_META)),
      (why) => failure(why, header),
    );
  }

  reference(at: Range, indexable: boolean): UnknownValue {
    const value: UnknownValue = { kind: 'unknown', why: `a reference to ${this.address}`, range: at, refs: [{ key: this.key }] };
    return setHandle(value, {
      attr: (name, where) => this.attr(name, where),
      ...(indexable ? { index: (_key: Value, where: Range) => this.reference(where, true) } : {}),
    });
  }

  private attr(name: string, at: Range): Value {
    const refs = [{ key: this.key, attr: name }];
    const { decl } = this.block;
    if (decl.mode === 'data' && decl.type === 'aws_iam_policy_document' && (name === 'json' || name === 'minified_json')) return this.policy(at);
    const when = decl.mode === 'data' ? 'is read from the provider when Terraform plans' : 'is known only after apply';
    const afterApply: UnknownValue = { kind: 'unknown', why: `${this.address}.${name} ${when}`, range: at, refs };
    // Inside a cycle the attributes are not there to look at (a warning says so).
    const attributes = COMPUTED.has(name) ? undefined : this.attributes();
    if (attributes?.kind !== 'map') return afterApply;
    const configured = attributes.entries.get(name);
    if (!configured || (configured.kind === 'literal' && configured.value === null)) return afterApply;
    return referenceView(`a reference to ${this.address}.${name}`, configured, at, refs);
  }

  private policy(at: Range): Value {
    if (!this.policyMemo) {
      const attributes = this.attributes();
      this.policyMemo = attributes.kind === 'map' ? renderPolicyDocument(this.block.owner.root.ev, attributes, this.block.header) : attributes;
    }
    return usedAt(this.policyMemo, at);
  }
}
