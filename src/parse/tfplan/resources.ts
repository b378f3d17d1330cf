import type { LineTable, Notice, Resource } from '../../model';
import type { MapNode } from '../document/syntax';
import { instanceText, moduleText, type InstanceAddress } from './address';
import { moduleAt, referencesOf, type ConfigModule } from './configuration';
import type { PlanDocument } from './document';
import type { PlannedResource } from './planned';
import { InstanceIndex } from './instances';
import { planWarning } from './notices';
import { eachValueSource, ReferenceResolver, withEachValue } from './references';
import { buildAttributes, type Place } from './values';

/** `Resource.key` of a plan's resource: unique across the scan, as two plans may hold one address. */
const resourceKey = (planRel: string, canonicalAddress: string): string => `${planRel}#${canonicalAddress}`;

/** A resource and the address it was built from, for the steps after building. */
export interface BuiltResource {
  resource: Resource;
  address: InstanceAddress;
}

/** The plan's managed resources, their values merged with what the changes and the configuration say. */
export function buildResources(plan: PlanDocument, config: ConfigModule, lines: LineTable): { built: BuiltResource[]; notices: Notice[] } {
  const instances = new InstanceIndex(plan.resources.map((r) => r.address));
  const resolver = new ReferenceResolver(config, instances, (address) => resourceKey(lines.file, address));
  const built: BuiltResource[] = [];
  const notices: Notice[] = [];
  const seen = new Set<string>();
  for (const planned of plan.resources) {
    const canonical = instanceText(planned.address);
    if (seen.has(canonical)) {
      notices.push(planWarning(lines, 'duplicate-resource', `${planned.text} is planned twice; the first was checked. Regenerate the plan with \`terraform show -json\`.`, planned.at));
      continue;
    }
    seen.add(canonical);
    built.push({ resource: buildResource(planned, canonical, plan.changes.get(canonical), config, resolver, lines), address: planned.address });
  }
  if (resolver.exhausted) {
    notices.push(planWarning(lines, 'reference-limit', 'This plan references resources too many times to follow them all (count or for_each over many instances); values past the limit keep no references, so checks that need them are unknown.', { start: 0, end: 1 }));
  }
  return { built, notices };
}

function buildResource(
  planned: PlannedResource,
  canonical: string,
  change: MapNode | undefined,
  config: ConfigModule,
  resolver: ReferenceResolver,
  lines: LineTable,
): Resource {
  const { module, type, name, key } = planned.address;
  const configured = moduleAt(config, module.map((m) => m.name));
  const expressions = configured?.resources.get(`${type}.${name}`);
  const eachValue = eachValueSource(configured?.forEach.get(`${type}.${name}`));
  const place: Place = {
    value: planned.values,
    unknown: change?.entries.get('after_unknown')?.value,
    sensitive: [planned.sensitive, change?.entries.get('after_sensitive')?.value].filter((n) => n !== undefined),
    written: expressions && { kind: 'block', node: expressions },
  };
  const attributes = buildAttributes(place, planned.at, {
    lines,
    refsOf: (expression) => resolver.resolve(withEachValue(referencesOf(expression), eachValue), module, key),
  });
  const resource: Resource = {
    key: resourceKey(lines.file, canonical),
    address: planned.text,
    type,
    format: 'terraform-plan',
    family: 'terraform',
    file: lines.file,
    unit: lines.file,
    attributes,
    range: lines.range(planned.at.start, planned.at.end),
  };
  if (module.length) resource.context = { module: moduleText(module) };
  return resource;
}
