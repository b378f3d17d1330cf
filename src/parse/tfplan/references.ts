import type { ResourceRef } from '../../model';
import type { Node } from '../document/syntax';
import { moduleText, parseTraversal, stepsText, type ModuleStep, type Step } from './address';
import { moduleAt, referencesOf, type ConfigModule } from './configuration';
import { pick, type InstanceIndex } from './instances';

/** Deeper than any real module tree; a hostile configuration that loops stops here. */
const MAX_HOPS = 64;

/** Longer than any real traversal; longer text is not followed (its prefixes would cost its length squared). */
const MAX_REFERENCE_LENGTH = 1024;

/**
 * References made per plan at most. A referrer that is not one of several instances means every
 * instance of what it names, so references can grow as the square of the plan; past this, values
 * keep no references (rules then treat them as unknown) and `exhausted` says so.
 */
const MAX_REFS = 200_000;

/** Roots that name no resource: values of the module itself, of the run, or of data sources (not resources here). */
const NOT_RESOURCES = new Set(['local', 'each', 'count', 'path', 'terraform', 'self', 'data']);

/**
 * Follows the references of the plan's `configuration` to the resource instances they reach,
 * module-relative names made full: `var.x` through the module call's argument into the calling
 * module, `module.m.out` through the output into module m. Results are remembered per module
 * instance, so a plan with many instances of one module costs one walk per distinct reference.
 */
export class ReferenceResolver {
  private readonly memo = new Map<string, ResourceRef[]>();
  private made = 0;

  constructor(
    private readonly config: ConfigModule,
    private readonly instances: InstanceIndex,
    /** `Resource.key` of an instance's canonical address. */
    private readonly keyOf: (address: string) => string,
  ) {}

  /**
   * The resources `references` (one expression's list) reach, seen from module instance `at`, by
   * a referrer whose own count index or for_each key is `own`.
   */
  resolve(references: readonly string[], at: readonly ModuleStep[], own: string | undefined): ResourceRef[] {
    return this.resolveAll(references, at, own, 0);
  }

  /** Whether some references were dropped because the plan made too many. */
  get exhausted(): boolean {
    return this.made > MAX_REFS;
  }

  private resolveAll(references: readonly string[], at: readonly ModuleStep[], own: string | undefined, hops: number): ResourceRef[] {
    if (this.exhausted) return [];
    const found = new Map<string, ResourceRef>();
    for (const reference of mostSpecific(references)) {
      for (const ref of this.resolveOne(reference, at, own, hops)) found.set(`${ref.key}\0${ref.attr ?? ''}`, ref);
    }
    this.made += found.size;
    return this.exhausted ? [] : [...found.values()];
  }

  private resolveOne(reference: string, at: readonly ModuleStep[], own: string | undefined, hops: number): ResourceRef[] {
    const steps = parseTraversal(reference);
    const root = steps?.[0];
    if (!steps || root?.kind !== 'name' || NOT_RESOURCES.has(root.name) || hops > MAX_HOPS) return [];
    const memoKey = `${moduleText(at)}|${own ?? ''}|${reference}`;
    const known = this.memo.get(memoKey);
    if (known) return known;
    // Set before the walk: a reference that leads back to itself finds nothing the second time.
    this.memo.set(memoKey, []);
    const result =
      root.name === 'var' ? this.variable(steps, at, hops) : root.name === 'module' ? this.output(steps, at, own, hops) : this.resource(steps, at, own);
    this.memo.set(memoKey, result);
    return result;
  }

  /** `var.x` inside a module is the argument `x` of the call that made this instance. */
  private variable(steps: Step[], at: readonly ModuleStep[], hops: number): ResourceRef[] {
    const name = steps[1];
    if (!at.length || name?.kind !== 'name') return [];
    const caller = at.slice(0, -1);
    const call = at[at.length - 1];
    const argument = moduleAt(this.config, caller.map((m) => m.name))?.calls.get(call.name)?.expressions?.entries.get(name.name)?.value;
    // In the caller, the module instance's own key is what its arguments' count.index/each.key mean.
    return this.resolveAll(referencesOf(argument), caller, call.key, hops + 1);
  }

  /** `module.m.out` is output `out` of each instance of module call `m` the reference means. */
  private output(steps: Step[], at: readonly ModuleStep[], own: string | undefined, hops: number): ResourceRef[] {
    const [, call, third, fourth] = steps;
    if (call?.kind !== 'name') return [];
    const written = third?.kind === 'index' ? third.key : undefined;
    const output = third?.kind === 'name' ? third : fourth;
    if (output?.kind !== 'name') return [];
    const module = moduleAt(this.config, [...at.map((m) => m.name), call.name]);
    const expression = module?.outputs.get(output.name);
    if (!expression) return [];
    const references = referencesOf(expression);
    return pick(this.instances.module(at, call.name), written, own).flatMap((instance) => this.resolveAll(references, instance.value, undefined, hops + 1));
  }

  /** `aws_s3_bucket.b`, `aws_s3_bucket.b[0].arn`: the instances it means, with the attribute after them. */
  private resource(steps: Step[], at: readonly ModuleStep[], own: string | undefined): ResourceRef[] {
    const [type, name, third] = steps;
    if (type.kind !== 'name' || name?.kind !== 'name') return [];
    const written = third?.kind === 'index' ? third.key : undefined;
    const attr = stepsText(steps.slice(written === undefined ? 2 : 3));
    return pick(this.instances.resource(at, type.name, name.name), written, own).map((instance) => {
      const key = this.keyOf(instance.value);
      return attr ? { key, attr } : { key };
    });
  }
}

/**
 * What `each.value` stands for when a resource's for_each is the instances of another resource
 * of its module (`for_each = aws_s3_bucket.tenants`, then `bucket = each.value.id`): that
 * resource, written as a reference, whose instance with the referrer's own key the resolver then
 * picks. Undefined for any other for_each (a variable, a local, a set of strings): its values
 * name no resource that can be told from the plan.
 */
export function eachValueSource(forEach: Node | undefined): string | undefined {
  const references = mostSpecific(referencesOf(forEach));
  if (references.length !== 1) return undefined;
  const steps = parseTraversal(references[0]);
  const [type, name] = steps ?? [];
  if (steps?.length !== 2 || type.kind !== 'name' || name.kind !== 'name') return undefined;
  return NOT_RESOURCES.has(type.name) || type.name === 'var' || type.name === 'module' ? undefined : references[0];
}

/** An expression's references with `each.value` read as `source` (see `eachValueSource`). */
export function withEachValue(references: readonly string[], source: string | undefined): readonly string[] {
  if (source === undefined) return references;
  const each = 'each.value';
  return references.map((r) => (r === each || r.startsWith(`${each}.`) || r.startsWith(`${each}[`) ? source + r.slice(each.length) : r));
}

/**
 * Terraform lists a traversal with each of its prefixes (`aws_s3_bucket.b[0].id`,
 * `aws_s3_bucket.b[0]`, `aws_s3_bucket.b`). The prefixes say less and, read alone, would mean
 * every instance of `b`; so a reference is dropped when a longer one starts with it.
 */
function mostSpecific(all: readonly string[]): string[] {
  const references = all.filter((r) => r.length <= MAX_REFERENCE_LENGTH);
  const covered = new Set<string>();
  for (const r of references) {
    for (let i = 1; i < r.length; i++) if (r[i] === '.' || r[i] === '[') covered.add(r.slice(0, i));
  }
  return [...new Set(references)].filter((r) => !covered.has(r));
}
