import { DEFAULT_LIMITS, type ParseLimits, type ParseResult } from '../../../src/parse/format';
import { terraformPlanParser } from '../../../src/parse/tfplan';
import type { ConfigPlaces } from '../../../src/parse/tfplan/places';
import { Workspace } from '../../../src/parse/workspace';

export { plain, prop, resource, span } from '../cloudformation/helpers';

/** A mapping that finds no `.tf` file: every place stays in the plan. */
export const NO_PLACES: ConfigPlaces = { resource: () => undefined, moduleCall: () => undefined };

export interface PlanOpts {
  /** Absolute scan root (default `/scan`, which need not exist when no `.tf` file is read). */
  root?: string;
  places?: ConfigPlaces;
  limits?: Partial<ParseLimits>;
}

/** Parses plans given as `rel → text` the way the pipeline does: each claimed first, then all parsed together. */
export function parsePlans(files: Record<string, string>, opts: PlanOpts = {}): ParseResult {
  const root = opts.root ?? '/scan';
  const parser = terraformPlanParser(() => opts.places ?? NO_PLACES);
  const sources = Object.entries(files).map(([rel, text]) => {
    if (parser.claims(rel, text) !== 'json') throw new Error(`${rel} is not claimed as a plan`);
    return { path: `${root}/${rel}`, rel, text, format: 'terraform-plan' as const, syntax: 'json' as const };
  });
  return parser.parse(sources, { root, parameters: new Map(), limits: { ...DEFAULT_LIMITS, ...opts.limits }, workspace: new Workspace(root, 10 << 20) });
}

export function parsePlan(text: string, opts: PlanOpts = {}): ParseResult {
  return parsePlans({ 'plan.json': text }, opts);
}

/** A plan document around the given sections, written as `terraform show -json` lays it out (indented). */
export function planJson(sections: { root?: object; changes?: object[]; configuration?: object; [other: string]: unknown }): string {
  const { root, changes, configuration, ...other } = sections;
  const plan: Record<string, unknown> = {
    format_version: '1.2',
    terraform_version: '1.9.0',
    planned_values: { root_module: root ?? {} },
    resource_changes: changes ?? [],
    ...other,
  };
  if (configuration) plan.configuration = { root_module: configuration };
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** A managed resource of `planned_values`, its mode, type and name taken from a root-module address. */
export function planned(address: string, values: object, extra: object = {}): object {
  const [type, name] = address.replace(/\[.*\]$/, '').split('.').slice(-2);
  return { address, mode: 'managed', type, name, provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values, sensitive_values: {}, ...extra };
}

/** A `resource_changes` entry that creates `address`. */
export function creates(address: string, change: object = {}): object {
  return { address, mode: 'managed', change: { actions: ['create'], before: null, after_unknown: {}, ...change } };
}

/**
 * `line:column-line:column` of a one-line `needle` in `text` (the first one after `after`, when
 * given), worked out apart from the parser, to compare with `span()` of a range.
 */
export function spanOf(text: string, needle: string, after?: string): string {
  const from = after === undefined ? 0 : text.indexOf(after);
  const at = from === -1 ? -1 : text.indexOf(needle, from + (after?.length ?? 0));
  if (at === -1) throw new Error(`no "${needle}"${after ? ` after "${after}"` : ''}`);
  const before = text.slice(0, at).split('\n');
  const line = before.length;
  const column = before[line - 1].length + 1;
  return `${line}:${column}-${line}:${column + needle.length}`;
}

/** A resource of the `configuration` section: its module-relative address and its expressions. */
export function configured(address: string, expressions: object): object {
  const parts = address.split('.');
  const data = parts[0] === 'data';
  return { address, mode: data ? 'data' : 'managed', type: parts[data ? 1 : 0], name: parts[data ? 2 : 1], expressions };
}

/** An expression representation that references the given traversals, as Terraform lists them. */
export function refs(...references: string[]): object {
  return { references };
}
