import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../../../src/graph/graph';
import { evaluateRules } from '../../../src/rules';
import { filterMatches } from '../../../src/rules/builtins/ecr-registry-scan-on-push';
import { loadRule, ruleTester } from '../rule-tester';
import { template, unknown } from '../../helpers/resources';

const check = {
  check: {
    terraform: { resource: 'aws_ecr_repository', assert: { builtin: 'ecr.registryScanOnPush' } },
    cloudformation: { resource: 'AWS::ECR::Repository', assert: { builtin: 'ecr.registryScanOnPush' } },
  },
};
const repository = (name: unknown) => ({ type: 'aws_ecr_repository', properties: { name: name as never } });
const rule = (frequency: unknown, ...filters: unknown[]) => ({ scan_frequency: frequency, repository_filter: filters.map((filter) => ({ filter, filter_type: 'WILDCARD' })) });
const registry = (...rules: unknown[]) => ({ address: 'registry', type: 'aws_ecr_registry_scanning_configuration', properties: { scan_type: 'ENHANCED', rule: rules as never } });

ruleTester('ecr.registryScanOnPush', check, {
  valid: [
    { name: 'a scan-on-push rule for every repository', resource: repository('api'), others: [registry(rule('SCAN_ON_PUSH', '*'))] },
    { name: 'continuous scanning scans on push too', resource: repository('api'), others: [registry(rule('CONTINUOUS_SCAN', 'api'))] },
    { name: 'a filter without a wildcard matches a name containing it', resource: repository('team-payments-ledger'), others: [registry(rule('SCAN_ON_PUSH', 'payments'))] },
    { name: 'a wildcard filter matching the whole name', resource: repository('prod-api'), others: [registry(rule('SCAN_ON_PUSH', 'prod-*'))] },
    { name: 'the second filter of a rule', resource: repository('billing'), others: [registry(rule('SCAN_ON_PUSH', 'prod-*', 'bill*'))] },
    { name: 'a later rule', resource: repository('billing'), others: [registry(rule('MANUAL', '*'), rule('SCAN_ON_PUSH', 'billing'))] },
    { name: 'a name known only at apply, and a filter for every name', resource: repository(unknown('var.name')), others: [registry(rule('SCAN_ON_PUSH', '*'))] },
    { name: 'a name known only at apply might match', resource: repository(unknown('var.name')), others: [registry(rule('SCAN_ON_PUSH', 'prod-*'))] },
    { name: 'a frequency known only at apply', resource: repository('api'), others: [registry(rule(unknown('var.frequency'), '*'))] },
    { name: 'a filter known only at apply', resource: repository('api'), others: [registry(rule('SCAN_ON_PUSH', unknown('var.filter')))] },
    { name: 'rules known only at apply', resource: repository('api'), others: [{ address: 'registry', type: 'aws_ecr_registry_scanning_configuration', properties: { scan_type: 'BASIC', rule: unknown('var.rules') } }] },
  ],
  invalid: [
    {
      name: 'no registry configuration: at the repository',
      resource: repository('api'),
      errors: [{ path: '', at: 'Subject', message: 'no aws_ecr_registry_scanning_configuration in the configuration scans api on push' }],
    },
    { name: 'a manual rule only', resource: repository('api'), others: [registry(rule('MANUAL', '*'))], errors: [''] },
    { name: 'a filter that does not match', resource: repository('staging-prod-api'), others: [registry(rule('SCAN_ON_PUSH', 'prod-*'))], errors: [''] },
    { name: 'a configuration without rules', resource: repository('api'), others: [{ address: 'registry', type: 'aws_ecr_registry_scanning_configuration', properties: { scan_type: 'BASIC' } }], errors: [''] },
  ],
});

ruleTester('ecr.registryScanOnPush in CloudFormation', check, {
  valid: [
    {
      name: 'RepositoryFilters of a Rules entry',
      resource: { type: 'AWS::ECR::Repository', properties: { RepositoryName: 'prod-api' } },
      others: [{ address: 'Scanning', type: 'AWS::ECR::RegistryScanningConfiguration', properties: { ScanType: 'BASIC', Rules: [{ ScanFrequency: 'SCAN_ON_PUSH', RepositoryFilters: [{ Filter: 'prod', FilterType: 'WILDCARD' }] }] } }],
    },
    {
      name: 'a generated name might match',
      resource: { type: 'AWS::ECR::Repository', properties: {} },
      others: [{ address: 'Scanning', type: 'AWS::ECR::RegistryScanningConfiguration', properties: { ScanType: 'BASIC', Rules: [{ ScanFrequency: 'SCAN_ON_PUSH', RepositoryFilters: [{ Filter: 'prod', FilterType: 'WILDCARD' }] }] } }],
    },
  ],
  invalid: [
    {
      name: 'a Terraform configuration does not cover a CloudFormation repository',
      resource: { type: 'AWS::ECR::Repository', properties: { RepositoryName: 'api' } },
      others: [registry(rule('SCAN_ON_PUSH', '*'))],
      errors: [{ path: '', message: 'no AWS::ECR::RegistryScanningConfiguration' }],
    },
  ],
});

describe('ecr.registryScanOnPush across deployment units', () => {
  it('a registry configuration in another configuration does not cover the repository', () => {
    const loaded = loadRule(check);
    const platform = template([registry(rule('SCAN_ON_PUSH', '*'))], { file: 'platform/main.tf' });
    const app = template([{ address: 'api', ...repository('api') }], { file: 'app/main.tf' });
    const findings = evaluateRules([loaded], new ResourceGraph([...platform.resources, ...app.resources]), { strict: false });
    expect(findings.map((f) => `${f.resource.file} ${f.resource.address}`)).toEqual(['app/main.tf api']);
  });
});

describe('ECR scanning filters', () => {
  // The examples of the ECR user guide ("Filters to choose which repositories are scanned").
  it.each([
    ['prod', 'prod', true],
    ['prod', 'repo-prod', true],
    ['prod', 'prod-repo', true],
    ['prod', 'repo-prod-repo', true],
    ['prod', 'prodrepo', true],
    ['*prod', 'prod', true],
    ['*prod', 'repo-prod', true],
    ['*prod', 'prod-repo', false],
    ['*prod', 'repo-prod-repo', false],
    ['prod*', 'prod', true],
    ['prod*', 'repo-prod', false],
    ['prod*', 'prod-repo', true],
    ['prod*', 'prodrepo', true],
    ['*prod*', 'repo-prod-repo', true],
    ['prod*repo', 'prod-repo', true],
    ['prod*repo', 'prodrepo', true],
    ['prod*repo', 'repo-prod-repo', false],
    ['prod*repo', 'prod', false],
    ['team.a*', 'teamxa-api', false],
    ['*', 'anything', true],
  ])('%s against %s: %s', (filter, name, expected) => {
    expect(filterMatches(filter, name)).toBe(expected);
  });

  it('matches an unknown name only with a filter of wildcards', () => {
    expect(filterMatches('*', undefined)).toBe(true);
    expect(filterMatches('**', undefined)).toBe(true);
    expect(filterMatches('prod*', undefined)).toBeUndefined();
  });
});
