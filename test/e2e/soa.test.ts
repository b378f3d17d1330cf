import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tree, type Run } from './run-cli';

/** An unencrypted database (A.8.24 fails at line 12) beside a log group whose missing KMS key is an accepted risk. */
const STACK = [
  "AWSTemplateFormatVersion: '2010-09-09'",
  'Resources:',
  '  OrdersDb:',
  '    Type: AWS::RDS::DBInstance',
  '    Properties:',
  '      Engine: postgres',
  '      DBInstanceClass: db.t4g.medium',
  "      AllocatedStorage: '50'",
  '      MasterUsername: orders',
  '      ManageMasterUserPassword: true',
  '      AutoMinorVersionUpgrade: true',
  '      StorageEncrypted: false', // 12
  '  AppLogs: # iac-scan:ignore aws-logs-kms the log group holds no personal data; reviewed by the ISMS board', // 13
  '    Type: AWS::Logs::LogGroup',
  '    Properties:',
  '      RetentionInDays: 400',
  '',
].join('\n');

/** A root module with a rotated key, a key whose rotation waits for a variable, and a queue made by a child module. */
const ROOT = [
  'variable "rotate" {',
  '  type = bool',
  '}',
  '',
  'resource "aws_kms_key" "data" {', // 5
  '  enable_key_rotation = true',
  '}',
  '',
  'resource "aws_kms_key" "later" {', // 9
  '  enable_key_rotation = var.rotate',
  '}',
  '',
  'module "queue" {', // 13
  '  source = "./modules/queue"',
  '}',
  '',
].join('\n');

const QUEUE = ['resource "aws_sqs_queue" "jobs" {', '  name = "jobs"', '}', ''].join('\n');

const FILES = { 'stack.yaml': STACK, 'infra/main.tf': ROOT, 'infra/modules/queue/main.tf': QUEUE };

/** The lines of a Markdown section, up to the next heading of its level or above. */
function section(text: string, heading: string): string {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const level = heading.indexOf(' ');
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.indexOf(' ') <= level);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

interface SoaJson {
  version: number;
  scan: { date: string; complete: boolean; files: string[] };
  cloudUse: { id: string; split: Record<string, string>; status: string; services: string[] };
  controls: { id: string; status: string; inUse: { model: string; owner: string }[]; resources: { state: string; address: string; file: string; range: { start: { line: number } } }[] }[];
  inherited: { id: string; split: Record<string, string>; evidence: string }[];
  summary: { controls: Record<string, number>; resources: Record<string, number>; complete: boolean };
}

describe('Statement-of-Applicability evidence through the CLI (built bundle)', () => {
  const dir = tree(FILES);
  let run: Run;
  let markdown: string;
  let report: SoaJson;
  beforeAll(() => {
    run = runCli(['.', '-f', 'soa=evidence.md', '-f', 'soa-json=evidence.json', '-f', 'sarif=out.sarif'], dir);
    markdown = readFileSync(path.join(dir, 'evidence.md'), 'utf8');
    report = JSON.parse(readFileSync(path.join(dir, 'evidence.json'), 'utf8')) as SoaJson;
  });

  it('writes the SoA beside the other formats, with the usual exit code', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(markdown).toMatch(/^# Statement of Applicability: cloud evidence\n/);
    expect(markdown).toMatch(/\n- Scan date: \d{4}-\d{2}-\d{2}\n/);
  });

  it('shows A.8.24 failing at the offending line, with the accepted risk, the undecided key and the passes', () => {
    const a824 = section(markdown, '### A.8.24 Use of cryptography');
    expect(a824).toContain('Status: **failing**. Resources: 1 failed, 1 not decidable before deployment, 1 accepted risk, 2 passed.');
    expect(a824).toContain('Owner: infrastructure customer · **container customer** (in use: Amazon RDS) · **abstracted shared** (in use: AWS KMS, Amazon CloudWatch, Amazon SQS).');
    expect(a824).toContain('| failed | `OrdersDb` | `AWS::RDS::DBInstance` | `stack.yaml:12` | `aws-rds-storage-encrypted` | DB instance OrdersDb does not encrypt its storage');
    expect(a824).toContain('| not decidable before deployment | `aws_kms_key.later` | `aws_kms_key` | `infra/main.tf:9` | `aws-kms-key-rotation` |');
    expect(a824).toContain(
      '| accepted risk | `AppLogs` | `AWS::Logs::LogGroup` | `stack.yaml:13` | `aws-logs-kms` | accepted (inline at `stack.yaml:13`): the log group holds no personal data; reviewed by the ISMS board.',
    );
    expect(a824).toContain('| passed | `aws_kms_key.data` | `aws_kms_key` | `infra/main.tf:5` | `aws-kms-key-rotation` |  |');
    expect(a824).toContain("| passed | `module.queue.aws_sqs_queue.jobs` | `aws_sqs_queue` | `infra/modules/queue/main.tf:1` | `aws-sqs-encryption` | by the provider's default, not written in the code |");
  });

  it('shows a passing control with the resources that pass it', () => {
    const a88 = section(markdown, '### A.8.8 Management of technical vulnerabilities');
    expect(a88).toContain('Status: passing. Resources: 1 passed.');
    expect(a88).toContain('| passed | `OrdersDb` | `AWS::RDS::DBInstance` | `stack.yaml:3` | `aws-rds-auto-minor-version-upgrade` |  |');
  });

  it('names the services in use, A.5.23 as the customer\'s, and the controls the provider operates for those services', () => {
    expect(section(markdown, '## Service models in use')).toContain('| Container services | Amazon RDS (1) |');
    const a523 = section(markdown, '## A.5.23 Information security for use of cloud services');
    expect(a523).toContain('Status: evidenced in part by this scan. Owner: customer in every service model.');
    const inherited = section(markdown, '## Inherited from the provider');
    expect(inherited).toContain('For the services in use (Amazon RDS, AWS KMS, Amazon CloudWatch, Amazon SQS), the provider operates');
    expect(inherited).toContain("| A.7.1 | Physical security perimeters | provider in every service model | the perimeters of the provider's data centres | the provider's certification |");
    expect(inherited).toContain('| CLD.9.5.1 | Segregation in virtual computing environments | infrastructure shared · container shared · abstracted provider |');
    expect(section(markdown, '## Summary')).toContain('- Resources: 5 scanned; 5 in scope of a rule (1 failed, 1 not decidable before deployment, 1 accepted, 2 passed)');
  });

  it('gives the same evidence as JSON', () => {
    expect(report.version).toBe(1);
    expect(report.scan).toMatchObject({ complete: true, files: ['infra/main.tf', 'infra/modules/queue/main.tf', 'stack.yaml'] });
    expect(report.cloudUse).toMatchObject({ id: 'A.5.23', status: 'evidenced-in-part', split: { infrastructure: 'customer', container: 'customer', abstracted: 'customer' } });
    const a824 = report.controls.find((c) => c.id === 'A.8.24')!;
    expect(a824.status).toBe('failing');
    expect(a824.inUse).toEqual([expect.objectContaining({ model: 'container', owner: 'customer' }), expect.objectContaining({ model: 'abstracted', owner: 'shared' })]);
    expect(a824.resources[0]).toMatchObject({ state: 'failed', address: 'OrdersDb', file: 'stack.yaml', range: { start: { line: 12 } } });
    expect(report.controls.find((c) => c.id === 'A.8.8')!.status).toBe('passing');
    expect(report.inherited.find((i) => i.id === 'A.7.1')).toMatchObject({ split: { infrastructure: 'provider' }, evidence: "the provider's certification" });
    expect(report.summary.resources).toEqual({ scanned: 5, checked: 5, failed: 1, undecided: 1, accepted: 1, passed: 2, 'not-applicable': 0 });
  });

  it('gives the same bytes for the same scan and scan date', () => {
    const date = /\n- Scan date: (\d{4}-\d{2}-\d{2})\n/.exec(markdown)![1];
    expect(runCli(['.', '-f', 'soa', '--scan-date', date], dir).stdout).toBe(markdown);
    expect(runCli(['.', '-f', 'soa-json', '--scan-date', date], dir).stdout).toBe(readFileSync(path.join(dir, 'evidence.json'), 'utf8'));
  });

  it('says the evidence is incomplete when a file could not be parsed', () => {
    const broken = tree({ ...FILES, 'broken.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Bucket: {Type: AWS::S3::Bucket, Properties: [\n" });
    const r = runCli(['.', '-f', 'soa'], broken);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('> **The evidence is incomplete.** 1 error stopped part of the input from being checked, and nothing below covers that part:');
    expect(r.stdout).toMatch(/> - error `parse-error` `broken\.yaml:\d+`: /);
    expect(section(r.stdout, '## Summary')).toContain('1 error: the evidence is incomplete.');
    const json = JSON.parse(runCli(['.', '-f', 'soa-json'], broken).stdout) as SoaJson;
    expect([json.scan.complete, json.summary.complete]).toEqual([false, false]);
  });
});

describe('the date of the evidence (built bundle)', () => {
  // The accepted risk holds until 2026-06-30: judged on the scan date, as the report is dated.
  const dir = tree({ ...FILES, 'stack.yaml': STACK.replace('iac-scan:ignore aws-logs-kms ', 'iac-scan:ignore aws-logs-kms until=2026-06-30 ') });
  const soa = (args: string[], env: Record<string, string> = {}) => {
    const run = runCli(['.', '-f', 'soa=evidence.md', '-f', 'soa-json=evidence.json', ...args], dir, env);
    expect(run.stderr).toBe('');
    return { markdown: readFileSync(path.join(dir, 'evidence.md'), 'utf8'), json: JSON.parse(readFileSync(path.join(dir, 'evidence.json'), 'utf8')) as SoaJson };
  };

  it('is the --scan-date given, in both forms, and suppressions expire by it', () => {
    const before = soa(['--scan-date', '2026-06-30']);
    expect(before.markdown).toContain('\n- Scan date: 2026-06-30\n');
    expect(section(before.markdown, '## Summary')).toContain('- Scan date 2026-06-30, iac-scan');
    expect(before.json.scan.date).toBe('2026-06-30');
    expect(before.json.summary.resources).toMatchObject({ failed: 1, accepted: 1 });

    const after = soa(['--scan-date', '2026-07-01']);
    expect(after.json.scan.date).toBe('2026-07-01');
    expect(after.json.summary.resources).toMatchObject({ failed: 2, accepted: 0 });
    expect(after.markdown).toMatch(/warning `suppression-expired` `stack\.yaml:13`: .* expired on 2026-06-30/);
  });

  it('is the UTC day of SOURCE_DATE_EPOCH when --scan-date is not given', () => {
    // 2026-03-01T23:30:00Z: still 1 March in UTC, whatever the machine's time zone.
    const fromEpoch = soa([], { SOURCE_DATE_EPOCH: '1772407800', TZ: 'Pacific/Kiritimati' });
    expect(fromEpoch.markdown).toContain('\n- Scan date: 2026-03-01\n');
    expect(fromEpoch.json.scan.date).toBe('2026-03-01');
    expect(soa(['--scan-date', '2026-02-27'], { SOURCE_DATE_EPOCH: '1772407800' }).json.scan.date).toBe('2026-02-27');
  });

  it('rejects a malformed date with exit code 2 and what it expected', () => {
    const bad = runCli(['.', '-f', 'soa', '--scan-date', '2026-02-30'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('iac-scan: --scan-date "2026-02-30" is not valid; expected a calendar date written YYYY-MM-DD, e.g. 2026-03-31.\n');
    const epoch = runCli(['.', '-f', 'soa'], dir, { SOURCE_DATE_EPOCH: '2026-03-01' });
    expect(epoch.status).toBe(2);
    expect(epoch.stderr).toMatch(/^iac-scan: SOURCE_DATE_EPOCH "2026-03-01" is not valid; expected a whole number of seconds since 1970-01-01 00:00 UTC .*--scan-date/);
  });
});
