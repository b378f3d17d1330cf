import { cloudformation } from '../../../src/parse/cloudformation';
import { DEFAULT_LIMITS, type ParseLimits, type ParseResult, type SuppliedParameter } from '../../../src/parse/format';
import type { Resource, Value } from '../../../src/model';
import { Workspace } from '../../../src/parse/workspace';

export interface ParseOpts {
  rel?: string;
  parameters?: Record<string, string>;
  limits?: Partial<ParseLimits>;
}

/** Parses one inline template the way the pipeline does: claimed first, then parsed. */
export function parseText(text: string, opts: ParseOpts = {}): ParseResult {
  const rel = opts.rel ?? 'stack/template.yaml';
  const syntax = text.trimStart().startsWith('{') ? 'json' : 'yaml';
  const parameters = new Map<string, SuppliedParameter>(
    Object.entries(opts.parameters ?? {}).map(([name, value]) => [name, { value, from: '--param' }]),
  );
  return cloudformation.parse([{ path: `/scan/${rel}`, rel, text, format: 'cloudformation', syntax }], {
    root: '/scan',
    parameters,
    limits: { ...DEFAULT_LIMITS, ...opts.limits },
    workspace: new Workspace('/scan', 10 << 20),
  });
}

export function resource(result: ParseResult, id: string): Resource {
  const found = result.resources.find((r) => r.address === id);
  if (!found) throw new Error(`no resource ${id}; have ${result.resources.map((r) => r.address).join(', ')}`);
  return found;
}

/** The value at a dotted property path (`A.B.0`) of a resource. */
export function prop(result: ParseResult, id: string, path: string): Value | undefined {
  let value: Value | undefined = resource(result, id).attributes;
  for (const step of path.split('.')) {
    if (value?.kind === 'map') value = value.entries.get(step);
    else if (value?.kind === 'list') value = value.items[Number(step)];
    else return undefined;
  }
  return value;
}

/**
 * A value as plain data for comparisons: literals as themselves, unknowns as `{ unknown: refs }`
 * (or `{ unknown: 'secret' }`), without ranges.
 */
export function plain(value: Value | undefined): unknown {
  if (!value) return undefined;
  switch (value.kind) {
    case 'literal':
      return value.value;
    case 'list':
      return value.items.map(plain);
    case 'map':
      return Object.fromEntries([...value.entries].map(([k, v]) => [k, plain(v)]));
    case 'unknown':
      return { unknown: value.secret ? 'secret' : (value.refs ?? []).map((r) => (r.attr ? `${r.key}.${r.attr}` : r.key)) };
  }
}

/** `line:column-line:column` of a range, for compact position assertions. */
export function span(range: { start: { line: number; column: number }; end: { line: number; column: number } } | undefined): string {
  return range ? `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}` : 'none';
}

/** Template text from lines, so inline templates keep their indentation readable. */
export const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;
