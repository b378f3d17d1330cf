import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import { HOMEPAGE } from '../../src/version';
import { validateSarif } from '../helpers/sarif-multitool';
import { REPO, runCli, tree } from './run-cli';

const LOG_GROUP_30_DAYS = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AppLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      KmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
      RetentionInDays: 30
`;

const BROKEN = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties: {BucketName: [unclosed
`;

const WORKFLOW = `name: ci
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: echo hello
`;

/** Ten levels of ten-fold aliases: 10^10 nodes if expanded. */
function aliasBomb(): string {
  const lines = ["AWSTemplateFormatVersion: '2010-09-09'", 'Metadata:', '  l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++) lines.push(`  l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
  lines.push('Resources:', '  Topic:', '    Type: AWS::SNS::Topic', '');
  return lines.join('\n');
}

function sarifOf(dir: string, file: string): Log {
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Log;
}

describe('iac-scan CLI (built bundle)', () => {
  it('scans the shipped fixtures and reports every seed rule', () => {
    const r = runCli(['fixtures', '--format', 'json'], REPO);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string }[] };
    const ids = new Set(report.findings.map((f) => f.ruleId));
    for (const id of [
      'aws-s3-block-public-access',
      'aws-s3-versioning',
      'aws-s3-access-logging',
      'aws-ec2-sg-open-admin-ports',
      'aws-ec2-imdsv2',
      'aws-ebs-encryption',
      'aws-rds-storage-encrypted',
      'aws-rds-no-public-access',
      'aws-rds-backup-retention',
      'aws-iam-no-admin-policy',
      'aws-cloudtrail-log-validation',
      'aws-kms-key-rotation',
      'aws-logs-retention',
      'aws-vpc-flow-logs',
      'aws-no-hardcoded-secrets',
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  it('keeps reporting the good files when others are broken, non-templates or alias bombs', () => {
    const dir = tree({
      'good.yaml': LOG_GROUP_30_DAYS,
      'broken.yaml': BROKEN,
      '.github/workflows/ci.yml': WORKFLOW,
      'bomb.yaml': aliasBomb(),
    });
    const r = runCli(['.', '-f', 'text', '-f', 'sarif=out.sarif'], dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/good\.yaml:7/);
    expect(r.stdout).toContain('aws-logs-retention');
    expect(r.stdout).toMatch(/broken\.yaml:\d+/);
    expect(r.stdout).toMatch(/bomb\.yaml:\d+/);
    expect(r.stdout).not.toContain('ci.yml');

    const run = sarifOf(dir, 'out.sarif').runs[0];
    const result = run.results?.find((x) => x.ruleId === 'aws-logs-retention');
    expect(result?.locations?.[0].physicalLocation?.artifactLocation?.uri).toBe('good.yaml');
    expect(result?.locations?.[0].physicalLocation?.region?.startLine).toBe(7);
    const notes = run.invocations?.[0].toolExecutionNotifications ?? [];
    const noteFiles = notes.map((n) => n.locations?.[0]?.physicalLocation?.artifactLocation?.uri);
    expect(noteFiles).toContain('broken.yaml');
    expect(noteFiles).toContain('bomb.yaml');
    for (const n of notes.filter((x) => x.level === 'error')) {
      expect(n.locations?.[0]?.physicalLocation?.region?.startLine).toBeGreaterThan(0);
    }
    expect(run.invocations?.[0].executionSuccessful).toBe(false);
  });

  it('writes SARIF for the whole fixture set that the multitool accepts under the SARIF and GitHub rules', () => {
    const out = tree({});
    const r = runCli(['fixtures', '-q', '-f', `sarif=${path.join(out, 'fixtures.sarif')}`], REPO);
    expect(r.status, r.stderr).toBe(1);
    const text = readFileSync(path.join(out, 'fixtures.sarif'), 'utf8');
    const validation = validateSarif(text);
    expect(validation.errors, validation.output).toEqual([]);

    const run = (JSON.parse(text) as Log).runs[0];
    expect(run.results?.length).toBeGreaterThan(15);
    const prefix = `${HOMEPAGE}/blob/main/`;
    for (const rule of run.tool.driver.rules ?? []) {
      expect(rule.helpUri?.startsWith(prefix), rule.id).toBe(true);
      expect(existsSync(path.join(REPO, (rule.helpUri as string).slice(prefix.length))), `${rule.helpUri} names a file of the repository (run npm run docs)`).toBe(true);
    }
  }, 180_000);

  it('writes the same SARIF twice for the same input', () => {
    const dir = tree({ 'a.yaml': LOG_GROUP_30_DAYS });
    runCli(['.', '-f', 'sarif=one.sarif'], dir);
    runCli(['.', '-f', 'sarif=two.sarif'], dir);
    expect(readFileSync(path.join(dir, 'one.sarif'), 'utf8')).toBe(readFileSync(path.join(dir, 'two.sarif'), 'utf8'));
  });

  it('exits 0 below the fail-on threshold and 1 at it', () => {
    const dir = tree({ 'a.yaml': LOG_GROUP_30_DAYS });
    expect(runCli(['.', '--fail-on', 'none'], dir).status).toBe(0);
    expect(runCli(['.', '--fail-on', 'critical'], dir).status).toBe(0);
    expect(runCli(['.', '--fail-on', 'low'], dir).status).toBe(1);
  });

  it('exits 0 on a compliant template', () => {
    const dir = tree({
      'ok.yaml': LOG_GROUP_30_DAYS.replace('RetentionInDays: 30', 'RetentionInDays: 400'),
    });
    const r = runCli(['.'], dir);
    expect(r.stdout).not.toContain('aws-logs-retention');
    expect(r.status).toBe(0);
  });

  it('exits 2 with a clear message on usage and config errors', () => {
    const dir = tree({ 'a.yaml': LOG_GROUP_30_DAYS, '.iac-scan.yml': 'fail-on: sometimes\n' });
    const bad = runCli(['.'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/\.iac-scan\.yml:1/);

    const flag = runCli(['--no-such-flag'], dir);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('--help');
  });

  it('honours parameters given on the command line over Defaults', () => {
    const template = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Days:
    Type: Number
    Default: 400
Resources:
  AppLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      KmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
      RetentionInDays: !Ref Days
`;
    const dir = tree({ 'p.yaml': template });
    expect(runCli(['.'], dir).status).toBe(0);
    const r = runCli(['.', '--param', 'Days=14', '--format', 'json'], dir);
    expect(r.status).toBe(1);
  });

  it('prints its version and help', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(runCli(['--version'], REPO).stdout.trim()).toBe(pkg.version);
    expect(runCli(['--help'], REPO).stdout).toContain('--fail-on');
  });
});
