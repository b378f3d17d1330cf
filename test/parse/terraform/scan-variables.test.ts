import { describe, expect, it } from 'vitest';
import { loadVariables, parseVarFlag } from '../../../src/config';
import { parseCliArgs } from '../../../src/cli/args';
import { ConfigError, scan, type ScanOptions } from '../../../src/scan';
import { makeTree } from '../../discover/tree';
import { tf } from './helpers';

const RULE = `id: test-retention
title: Logs are kept a year
description: Log groups keep their logs long enough.
severity: low
owner: customer
controls: { iso27001: [A.8.15], iso27017: ["12.4.1"] }
remediation: { terraform: Set retention_in_days. }
references: [https://example.com]
check:
  terraform:
    resource: aws_cloudwatch_log_group
    assert: { path: retention_in_days, gte: 365 }
`;

const MAIN = tf('variable "days" {', '  type = number', '}', 'resource "aws_cloudwatch_log_group" "logs" {', '  retention_in_days = var.days', '}');

function project(files: Record<string, string> = {}): string {
  return makeTree({
    'main.tf': MAIN,
    'rules/retention.yaml': RULE,
    '.iac-scan.yml': 'packs: [rules]\nrules: { include: { ids: [test-retention] } }\n',
    ...files,
  });
}

async function messages(root: string, options: Partial<ScanOptions> = {}): Promise<string[]> {
  const { result } = await scan({ paths: ['.'], cwd: root, ...options });
  return result.findings.map((f) => f.message);
}

describe('Terraform variables given to the scan', () => {
  it('--var, --var-file, the config and TF_VAR_ reach the root module, in precedence order', async () => {
    const root = project({ 'env/short.tfvars': 'days = 7\n' });
    expect(await messages(root)).toEqual([]);
    expect(await messages(root, { environment: { TF_VAR_days: '30' } })).toEqual(['retention_in_days is 30; expected at least 365']);
    expect(await messages(root, { environment: { TF_VAR_days: '30' }, varFiles: ['env/short.tfvars'] })).toEqual([
      'retention_in_days is 7; expected at least 365',
    ]);
    expect(await messages(root, { varFiles: ['env/short.tfvars'], vars: ['days=400'] })).toEqual([]);
  });

  it('the config file has variables and var-files', async () => {
    const root = project({
      'env/short.tfvars': 'days = 7\n',
      '.iac-scan.yml': 'packs: [rules]\nrules: { include: { ids: [test-retention] } }\nvariables: { days: 14 }\nvar-files: [env/short.tfvars]\n',
    });
    expect(await messages(root)).toEqual(['retention_in_days is 7; expected at least 365']);
  });

  it('a missing var file or a malformed --var stops the scan', async () => {
    await expect(scan({ paths: ['.'], cwd: project(), varFiles: ['nope.tfvars'] })).rejects.toBeInstanceOf(ConfigError);
    await expect(scan({ paths: ['.'], cwd: project(), vars: ['no-equals'] })).rejects.toThrow(/--var "no-equals" is not NAME=VALUE/);
  });

  it('the command line takes --var and --var-file, repeatable', () => {
    const args = parseCliArgs(['--var', 'a=1', '--var', 'b=x=y', '--var-file', 'prod.tfvars', 'infra']);
    expect([args.vars, args.varFiles, args.paths]).toEqual([['a=1', 'b=x=y'], ['prod.tfvars'], ['infra']]);
  });

  it('reads TF_VAR_ names only, and keeps the order of its sources', () => {
    const { variables, notices } = loadVariables({ config: { a: 1 }, files: [], flags: ['b=2'], environment: { TF_VAR_c: '3', PATH: '/bin', 'TF_VAR_bad name': 'x' } }, '/');
    expect(notices).toEqual([]);
    expect(variables.layers).toEqual([
      { kind: 'value', name: 'a', value: '1', from: 'config' },
      { kind: 'value', name: 'b', value: '2', from: '--var' },
    ]);
    expect([...variables.environment]).toEqual([['c', '3']]);
    expect(parseVarFlag('=x')).toHaveProperty('error');
  });
});
