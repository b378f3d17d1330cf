import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOMEPAGE } from '../../src/version';
import { builtinRulesDir, loadRules } from '../../src/rules';
import { REPO, runCli, tree } from './run-cli';

const BUCKET = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Bucket:
    Type: AWS::S3::Bucket
`;

/** A pack rule naming a control the catalog lacks (line 6). */
const BAD_RULE = `id: my-bad-rule
title: T
description: D
severity: high
owner: customer
controls: { iso27001: [A.8.244], iso27017: [] }
remediation: { cloudformation: Fix it. }
references: [https://example.com/doc]
check:
  cloudformation: { resource: AWS::S3::Bucket, assert: { path: A, equals: 1 } }
`;

const shipped = loadRules([{ dir: builtinRulesDir(), pack: 'builtin' }]).rules;

interface ListedRule {
  id: string;
  severity: string;
  formats: string[];
  helpUri: string | null;
  pack: string;
}

/** Each test starts the bundle a few times; a busy machine needs longer than the default. */
const SLOW = { timeout: 30_000 };

describe('iac-scan rules (built bundle)', SLOW, () => {
  it('lists every shipped rule as JSON, each with its formats and a help page that exists', () => {
    const r = runCli(['rules', '--format', 'json'], tree({}));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const listed = JSON.parse(r.stdout) as ListedRule[];
    expect(listed.map((x) => x.id)).toEqual(shipped.map((x) => x.id));
    const versioning = listed.find((x) => x.id === 'aws-s3-versioning')!;
    expect(versioning).toMatchObject({ formats: ['cloudformation', 'terraform', 'cdk'], pack: 'builtin' });
    for (const rule of listed) {
      const page = (rule.helpUri ?? '').slice(`${HOMEPAGE}/blob/main/`.length);
      expect(existsSync(path.join(REPO, page)), `${rule.helpUri}: run npm run docs`).toBe(true);
    }
  });

  it('prints text and Markdown', () => {
    const dir = tree({});
    const text = runCli(['rules'], dir);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^aws-s3-versioning +medium +customer +S3 buckets keep object versions$/m);
    expect(text.stdout).toContain(`${shipped.length} rules\n`);
    const md = runCli(['rules', '-f', 'markdown'], dir);
    expect(md.stdout).toContain(`| [\`aws-s3-versioning\`](${HOMEPAGE}/blob/main/docs/rules/aws-s3-versioning.md) | S3 buckets keep object versions |`);
  });

  it("applies the config's rule selection and severity overrides, and adds --rules packs", () => {
    const dir = tree({
      '.iac-scan.yml': 'rules:\n  exclude: { ids: [aws-s3-versioning] }\nseverity:\n  aws-logs-retention: high\n',
      'pack/mine.yaml': BAD_RULE.replace('A.8.244', 'A.8.24').replace('my-bad-rule', 'my-rule'),
    });
    const r = runCli(['rules', '--format', 'json', '--rules', 'pack'], dir);
    expect(r.status, r.stderr).toBe(0);
    const listed = JSON.parse(r.stdout) as ListedRule[];
    expect(listed.map((x) => x.id)).not.toContain('aws-s3-versioning');
    expect(listed.find((x) => x.id === 'aws-logs-retention')?.severity).toBe('high');
    expect(listed.find((x) => x.id === 'my-rule')).toMatchObject({ pack: 'pack', helpUri: 'https://example.com/doc', formats: ['cloudformation', 'cdk'] });
  });

  it('rejects a pack rule naming an unknown control, at its line, with the nearest known ids: when listing and when scanning', () => {
    const dir = tree({ 'pack/bad.yaml': BAD_RULE, 'a.yaml': BUCKET });
    for (const args of [['rules', '--rules', 'pack'], ['--rules', 'pack', '.']]) {
      const r = runCli(args, dir);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('pack/bad.yaml:6:24: controls.iso27001[0]: "A.8.244" is not in the controls catalog; nearest known: A.8.24.');
    }
  });

  it('is a command only as the first argument: a path named rules is still scanned as ./rules or rules/', () => {
    const dir = tree({ 'rules/bucket.yaml': `${BUCKET}    Properties: { VersioningConfiguration: { Status: Suspended } }\n` });
    for (const args of [['./rules'], ['rules/'], ['-q', 'rules']]) {
      const scan = runCli([...args, '--format', 'json'], dir);
      expect(scan.status, args.join(' ')).toBe(1);
      expect(scan.stdout, args.join(' ')).toContain('"ruleId": "aws-s3-versioning"');
    }
    const list = runCli(['rules'], dir);
    expect(list.status).toBe(0);
    expect(list.stderr).toBe('iac-scan: listing the rules; to scan the path "rules" here, run iac-scan ./rules\n');
  });

  it('explains its options, and refuses what it does not take', () => {
    const dir = tree({});
    expect(runCli(['rules', '--help'], dir).stdout).toContain('Usage: iac-scan rules [options]');
    expect(runCli(['--help'], dir).stdout).toContain('iac-scan controls [--format text|json|markdown]');
    const format = runCli(['rules', '--format', 'sarif'], dir);
    expect(format.status).toBe(2);
    expect(format.stderr).toBe('iac-scan: --format "sarif" is not valid for iac-scan rules; expected one of text, json, markdown.\n');
    const extra = runCli(['controls', 'templates/'], dir);
    expect(extra.status).toBe(2);
    expect(extra.stderr).toContain('Run iac-scan controls --help for the options.');
  });
});

describe('iac-scan controls (built bundle)', SLOW, () => {
  it('lists the catalog with the owner split and the rules evidencing each control; inherited ones marked', () => {
    const r = runCli(['controls', '--format', 'json'], tree({}));
    expect(r.status, r.stderr).toBe(0);
    const controls = JSON.parse(r.stdout) as { id: string; rules: string[]; inherited: { evidence: string } | null; split: Record<string, string> }[];
    const byId = new Map(controls.map((c) => [c.id, c]));
    expect(byId.get('A.8.13')?.rules).toContain('aws-s3-versioning');
    expect(byId.get('12.3.1')?.rules).toContain('aws-s3-versioning');
    expect(byId.get('A.7.1')).toMatchObject({ rules: [], inherited: { evidence: "the provider's certification" } });
    expect(byId.get('A.8.8')?.split).toEqual({ infrastructure: 'customer', container: 'shared', abstracted: 'provider' });

    const text = runCli(['controls'], tree({}));
    expect(text.stdout).toMatch(/^CLD\.9\.5\.1 +Segregation in virtual computing environments \(related: A\.8\.22\)$/m);
    expect(text.stdout).toContain("inherited: hypervisor and tenant isolation; evidence: the provider's certification");
  });
});
