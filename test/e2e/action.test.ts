import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import { ACTION, runNode, tree } from './run-cli';

const OPEN_SSH = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Bastion:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: bastion
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
`;

const QUIET = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: alias/app-events
`;

const BROKEN = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Bucket: {Type: AWS::S3::Bucket, Properties: [
`;

/**
 * Runs dist/action.js as a runner does: the step's inputs as INPUT_* variables (upper-cased,
 * hyphens kept), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, the workspace as cwd.
 */
function runAction(files: Record<string, string>, inputs: Record<string, string>, stepEnv: Record<string, string> = {}) {
  const workspace = tree(files);
  const outputFile = path.join(workspace, '.runner-output');
  const summaryFile = path.join(workspace, '.runner-summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/infra',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    ...stepEnv,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const run = runNode(ACTION, [], workspace, env);
  return { ...run, workspace, outputs: readOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8') };
}

/** GITHUB_OUTPUT's multi-line form: `name<<DELIMITER`, the value, `DELIMITER`. */
function readOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      out[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      out[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return out;
}

describe('GitHub Action (dist/action.js)', () => {
  it('writes SARIF, outputs, a job summary and an annotation at the offending line, and fails the step', () => {
    const run = runAction({ 'infra/bastion.yaml': OPEN_SSH, 'infra/topic.yaml': QUIET }, { paths: 'infra', 'fail-on': 'high' });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.outputs).toEqual({ 'sarif-file': 'iac-scan.sarif', findings: '1', failed: 'true' });

    const log = JSON.parse(readFileSync(path.join(run.workspace, 'iac-scan.sarif'), 'utf8')) as Log;
    const [result] = log.runs[0].results ?? [];
    expect(result.ruleId).toBe('aws-ec2-sg-open-admin-ports');
    expect(result.locations?.[0].physicalLocation?.artifactLocation?.uri).toBe('infra/bastion.yaml');
    expect(result.locations?.[0].physicalLocation?.region?.startLine).toBe(11);

    expect(run.stdout).toMatch(/^::error file=infra\/bastion\.yaml,line=11,.*title=.*aws-ec2-sg-open-admin-ports/m);
    expect(run.summary).toContain('aws-ec2-sg-open-admin-ports');
    expect(run.summary).toMatch(/critical|high/i);
    expect(run.summary).toContain('https://github.com/acme/infra/blob/0123456789abcdef0123456789abcdef01234567/infra/bastion.yaml#L11');
  });

  it('passes the step when nothing reaches fail-on', () => {
    const run = runAction({ 'infra/bastion.yaml': OPEN_SSH }, { paths: 'infra', 'fail-on': 'critical' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.failed).toBe('false');
    expect(run.outputs.findings).toBe('1');
  });

  it('reports a broken template as an error annotation with its line, and still reports the rest', () => {
    const run = runAction({ 'bad.yaml': BROKEN, 'bastion.yaml': OPEN_SSH }, { format: 'json', output: 'reports/scan.json', 'fail-on': 'none' });
    expect(run.status).toBe(2);
    expect(run.outputs).toMatchObject({ 'sarif-file': '', failed: 'true' });
    const report = JSON.parse(readFileSync(path.join(run.workspace, 'reports/scan.json'), 'utf8'));
    expect(report.findings.map((f: { file: string }) => f.file)).toContain('bastion.yaml');
    expect(run.stdout).toMatch(/^::error file=bad\.yaml,line=\d+/m);
  });

  it('scans Terraform with the variables and variable files given as inputs', () => {
    const files = {
      'tf/main.tf': [
        'variable "admin_cidr" { default = "10.0.0.0/8" }',
        'variable "port" { default = 443 }',
        'resource "aws_security_group_rule" "admin" {',
        '  type        = "ingress"',
        '  protocol    = "tcp"',
        '  from_port   = var.port',
        '  to_port     = var.port',
        '  cidr_blocks = [var.admin_cidr]',
        '  security_group_id = "sg-1"',
        '}',
        '',
      ].join('\n'),
      'ci/open.tfvars': 'port = 22\n',
    };
    const quiet = runAction(files, { paths: 'tf', format: 'json', 'fail-on': 'none' });
    expect(quiet.outputs.findings, quiet.stdout + quiet.stderr).toBe('0');
    const open = runAction(files, { paths: 'tf', format: 'json', 'fail-on': 'none', 'var-files': 'ci/open.tfvars', vars: 'admin_cidr=0.0.0.0/0' });
    expect(open.outputs.findings, open.stdout + open.stderr).toBe('1');
    const report = JSON.parse(readFileSync(path.join(open.workspace, 'iac-scan.json'), 'utf8'));
    expect(report.findings.map((f: { ruleId: string; file: string; range: { start: { line: number } } }) => `${f.ruleId} ${f.file}:${f.range.start.line}`)).toEqual([
      'aws-ec2-sg-open-admin-ports tf/main.tf:8',
    ]);
  });

  it('dates the SoA evidence with scan-date, else with the step\'s SOURCE_DATE_EPOCH', () => {
    const dated = runAction({ 'bastion.yaml': OPEN_SSH }, { format: 'soa-json', 'fail-on': 'none', 'scan-date': '2025-12-31' }, { SOURCE_DATE_EPOCH: '1767225600' });
    expect(dated.status, dated.stdout).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dated.workspace, 'iac-scan-soa.json'), 'utf8')).scan.date).toBe('2025-12-31');
    const fromEpoch = runAction({ 'bastion.yaml': OPEN_SSH }, { format: 'soa', 'fail-on': 'none' }, { SOURCE_DATE_EPOCH: '1767225600' });
    expect(readFileSync(path.join(fromEpoch.workspace, 'iac-scan-soa.md'), 'utf8')).toContain('\n- Scan date: 2026-01-01\n');
    const bad = runAction({ 'bastion.yaml': OPEN_SSH }, { format: 'soa', 'scan-date': 'last friday' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toContain('::error::input scan-date: "last friday" is not valid; expected a calendar date written YYYY-MM-DD, e.g. 2026-03-31.');
  });

  it('rejects an invalid input with a message naming it', () => {
    const run = runAction({ 'bastion.yaml': OPEN_SSH }, { 'fail-on': 'severe' });
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/::error::input fail-on: "severe" is not valid; expected one of critical, high, medium, low, none/);
  });
});
