import type { MapValue, Range, Resource } from '../../model';
import { Resolver } from './resolve/resolver';
import { NO_VALUE } from './resolve/values';
import { applyGlobals, SamGlobals } from './sam-globals';
import { implicitApis } from './sam-implicit-apis';
import { scalarText, type MapEntry, type Node } from '../document/syntax';

/**
 * The resources of one template, resolved. A resource whose `Condition` is known to be false is
 * not deployed and so not returned; one whose condition is unknown is kept. The APIs that the SAM
 * transform adds for events that name none come last.
 */
export function buildResources(r: Resolver): Resource[] {
  const resources: Resource[] = [];
  const globals = new SamGlobals(r);
  const templateMetadata = r.sections.metadata ? r.resolve(r.sections.metadata) : NO_VALUE;
  for (const entry of r.sections.resources.values()) {
    const resource = buildResource(entry, r, globals);
    if (resource) resources.push(resource);
  }
  for (const api of implicitApis(resources, r, (type) => globals.of(type))) {
    resources.push(resourceOf(api.id, api.type, api.attributes, api.range, r));
  }
  if (templateMetadata !== NO_VALUE) for (const resource of resources) resource.templateMetadata = templateMetadata;
  return resources;
}

function buildResource({ key: id, keyStart, keyEnd, value: body }: MapEntry, r: Resolver, globals: SamGlobals): Resource | undefined {
  const range = r.lines.range(keyStart, keyEnd);
  if (id.startsWith('Fn::ForEach::')) {
    r.warn('not-expanded', `${id} (LanguageExtensions) is not expanded by the scanner; its resources were not checked.`, body);
    return undefined;
  }
  const fields = body.kind === 'map' ? body.entries : undefined;
  const type = scalarText(fields?.get('Type')?.value);
  if (!fields || type === undefined) {
    r.warn('invalid-resource', `Resource ${id} has no Type. Give it one, such as AWS::S3::Bucket.`, body);
    return undefined;
  }
  const condition = scalarText(fields.get('Condition')?.value);
  if (condition !== undefined && r.condition(condition, fields.get('Condition')!.value) === false) return undefined;

  const own = properties(id, body, fields.get('Properties'), r);
  if (!own) return undefined;
  const inherited = globals.of(type);
  const attributes = inherited ? applyGlobals(inherited, own) : own;
  const metadataNode = fields.get('Metadata')?.value;
  const metadata = metadataNode ? r.resolve(metadataNode) : NO_VALUE;
  const resource = resourceOf(id, type, attributes, range, r);
  if (metadata !== NO_VALUE) resource.metadata = metadata;
  return resource;
}

function resourceOf(id: string, type: string, attributes: MapValue, range: Range, r: Resolver): Resource {
  return { key: r.resourceKey(id), address: id, type, format: 'cloudformation', family: 'cloudformation', file: r.lines.file, attributes, range };
}

/**
 * `Properties` resolved to a map (an empty one when absent). When they are a function whose result
 * cannot be known (an `Fn::If` on an unknown condition), the resource is left out with a warning
 * rather than checked against properties it may not have.
 */
function properties(id: string, body: Node, entry: MapEntry | undefined, r: Resolver): MapValue | undefined {
  const value = entry ? r.resolve(entry.value) : NO_VALUE;
  if (value === NO_VALUE) return { kind: 'map', entries: new Map(), keyRanges: new Map(), range: r.range(entry?.value ?? body) };
  if (value.kind === 'map') return value;
  const why = value.kind === 'unknown' ? value.why : 'they are not a mapping';
  r.warn('unknown-properties', `The Properties of ${id} cannot be known before deployment (${why}); the resource was not checked.`, entry!.value);
  return undefined;
}
