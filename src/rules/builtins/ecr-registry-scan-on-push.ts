import type { CheckFamily, Value } from '../../model';
import { fail, pass, unknown } from '../eval/outcome';
import type { Builtin } from './types';

/** Where each family keeps the registry's scanning rules and the repository's name. */
const FIELDS: Record<CheckFamily, { type: string; rules: string; frequency: string; filters: string; filter: string; name: string }> = {
  cloudformation: {
    type: 'AWS::ECR::RegistryScanningConfiguration',
    rules: 'Rules',
    frequency: 'ScanFrequency',
    filters: 'RepositoryFilters',
    filter: 'Filter',
    name: 'RepositoryName',
  },
  terraform: {
    type: 'aws_ecr_registry_scanning_configuration',
    rules: 'rule',
    frequency: 'scan_frequency',
    filters: 'repository_filter',
    filter: 'filter',
    name: 'name',
  },
};

/** Frequencies that scan an image when it is pushed; continuous scanning (enhanced) does too. */
const ON_PUSH = new Set(['SCAN_ON_PUSH', 'CONTINUOUS_SCAN']);

/**
 * ecr.registryScanOnPush: the registry's scanning configuration scans this repository on push.
 *
 * Input: none; the checked repository gives its name (`RepositoryName`, Terraform `name`) and
 * its deployment unit.
 * Args: none.
 *
 * Passes when a registry scanning configuration (AWS::ECR::RegistryScanningConfiguration,
 * aws_ecr_registry_scanning_configuration) in the same deployment unit has a rule with scan
 * frequency SCAN_ON_PUSH or CONTINUOUS_SCAN and a repository filter that matches the name, as
 * ECR matches them: a filter with `*` matches the whole name with `*` standing for any
 * characters, a filter without one matches every name that contains it. Unknown when such a rule
 * has an unknown frequency or filter, or when the name is unknown (CloudFormation generates one
 * when RepositoryName is left out) and only a filter other than `*` could match it. Fails at the
 * repository's first line otherwise; use it as the last part of an `any`, after the
 * repository's own setting.
 */
export const registryScanOnPush: Builtin = ({ resource, graph }) => {
  const fields = FIELDS[resource.family];
  const name = repositoryName(resource.attributes.entries.get(fields.name));
  let unsure: string | undefined;
  for (const config of graph.ofTypeBeside(fields.type, resource)) {
    for (const rule of items(config.attributes.entries.get(fields.rules))) {
      if (rule.kind === 'unknown') {
        unsure ??= `${config.address} has an unknown scanning rule`;
        continue;
      }
      if (rule.kind !== 'map') continue;
      const frequency = rule.entries.get(fields.frequency);
      if (frequency?.kind === 'unknown') {
        unsure ??= `${config.address} ${fields.frequency} is unknown`;
        continue;
      }
      if (frequency?.kind !== 'literal' || !ON_PUSH.has(String(frequency.value))) continue;
      for (const filter of items(rule.entries.get(fields.filters))) {
        const text = filter.kind === 'map' ? filter.entries.get(fields.filter) : filter;
        if (text?.kind === 'unknown') {
          unsure ??= `${config.address} has an unknown repository filter`;
          continue;
        }
        if (text?.kind !== 'literal' || typeof text.value !== 'string') continue;
        const verdict = filterMatches(text.value, name);
        if (verdict) return pass(config, text.range, '');
        if (verdict === undefined) unsure ??= `the repository name is unknown, and ${config.address} scans only repositories matching ${text.value}`;
      }
    }
  }
  if (unsure) return unknown(unsure);
  return fail({
    resource,
    at: resource.range,
    path: '',
    message: `no ${fields.type} in the configuration scans ${name === undefined ? 'this repository' : name} on push (a rule with scan frequency SCAN_ON_PUSH or CONTINUOUS_SCAN and a repository filter matching its name)`,
    related: [],
  });
};

/** The name, when written; undefined when left out or unknown. */
function repositoryName(value: Value | undefined): string | undefined {
  return value?.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined;
}

/** The items of a list, a single value as a list of one, nothing for absent. */
function items(value: Value | undefined): Value[] {
  if (value === undefined) return [];
  return value.kind === 'list' ? value.items : [value];
}

/**
 * Does an ECR scanning filter match a repository name? Without `*` the filter matches every name
 * that contains it; with `*` it matches the whole name, `*` standing for zero or more characters.
 * Undefined when the name is unknown and the filter is not all wildcards.
 */
export function filterMatches(filter: string, name: string | undefined): boolean | undefined {
  if (/^\*+$/.test(filter)) return true;
  if (name === undefined) return undefined;
  if (!filter.includes('*')) return name.includes(filter);
  const pattern = filter
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(name);
}
