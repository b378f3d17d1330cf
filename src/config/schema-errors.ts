import type { ErrorObject } from 'ajv';
import type { Notice } from '../model';
import { closest } from './closest';
import { dotted, keyAt, nodeAt, ownKeyAt, rangeOf, type Segment, type YamlFile } from './yaml-file';

interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
}

/**
 * Turns ajv's errors into notices at the offending YAML node. What was expected comes from the
 * schema's own `description`, the same text editors show, so the schema stays the one source.
 */
export function schemaNotices(errors: readonly ErrorObject[], file: YamlFile, data: unknown, code: string): Notice[] {
  const seen = new Set<string>();
  const notices: Notice[] = [];
  for (const error of errors) {
    // propertyNames reports once for the map and once, with the name, for the key: keep the latter.
    if (error.keyword === 'propertyNames') continue;
    const segments = pointerSegments(error.instancePath, data);
    const { problem, node } = describe(error, segments, file);
    const where = dotted(segments);
    const message = `${where ? `${where}: ` : ''}${problem}.`;
    const range = rangeOf(file, node);
    const id = `${range.start.line}:${range.start.column}:${message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    notices.push({ level: 'error', code, file: file.rel, range, message });
  }
  return notices.sort((a, b) => a.range!.start.line - b.range!.start.line || a.range!.start.column - b.range!.start.column);
}

function describe(error: ErrorObject, segments: Segment[], file: YamlFile) {
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  const expected = parent.description ?? error.message ?? 'something else';
  const params = error.params as Record<string, unknown>;
  if (error.propertyName !== undefined) {
    return { problem: `the name "${error.propertyName}" is not valid; expected letters and digits only`, node: keyAt(file, segments, error.propertyName) };
  }
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const allowed = Object.keys(parent.properties ?? {});
      const guess = closest(name, allowed);
      const hint = guess ? `did you mean "${guess}"? ` : '';
      return { problem: `unknown key "${name}"; ${hint}expected one of ${allowed.join(', ')}`, node: keyAt(file, segments, name) };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const wanted = parent.properties?.[missing]?.description;
      return { problem: `"${missing}" is missing${wanted ? `; add it: ${wanted}` : ''}`, node: ownKeyAt(file, segments) ?? nodeAt(file, segments) };
    }
    case 'minItems':
      return { problem: `the list is empty; expected ${expected}`, node: nodeAt(file, segments) };
    default:
      return { problem: `${show(error.data)} is not valid; expected ${expected}`, node: nodeAt(file, segments) };
  }
}

/** `/ignore/0/reason` → ['ignore', 0, 'reason'], list indexes as numbers. */
function pointerSegments(pointer: string, data: unknown): Segment[] {
  const segments: Segment[] = [];
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    const segment = Array.isArray(data) ? Number(key) : key;
    segments.push(segment);
    data = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[segment] : undefined;
  }
  return segments;
}

function show(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return JSON.stringify(value);
}
