import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Notice, Range, Resource, SourceFile, Value } from '../../../src/model';
import { DEFAULT_LIMITS, type ParseResult, type VariableLayer } from '../../../src/parse/format';
import { terraform } from '../../../src/parse/terraform';
import { Workspace } from '../../../src/parse/workspace';
import { makeTree } from '../../discover/tree';

export { plain, span } from '../cloudformation/helpers';

export interface ScanOpts {
  /** Which files discovery hands over (relative paths); default: every .tf and .tf.json file. */
  only?: string[];
  layers?: VariableLayer[];
  environment?: Record<string, string>;
}

export interface Scanned extends ParseResult {
  root: string;
  /** The resource with this address (in any root module). */
  get(address: string, unit?: string): Resource;
  addresses(): string[];
  /** Notices as `code file:line:column message`, for readable assertions. */
  noticeLines(): string[];
  /** The source text a range covers. */
  textAt(range: Range): string;
}

/** Writes the files to a fresh folder (the scan root) and parses them as the pipeline would. */
export function scanTree(files: Record<string, string>, opts: ScanOpts = {}): Scanned {
  const root = makeTree(files);
  const rels = opts.only ?? Object.keys(files).filter((rel) => terraform.claims(rel, files[rel]) !== undefined).sort();
  const sources: SourceFile[] = rels.map((rel) => ({
    path: path.join(root, rel),
    rel,
    text: files[rel],
    format: 'terraform',
    syntax: terraform.claims(rel, files[rel]) ?? 'hcl',
  }));
  const result = terraform.parse(sources, {
    root,
    parameters: new Map(),
    limits: DEFAULT_LIMITS,
    workspace: new Workspace(root, 10 << 20),
    variables: { layers: opts.layers ?? [], environment: new Map(Object.entries(opts.environment ?? {})) },
  });
  return {
    ...result,
    root,
    get(address, unit) {
      const found = result.resources.find((r) => r.address === address && (unit === undefined || r.unit === unit));
      if (!found) throw new Error(`no resource ${address}; have ${result.resources.map((r) => `${r.unit}#${r.address}`).join(', ')}`);
      return found;
    },
    addresses: () => result.resources.map((r) => r.address),
    noticeLines: () => result.notices.map(noticeLine),
    textAt(range) {
      const lines = readFileSync(path.join(root, range.file), 'utf8').split('\n');
      if (range.start.line === range.end.line) return lines[range.start.line - 1].slice(range.start.column - 1, range.end.column - 1);
      const first = lines[range.start.line - 1].slice(range.start.column - 1);
      const middle = lines.slice(range.start.line, range.end.line - 1);
      const last = lines[range.end.line - 1].slice(0, range.end.column - 1);
      return [first, ...middle, last].join('\n');
    },
  };
}

function noticeLine(n: Notice): string {
  const at = n.range ? `${n.range.file}:${n.range.start.line}:${n.range.start.column}` : (n.file ?? '');
  return `${n.code} ${at} ${n.message}`;
}

/** The value at a dotted path (`ingress.0.cidr_blocks.1`) of a resource's attributes. */
export function attr(resource: Resource, dotted: string): Value | undefined {
  let value: Value | undefined = resource.attributes;
  for (const step of dotted.split('.')) {
    if (value?.kind === 'map') value = value.entries.get(step);
    else if (value?.kind === 'list') value = value.items[Number(step)];
    else return undefined;
  }
  return value;
}

/** Terraform source from lines, so inline configurations keep their indentation readable. */
export const tf = (...lines: string[]): string => `${lines.join('\n')}\n`;
