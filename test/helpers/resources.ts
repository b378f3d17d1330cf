/**
 * Builds resources from plain objects for rule tests, with real source ranges: the resources are
 * rendered as a CloudFormation-style YAML template, and every node gets the line and columns it
 * is written at. `text` is that template, so a range can be checked against what it covers.
 *
 * Special values (unknowns, references, parameter defaults, supplied values) are written with
 * the markers below.
 */
import type { CheckFamily, Range, Resource, Value } from '../../src/model';
import { ResourceGraph } from '../../src/graph/graph';

const MARK = Symbol('marker');

interface Marker {
  [MARK]: true;
  /** What the template shows, e.g. `!Ref Vpc`. */
  text: string;
  build(range: Range, doc: Rendered): Value;
}

function marker(text: string, build: Marker['build']): Marker {
  return { [MARK]: true, text, build };
}

function isMarker(x: unknown): x is Marker {
  return typeof x === 'object' && x !== null && MARK in x;
}

/** A value unknown before deployment, with no reference (a parameter without default, a dynamic reference). */
export function unknown(why: string, extra: { secret?: boolean } = {}): Marker {
  return marker(`!Unknown ${JSON.stringify(why)}`, (range) => ({ kind: 'unknown', why, range, ...extra }));
}

/** A reference to another resource of the same template, by address (`!Ref Vpc`, `!GetAtt Role.Arn`). */
export function ref(address: string, attr?: string): Marker {
  return marker(attr ? `!GetAtt ${address}.${attr}` : `!Ref ${address}`, (range, doc) => ({
    kind: 'unknown',
    why: `Ref to ${address}`,
    range,
    refs: [{ key: `${doc.file}#${address}`, attr }],
  }));
}

/** A reference to a resource that is not in the scan. */
export function refOutside(key: string): Marker {
  return marker(`!Ref ${key}`, (range) => ({ kind: 'unknown', why: `Ref to ${key}`, range, refs: [{ key }] }));
}

/** `!Ref Param` where the template gives the parameter a Default: the literal, with the Default as its origin. */
export function paramDefault(name: string): Marker {
  return marker(`!Ref ${name}`, (range, doc) => {
    const param = doc.parameters.get(name);
    if (!param) throw new Error(`template has no parameter ${name}`);
    return { kind: 'literal', value: param.value, range, origin: [param.range] };
  });
}

/** A value given at scan time (`--param`), not written in the code. */
export function supplied(value: string): Marker {
  return marker(`!Ref Supplied`, (range) => ({ kind: 'literal', value, range, supplied: true }));
}

type Plain = string | number | boolean | null | Marker | Plain[] | { [key: string]: Plain };

export interface ResourceSpec {
  address: string;
  type: string;
  properties?: Record<string, Plain>;
}

export interface Template {
  file: string;
  text: string;
  resources: Resource[];
  graph: ResourceGraph;
  /** The resource with this address. */
  get(address: string): Resource;
}

interface Rendered {
  file: string;
  lines: string[];
  parameters: Map<string, { value: string | number | boolean; range: Range }>;
}

/**
 * Renders the resources (and parameters with a Default) as a template and builds the resources.
 * The family follows the type: `Vendor::Service::Type` is CloudFormation, anything else Terraform.
 */
export function template(
  resources: ResourceSpec[],
  options: { file?: string; parameters?: Record<string, string | number | boolean> } = {},
): Template {
  const doc: Rendered = { file: options.file ?? 'template.yaml', lines: [], parameters: new Map() };
  const params = Object.entries(options.parameters ?? {});
  if (params.length) {
    doc.lines.push('Parameters:');
    for (const [name, value] of params) {
      doc.lines.push(`  ${name}:`);
      const text = scalarText(value);
      doc.lines.push(`    Default: ${text}`);
      doc.parameters.set(name, { value, range: span(doc, doc.lines.length, 14, text.length) });
    }
  }
  doc.lines.push('Resources:');
  const built = resources.map((spec) => renderResource(spec, doc));
  const byAddress = new Map(built.map((r) => [r.address, r]));
  return {
    file: doc.file,
    text: doc.lines.join('\n'),
    resources: built,
    graph: new ResourceGraph(built),
    get(address) {
      const r = byAddress.get(address);
      if (!r) throw new Error(`no resource ${address}`);
      return r;
    },
  };
}

/** One resource alone in its template; its graph holds only it. */
export function resource(type: string, properties: Record<string, Plain> = {}, address = 'Subject'): Resource {
  return template([{ address, type, properties }]).resources[0];
}

function renderResource(spec: ResourceSpec, doc: Rendered): Resource {
  doc.lines.push(`  ${spec.address}:`);
  const range = span(doc, doc.lines.length, 3, spec.address.length);
  doc.lines.push(`    Type: ${spec.type}`);
  const props = spec.properties ?? {};
  let attributes: Value;
  if (Object.keys(props).length === 0) {
    doc.lines.push('    Properties: {}');
    attributes = emptyMap(span(doc, doc.lines.length, 17, 2));
  } else {
    doc.lines.push('    Properties:');
    attributes = renderMap(props, 6, ' '.repeat(6), doc);
  }
  const family: CheckFamily = spec.type.includes('::') ? 'cloudformation' : 'terraform';
  return {
    key: `${doc.file}#${spec.address}`,
    address: spec.address,
    type: spec.type,
    format: family,
    family,
    file: doc.file,
    attributes: attributes as Resource['attributes'],
    range,
  };
}

/** Renders map entries from the next line on; the first line starts with `firstPrefix` (`- ` for list items). */
function renderMap(obj: Record<string, Plain>, indent: number, firstPrefix: string, doc: Rendered): Value {
  const entries = new Map<string, Value>();
  const keyRanges = new Map<string, Range>();
  let first = true;
  for (const [key, value] of Object.entries(obj)) {
    const prefix = first ? firstPrefix : ' '.repeat(indent);
    first = false;
    const keyRange = { line: doc.lines.length + 1, column: prefix.length + 1 };
    keyRanges.set(key, span(doc, keyRange.line, keyRange.column, key.length));
    entries.set(key, renderEntryValue(`${prefix}${key}:`, value, indent, doc));
  }
  const firstKey = keyRanges.values().next().value as Range;
  return { kind: 'map', entries, keyRanges, range: { file: doc.file, start: firstKey.start, end: lastEnd(doc) } };
}

/** Writes `head value` for a scalar, or `head` and the collection on the following lines. */
function renderEntryValue(head: string, value: Plain, indent: number, doc: Rendered): Value {
  if (Array.isArray(value) && value.length === 0) return { kind: 'list', items: [], range: inline(`${head} []`, head.length + 2, doc) };
  if (isObject(value) && Object.keys(value).length === 0) return emptyMap(inline(`${head} {}`, head.length + 2, doc));
  if (Array.isArray(value)) {
    doc.lines.push(head);
    return renderList(value, indent + 2, doc);
  }
  if (isObject(value)) {
    doc.lines.push(head);
    return renderMap(value, indent + 2, ' '.repeat(indent + 2), doc);
  }
  const text = isMarker(value) ? value.text : scalarText(value);
  doc.lines.push(`${head} ${text}`);
  const range = span(doc, doc.lines.length, head.length + 2, text.length);
  return isMarker(value) ? value.build(range, doc) : { kind: 'literal', value, range };
}

function renderList(items: Plain[], indent: number, doc: Rendered): Value {
  const pad = ' '.repeat(indent);
  const values = items.map((item): Value => {
    if (isObject(item) && Object.keys(item).length > 0) return renderMap(item, indent + 2, `${pad}- `, doc);
    return renderEntryValue(`${pad}-`, item, indent, doc);
  });
  const start = values[0].range.start;
  return { kind: 'list', items: values, range: { file: doc.file, start, end: lastEnd(doc) } };
}

/** Writes a line ending in `[]` or `{}` and returns the range of those two characters. */
function inline(line: string, column: number, doc: Rendered): Range {
  doc.lines.push(line);
  return span(doc, doc.lines.length, column, 2);
}

function emptyMap(range: Range): Value {
  return { kind: 'map', entries: new Map(), keyRanges: new Map(), range };
}

function isObject(x: Plain): x is { [key: string]: Plain } {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !isMarker(x);
}

function scalarText(x: string | number | boolean | null): string {
  if (typeof x !== 'string') return String(x);
  return /^[A-Za-z_/][\w\-./]*$/.test(x) && !/^(true|false|null|yes|no|on|off)$/i.test(x) ? x : JSON.stringify(x);
}

function span(doc: Rendered, line: number, column: number, length: number): Range {
  return { file: doc.file, start: { line, column }, end: { line, column: column + length } };
}

function lastEnd(doc: Rendered): Range['end'] {
  return { line: doc.lines.length, column: doc.lines[doc.lines.length - 1].length + 1 };
}

/** The text a range covers in the template, for asserting where a finding points. */
export function textAt(t: Template, range: Range): string {
  const lines = t.text.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line - 1].slice(range.start.column - 1, range.end.column - 1);
  const first = lines[range.start.line - 1].slice(range.start.column - 1);
  const middle = lines.slice(range.start.line, range.end.line - 1);
  const last = lines[range.end.line - 1].slice(0, range.end.column - 1);
  return [first, ...middle, last].join('\n');
}
