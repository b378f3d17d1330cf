import type { ErrorObject } from 'ajv';
import type { Notice } from '../../model';
import { dotted, keyNodeAt, nodeAt, rangeOf, type RuleDocument } from './yaml-nodes';

type Segment = string | number;

/**
 * Turns ajv's errors into notices at the offending node: `check.cloudformation.assert: unknown
 * key "equal"; expected one of equals, notEquals, ... Fix the rule file.` Errors explained by a
 * broader one (the branches of a `oneOf`) and the bookkeeping of `if` are left out.
 */
export function schemaNotices(errors: ErrorObject[], data: unknown, rd: RuleDocument): Notice[] {
  const notices: Notice[] = [];
  const seen = new Set<string>();
  for (const error of relevant(errors)) {
    const segments = pointerSegments(error.instancePath, data);
    const { problem, node } = describe(error, segments, rd);
    const where = dotted(segments);
    const message = `${where ? `${where}: ` : ''}${problem}. Fix the rule file.`;
    const range = rangeOf(rd, node);
    const id = `${range.start.line}:${range.start.column}:${message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    notices.push({ level: 'error', code: 'rule-invalid', message, file: rd.file, range });
  }
  return notices.sort((a, b) => a.range!.start.line - b.range!.start.line || a.range!.start.column - b.range!.start.column);
}

/**
 * The errors worth showing. Left out: `if` bookkeeping; the branches of a `oneOf` (the `oneOf`
 * explains them); a second error of one keyword at one place (a text where a condition belongs
 * fails two schemas); and, next to an unknown key, the "missing" and "one of" errors of the same
 * map, since the unknown key is almost always the misspelt one. Missing keys of one map are
 * reported together.
 */
function relevant(errors: ErrorObject[]): ErrorObject[] {
  const branchPrefixes = errors.filter((e) => e.keyword === 'oneOf').map((e) => `${e.instancePath}#${e.schemaPath}/`);
  const withUnknownKey = new Set(errors.filter((e) => e.keyword === 'additionalProperties').map((e) => e.instancePath));
  const kept: ErrorObject[] = [];
  const byPlace = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (error.keyword === 'if' || error.keyword === 'propertyNames') continue;
    if (branchPrefixes.some((p) => `${error.instancePath}#${error.schemaPath}`.startsWith(p))) continue;
    if ((error.keyword === 'oneOf' || error.keyword === 'required') && withUnknownKey.has(error.instancePath)) continue;
    const place = `${error.instancePath}#${error.keyword}`;
    const first = byPlace.get(place);
    if (first && error.keyword === 'required') {
      (first.params as { missingProperty: string }).missingProperty += `", "${(error.params as { missingProperty: string }).missingProperty}`;
      continue;
    }
    if (first && error.keyword !== 'additionalProperties') continue;
    byPlace.set(place, error);
    kept.push(error);
  }
  return kept;
}

function describe(error: ErrorObject, segments: Segment[], rd: RuleDocument): { problem: string; node: ReturnType<typeof nodeAt>['node'] } {
  const located = nodeAt(rd, segments);
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as { errorMessage?: string; properties?: Record<string, unknown>; required?: string[] };
  const custom = parent.errorMessage;
  const at = located.node;
  if (error.propertyName !== undefined) {
    return { problem: `invalid key "${error.propertyName}"; expected lowercase words joined by dashes`, node: keyNodeAt(rd, segments, error.propertyName) ?? at };
  }
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const present = new Set(Object.keys((error.data ?? {}) as object));
      const allowed = Object.keys(parent.properties ?? {}).filter((k) => !present.has(k));
      // A map that lacks its defining key (a condition without a kind) gets the schema's own hint, not every key there is.
      const lacksDefiningKey = (parent.required ?? []).some((k) => !present.has(k));
      const expected = custom && lacksDefiningKey ? `; ${custom}` : allowed.length ? `; expected one of ${allowed.join(', ')}` : '';
      return { problem: `unknown key "${name}"${expected}`, node: keyNodeAt(rd, segments, name) ?? at };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      return { problem: custom ?? `missing key${missing.includes('"') ? 's' : ''} "${missing}"`, node: located.key ?? at };
    }
    case 'enum':
      return { problem: `${show(error.data)} is not one of ${(params.allowedValues as unknown[]).join(', ')}`, node: at };
    case 'type':
      return { problem: custom ?? `expected ${typeNames(String(params.type))}, found ${typeName(error.data)}`, node: at };
    case 'pattern':
      return { problem: `${show(error.data)}: ${custom ?? `expected text matching ${String(params.pattern)}`}`, node: at };
    case 'oneOf':
    case 'anyOf':
      return { problem: custom ?? 'matches none of the allowed forms', node: located.key ?? at };
    case 'minProperties':
      return { problem: `expected at least one of ${Object.keys(parent.properties ?? {}).join(', ')}`, node: located.key ?? at };
    case 'maxProperties':
      return { problem: 'expected no keys here', node: located.key ?? at };
    case 'minItems':
      return { problem: `expected at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`, node: located.key ?? at };
    case 'minLength':
      return { problem: 'expected a non-empty text', node: at };
    case 'uniqueItems':
      return { problem: `duplicate item ${show((error.data as unknown[])[Number(params.j)])}`, node: at };
    default:
      return { problem: custom ?? error.message ?? `invalid (${error.keyword})`, node: at };
  }
}

/** `/check/cloudformation/0/assert` → ['check', 'cloudformation', 0, 'assert'], indexes as numbers. */
function pointerSegments(pointer: string, data: unknown): Segment[] {
  const segments: Segment[] = [];
  let current = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(current)) {
      segments.push(Number(key));
      current = current[Number(key)];
    } else {
      segments.push(key);
      current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
    }
  }
  return segments;
}

function show(x: unknown): string {
  return typeof x === 'string' ? `"${x}"` : JSON.stringify(x);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'null',
  object: 'a map',
  array: 'a list',
};

function typeNames(list: string): string {
  return list.split(',').map((t) => TYPE_NAMES[t] ?? t).join(' or ');
}

function typeName(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'a list';
  return TYPE_NAMES[typeof x === 'object' ? 'object' : typeof x] ?? typeof x;
}
