import type { Resource, ResourceRef, Value } from '../model';

/** A reference from one resource's attribute to another resource. */
export interface Edge {
  from: Resource;
  to: Resource;
  /** The property path in `from` that holds the reference, e.g. `ResourceId` or `bucket`. */
  path: string;
  attr?: string;
}

/**
 * All resources of a scan and the references between them. Rules ask it for relations
 * ("is there a flow log that references this VPC?") and never look at syntax.
 */
export class ResourceGraph {
  readonly resources: readonly Resource[];
  private readonly byKey = new Map<string, Resource>();
  private readonly byType = new Map<string, Resource[]>();
  private readonly incoming = new Map<string, Edge[]>();
  private readonly outgoing = new Map<string, Edge[]>();
  /** By type, then deployment unit; see ofTypeBeside. */
  private readonly byTypeAndUnit = new Map<string, Map<string, Resource[]>>();

  constructor(resources: Resource[]) {
    this.resources = resources;
    for (const r of resources) {
      this.byKey.set(r.key, r);
      const list = this.byType.get(r.type);
      if (list) list.push(r);
      else this.byType.set(r.type, [r]);
    }
    for (const r of resources) {
      collectRefs(r.attributes, '', (ref, path) => {
        const to = this.byKey.get(ref.key);
        if (!to || to === r) return;
        const edge: Edge = { from: r, to, path, attr: ref.attr };
        push(this.outgoing, r.key, edge);
        push(this.incoming, to.key, edge);
      });
    }
  }

  get(key: string): Resource | undefined {
    return this.byKey.get(key);
  }

  ofType(type: string): readonly Resource[] {
    return this.byType.get(type) ?? [];
  }

  /** Resources of `type` in the same deployment unit as `resource` (see `Resource.unit`). */
  ofTypeBeside(type: string, resource: Resource): readonly Resource[] {
    let byUnit = this.byTypeAndUnit.get(type);
    if (!byUnit) {
      // Built per type on first use: relations ask once per checked resource, so a filter each
      // time would be quadratic in a module's resources of one type.
      byUnit = new Map();
      for (const r of this.ofType(type)) {
        const list = byUnit.get(unitOf(r));
        if (list) list.push(r);
        else byUnit.set(unitOf(r), [r]);
      }
      this.byTypeAndUnit.set(type, byUnit);
    }
    return byUnit.get(unitOf(resource)) ?? [];
  }

  /** Edges pointing at `resource` (other resources that reference it). */
  referrers(resource: Resource): readonly Edge[] {
    return this.incoming.get(resource.key) ?? [];
  }

  /** Edges leaving `resource` (resources it references). */
  references(resource: Resource): readonly Edge[] {
    return this.outgoing.get(resource.key) ?? [];
  }
}

export function unitOf(resource: Resource): string {
  return resource.unit ?? resource.file;
}

function push(map: Map<string, Edge[]>, key: string, edge: Edge): void {
  const list = map.get(key);
  if (list) list.push(edge);
  else map.set(key, [edge]);
}

/** Visits every resource reference in a value tree with the dotted path where it sits (`a.b[0].c`). */
export function collectRefs(value: Value, path: string, visit: (ref: ResourceRef, path: string) => void): void {
  switch (value.kind) {
    case 'unknown':
      for (const ref of value.refs ?? []) visit(ref, path);
      return;
    case 'list':
      value.items.forEach((item, i) => collectRefs(item, `${path}[${i}]`, visit));
      return;
    case 'map':
      for (const [k, v] of value.entries) collectRefs(v, path ? `${path}.${k}` : k, visit);
      return;
    case 'literal':
      return;
  }
}
