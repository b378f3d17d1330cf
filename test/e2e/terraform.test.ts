import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Log, Result } from 'sarif';
import { runCli, tree } from './run-cli';

const SG_MODULE = [
  'variable "cidr" {',
  '  type = string',
  '}',
  '',
  'resource "aws_security_group_rule" "ssh" {',
  '  type              = "ingress"',
  '  protocol          = "tcp"',
  '  from_port         = 22',
  '  to_port           = 22',
  '  cidr_blocks       = [var.cidr]', // 10
  '  security_group_id = "sg-123"',
  '}',
  '',
].join('\n');

const TWO_CALLS = [
  'module "public_bastion" {', // 1
  '  source = "./modules/sg"',
  '  cidr   = "0.0.0.0/0"', // 3
  '}',
  '',
  'module "private_bastion" {',
  '  source = "./modules/sg"',
  '  cidr   = "10.0.0.0/8"',
  '}',
  '',
].join('\n');

const place = (r: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }) =>
  `${r.physicalLocation?.artifactLocation?.uri}:${r.physicalLocation?.region?.startLine}`;

describe('Terraform through the CLI (built bundle)', () => {
  it('reports only the open instance of a module called twice, at the module line, with its full address and the call', () => {
    const dir = tree({ 'main.tf': TWO_CALLS, 'modules/sg/main.tf': SG_MODULE });
    const run = runCli(['.', '-f', 'sarif=out.sarif', '--fail-on', 'high'], dir);
    expect(run.status, run.stderr).toBe(1);
    const log = JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8')) as Log;
    const results = log.runs[0].results as Result[];
    expect(results.map((r) => r.ruleId)).toEqual(['aws-ec2-sg-open-admin-ports']);
    const [open] = results;
    expect(place(open.locations![0])).toBe('modules/sg/main.tf:10');
    expect(open.locations![0].logicalLocations?.[0].fullyQualifiedName).toBe('module.public_bastion.aws_security_group_rule.ssh');
    expect(open.relatedLocations?.map((r) => `${place(r)} ${r.message?.text}`)).toEqual([
      'main.tf:3 value comes from here',
      'main.tf:1 module.public_bastion.aws_security_group_rule.ssh is made through this module call',
    ]);
  });

  it('is quiet when the open value is overridden by terraform.tfvars, and reports it when a --var opens it again', () => {
    const root = [
      'variable "cidr" {',
      '  default = "0.0.0.0/0"',
      '}',
      'module "bastion" {',
      '  source = "./modules/sg"',
      '  cidr   = var.cidr',
      '}',
      '',
    ].join('\n');
    const dir = tree({ 'main.tf': root, 'terraform.tfvars': 'cidr = "10.1.0.0/16"\n', 'modules/sg/main.tf': SG_MODULE });
    const quiet = runCli(['.', '--format', 'json'], dir);
    expect(quiet.status, quiet.stdout + quiet.stderr).toBe(0);
    const loud = runCli(['.', '--format', 'json', '--var', 'cidr=::/0'], dir);
    expect(loud.status).toBe(1);
    const report = JSON.parse(loud.stdout);
    expect(report.findings.map((f: { address: string; file: string; range: { start: { line: number } } }) => `${f.address} ${f.file}:${f.range.start.line}`)).toEqual([
      'module.bastion.aws_security_group_rule.ssh modules/sg/main.tf:10',
    ]);
  });
});
