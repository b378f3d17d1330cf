import { literalText, type MapValue, type Range, type Resource, type Value } from '../../model';
import type { Resolver } from './resolve/resolver';
import { globalsSectionOf } from './sam-globals';

/*
 * SAM's implicit APIs. Most SAM templates declare no API: a function's `Api` event without
 * `RestApiId`, or `HttpApi` event without `ApiId`, makes the SAM transform add one itself,
 * `ServerlessRestApi` (an AWS::Serverless::Api) or `ServerlessHttpApi` (an
 * AWS::Serverless::HttpApi), configured by nothing but `Globals.Api` / `Globals.HttpApi`, and
 * give each such event a `Ref` to it. Rules can judge only what the parser gives them, so the
 * parser does the same: it adds that resource (unless the template declares one with its logical
 * ID) and the reference, every synthesized value placed on a line the user wrote.
 */

/** An API SAM adds by itself, and the events that join it. */
interface ImplicitApi {
  /** Its logical ID, fixed by SAM. */
  id: string;
  type: string;
  /** The `Type` of the events that join it when they name no API. */
  event: string;
  /** The event property that names an API. */
  names: string;
}

const IMPLICIT_APIS: readonly ImplicitApi[] = [
  { id: 'ServerlessRestApi', type: 'AWS::Serverless::Api', event: 'Api', names: 'RestApiId' },
  { id: 'ServerlessHttpApi', type: 'AWS::Serverless::HttpApi', event: 'HttpApi', names: 'ApiId' },
];

/** The SAM resources whose events can be API events (a state machine's can be `Api` only). */
const EVENT_SOURCES = new Set(['AWS::Serverless::Function', 'AWS::Serverless::StateMachine']);

/** A logical ID that SAM gives an API it adds by itself. */
export function isImplicitApiId(id: string): boolean {
  return IMPLICIT_APIS.some((api) => api.id === id);
}

/** A resource the SAM transform adds, for the caller to make a Resource of. */
export interface ImplicitResource {
  id: string;
  type: string;
  attributes: MapValue;
  range: Range;
}

/**
 * Gives each event of `resources` that names no API a reference to the implicit one (replacing
 * the function's attributes, never changing shared values), and returns the implicit APIs to add:
 * each once, its attributes the Globals section (an empty map without one), placed at that
 * section's key, or at the first event that makes it when there is no Globals section. Globals is
 * where the API is configured and its fix goes, and unlike the first event it does not move when
 * functions are added or reordered, so an inline suppression written there keeps its meaning.
 */
export function implicitApis(resources: Resource[], r: Resolver, globalsOf: (type: string) => MapValue | undefined): ImplicitResource[] {
  if (!r.sections.samTransform) return [];
  const firstEvent = new Map<ImplicitApi, Range>();
  for (const resource of resources) {
    const events = EVENT_SOURCES.has(resource.type) ? resource.attributes.entries.get('Events') : undefined;
    if (events?.kind !== 'map') continue;
    let linked: MapValue | undefined;
    for (const [name, event] of events.entries) {
      if (event.kind !== 'map') continue;
      const api = apiJoinedBy(event);
      if (!api) continue;
      const eventKey = events.keyRanges.get(name) ?? event.range;
      linked = withEntry(linked ?? events, name, referencing(event, api, r), eventKey);
      if (!firstEvent.has(api)) firstEvent.set(api, eventKey);
    }
    if (linked) resource.attributes = withEntry(resource.attributes, 'Events', linked, resource.attributes.keyRanges.get('Events') ?? events.range);
  }
  const added: ImplicitResource[] = [];
  for (const [api, eventRange] of firstEvent) {
    if (r.sections.resources.has(api.id)) continue;
    const globals = globalsOf(api.type);
    const section = r.sections.globals.get(globalsSectionOf(api.type) ?? '');
    const range = globals && section ? r.lines.range(section.keyStart, section.keyEnd) : eventRange;
    added.push({ id: api.id, type: api.type, attributes: globals ?? { kind: 'map', entries: new Map(), keyRanges: new Map(), range }, range });
  }
  return added;
}

/**
 * The implicit API an event joins: an `Api` or `HttpApi` event that does not name one. SAM
 * passes over an `Api` event without properties (its Path and Method are required); an `HttpApi`
 * event without them is the API's `$default` route.
 */
function apiJoinedBy(event: MapValue): ImplicitApi | undefined {
  const api = IMPLICIT_APIS.find((a) => a.event === literalText(event.entries.get('Type')));
  const properties = event.entries.get('Properties');
  if (!api || (properties && properties.kind !== 'map')) return undefined;
  if (properties?.entries.has(api.names)) return undefined;
  if (api.event === 'Api' && !properties?.entries.size) return undefined;
  return api;
}

/**
 * The event with `RestApiId` / `ApiId` referencing the implicit API, as the transform writes it.
 * The reference (and `Properties`, when the event has none) is placed at the event's `Type`: the
 * line that, with no API named, sends the event to the implicit API.
 */
function referencing(event: MapValue, api: ImplicitApi, r: Resolver): MapValue {
  const type = event.entries.get('Type') as Value;
  const typeKey = event.keyRanges.get('Type') ?? type.range;
  const ref: Value = { kind: 'unknown', why: `Ref to ${api.id}, the API SAM adds for events that name none`, range: type.range, refs: [{ key: r.resourceKey(api.id) }] };
  const properties = event.entries.get('Properties');
  const empty: MapValue = { kind: 'map', entries: new Map(), keyRanges: new Map(), range: type.range };
  const linked = withEntry(properties?.kind === 'map' ? properties : empty, api.names, ref, typeKey);
  return withEntry(event, 'Properties', linked, event.keyRanges.get('Properties') ?? typeKey);
}

function withEntry(map: MapValue, key: string, value: Value, keyRange: Range): MapValue {
  return { ...map, entries: new Map(map.entries).set(key, value), keyRanges: new Map(map.keyRanges).set(key, keyRange) };
}
