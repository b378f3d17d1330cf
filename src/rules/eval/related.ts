import { unitOf, type ResourceGraph } from '../../graph/graph';
import type { Condition, Resource } from '../../model';
import { evaluate } from './condition';
import type { Env } from './env';
import { bestPass, fail, pass, unknown, type Failure, type Outcome } from './outcome';
import { resolve, resourceScope, type Scope } from './paths';

interface RelatedSpec {
  type: string | string[];
  via: string;
  /**
   * A path in this resource holding a name the other resource may use at `via` instead of a
   * reference: `bucket = "logs"` in an aws_s3_bucket_versioning names the aws_s3_bucket whose
   * `bucket` is `"logs"`, as the provider resolves it at apply time.
   */
  byName?: string;
  assert?: Condition;
}

/**
 * `related`: other resources of `type` that reference this one at `via`. At least one must
 * satisfy `assert`. None at all fails at this resource, unless some resource of `type` holds an
 * unknown at `via` that is not a reference we can follow: it might point here, so unknown.
 */
export function evaluateRelated(condition: Condition, scope: Scope, env: Env): Outcome {
  const spec = condition.related as RelatedSpec;
  const types = typeof spec.type === 'string' ? [spec.type] : spec.type;
  const { resource } = scope;
  const referrers = [...referrersVia(env.graph, resource, types, spec.via), ...namersVia(env.graph, resource, types, spec)];

  if (referrers.length === 0) {
    if (hasUnfollowableReference(env.graph, resource, types, spec.via)) {
      return unknown(`a ${types.join(' or ')} has an unknown ${spec.via} that may reference ${resource.address}`);
    }
    return fail({
      resource,
      at: resource.range,
      path: '',
      message: `no ${types.join(' or ')} references ${resource.address} in ${spec.via}`,
      related: [],
    });
  }
  if (!spec.assert) {
    const { other, at, path } = referrers[0];
    return pass(other, at, path, { found: `${other.address} references ${resource.address} in ${path}` });
  }
  const outcomes = referrers.map(({ other }) => evaluate(spec.assert as Condition, resourceScope(other), env));
  const best = bestPass(outcomes);
  if (best) return best;
  const failures: Failure[] = [];
  for (const o of outcomes) if (o.kind === 'fail') failures.push(...o.failures);
  return fail(...failures);
}

interface Referrer {
  other: Resource;
  /** Where the reference is written in `other`. */
  at: Failure['at'];
  path: string;
}

/** The graph's edges narrow the search; the `via` path decides, so a reference elsewhere in the resource does not count. */
function referrersVia(graph: ResourceGraph, resource: Resource, types: string[], via: string): Referrer[] {
  const out: Referrer[] = [];
  const seen = new Set<string>();
  for (const edge of graph.referrers(resource)) {
    const other = edge.from;
    if (seen.has(other.key) || !types.includes(other.type)) continue;
    seen.add(other.key);
    const hit = resolve(resourceScope(other), via).find(
      (h) => h.kind === 'unknown' && (h.value.refs ?? []).some((ref) => ref.key === resource.key),
    );
    if (hit) out.push({ other, at: hit.at, path: hit.path });
  }
  return out;
}

/** Resources of `types` beside this one whose `via` is the known name this one has at `byName`. */
function namersVia(graph: ResourceGraph, resource: Resource, types: string[], spec: RelatedSpec): Referrer[] {
  if (!spec.byName) return [];
  const names = new Set(resolve(resourceScope(resource), spec.byName).flatMap((h) => (h.kind === 'value' && h.value.kind === 'literal' && typeof h.value.value === 'string' ? [h.value.value] : [])));
  if (names.size === 0) return [];
  const out: Referrer[] = [];
  for (const type of types) {
    const byName = namesAt(graph, resource, type, spec.via);
    for (const name of names) for (const referrer of byName.get(name) ?? []) if (referrer.other !== resource) out.push(referrer);
  }
  return out;
}

/**
 * The resources of `type` in the checked resource's deployment unit by each known name they hold
 * at `via`. Built once per graph, unit, type and path, so a module with many buckets costs one
 * pass over its versioning resources, not one per bucket.
 */
const nameIndex = memoPerUnit<Map<string, Referrer[]>>();

function namesAt(graph: ResourceGraph, resource: Resource, type: string, via: string): Map<string, Referrer[]> {
  return nameIndex(graph, resource, `${type}|${via}`, () => {
    const index = new Map<string, Referrer[]>();
    for (const other of graph.ofTypeBeside(type, resource)) {
      const named = new Set<string>();
      for (const hit of resolve(resourceScope(other), via)) {
        if (hit.kind !== 'value' || hit.value.kind !== 'literal') continue;
        const name = String(hit.value.value);
        if (named.has(name)) continue;
        named.add(name);
        const referrer = { other, at: hit.at, path: hit.path };
        const list = index.get(name);
        if (list) list.push(referrer);
        else index.set(name, [referrer]);
      }
    }
    return index;
  });
}

/**
 * Whether some resource of `types` in the checked resource's deployment unit has, at `via`, an
 * unknown that names no resource of the scan (a parameter, an import, a resource outside the
 * scanned files). It depends only on the unit, so it is computed once per graph, unit, types and path.
 */
const unfollowable = memoPerUnit<boolean>();

function hasUnfollowableReference(graph: ResourceGraph, resource: Resource, types: string[], via: string): boolean {
  return unfollowable(graph, resource, `${types.join(',')}|${via}`, () =>
    types.some((type) =>
      graph.ofTypeBeside(type, resource).some((other) =>
        resolve(resourceScope(other), via).some(
          (h) => h.kind === 'unknown' && !(h.value.refs ?? []).some((ref) => graph.get(ref.key) !== undefined),
        ),
      ),
    ),
  );
}

/**
 * A value computed once per graph, deployment unit and key. Relations are asked once per checked
 * resource, but what they look at beside it is the same for the whole unit.
 */
function memoPerUnit<T>(): (graph: ResourceGraph, resource: Resource, key: string, compute: () => T) => T {
  const byGraph = new WeakMap<ResourceGraph, Map<string, T>>();
  return (graph, resource, key, compute) => {
    let memo = byGraph.get(graph);
    if (!memo) byGraph.set(graph, (memo = new Map()));
    const id = `${unitOf(resource)}|${key}`;
    if (!memo.has(id)) memo.set(id, compute());
    return memo.get(id) as T;
  };
}
