import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatNotice } from '../../src/scan/notices';
import { BUILTINS, builtinRulesDir, loadRules, parseRuleText } from '../../src/rules';
import schema from '../../src/rules/schema/rule.schema.json';

const META = `title: T
description: D
severity: high
owner: customer
controls: { iso27001: [A.8.24], iso27017: [CLD.12.4.5, "12.4.1"] }
remediation: { cloudformation: Fix it., terraform: Fix it. }
references: [https://example.com/doc]
`;
const rule = (id: string, check: string) => `id: ${id}\n${META}check:\n${check}`;
const S3_CHECK = '  cloudformation:\n    resource: AWS::S3::Bucket\n    assert: { path: A, equals: 1 }\n';

/** One rule file's errors as `line:column message`. */
function errorsOf(text: string): string[] {
  const parsed = parseRuleText(text, '/abs/rule.yaml', 'rules/rule.yaml', 'builtin');
  return parsed.errors.map((e) => `${e.range?.start.line}:${e.range?.start.column} ${e.message}`);
}

/** `line:column` of the first occurrence of `fragment` in the `check` section: where an error must point. */
function positionInCheck(text: string, fragment: string): string {
  const offset = text.indexOf(fragment, text.indexOf('\ncheck:'));
  if (offset < 0) throw new Error(`"${fragment}" is not in the text`);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iac-scan-rules-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function pack(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('parseRuleText', () => {
  it('converts a rule: one check becomes a list, one resource type becomes a list', () => {
    const parsed = parseRuleText(rule('aws-x', S3_CHECK + '  terraform:\n    - { resource: [aws_s3_bucket, aws_s3_bucket_acl], assert: { absent: acl }, message: "{address} x" }\n'), '/abs/r.yaml', 'r.yaml', 'p');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rule).toMatchObject({
      id: 'aws-x',
      severity: 'high',
      owner: 'customer',
      controls: { iso27001: ['A.8.24'], iso27017: ['CLD.12.4.5', '12.4.1'] },
      source: '/abs/r.yaml',
      pack: 'p',
      checks: {
        cloudformation: [{ resource: ['AWS::S3::Bucket'], assert: { path: 'A', equals: 1 } }],
        terraform: [{ resource: ['aws_s3_bucket', 'aws_s3_bucket_acl'], assert: { absent: 'acl' }, message: '{address} x' }],
      },
    });
  });

  it('reads like file:line:col: place: problem; expected ... Fix the rule file.', () => {
    const text = rule('aws-x', '  cloudformation:\n    resource: AWS::S3::Bucket\n    assert:\n      path: A\n      equal: 1\n');
    const [notice] = parseRuleText(text, '/abs/x.yaml', 'rules/aws/s3/x.yaml', 'builtin').errors;
    expect(formatNotice(notice)).toBe(
      'rules/aws/s3/x.yaml:14:7: check.cloudformation.assert: unknown key "equal"; expected one of equals, notEquals, in, notIn, gt, gte, lt, lte, matches, notMatches, exists, default, message. Fix the rule file.',
    );
    expect(notice.code).toBe('rule-invalid');
  });

  it.each([
    ['a misspelt key deep inside', '  cloudformation:\n    - resource: AWS::S3::Bucket\n      assert:\n        any:\n          - { not: { path: B, equls: 2 } }\n', 'equls', 'check.cloudformation[0].assert.any[0].not: unknown key "equls"'],
    ['two operators', '  cloudformation: { resource: AWS::S3::Bucket, assert: { path: A, equals: 1, gt: 2 } }\n', 'assert', 'needs exactly one operator'],
    ['no operator', '  cloudformation: { resource: AWS::S3::Bucket, assert: { path: A } }\n', 'assert', 'needs exactly one operator'],
    ['a condition without a kind', '  cloudformation: { resource: AWS::S3::Bucket, assert: { pth: A, equals: 1 } }\n', 'pth', 'unknown key "pth"; a condition needs one of the keys path, absent'],
    ['a check that is text', '  cloudformation: yes please\n', 'yes please', 'check.cloudformation: expected a check (a map with resource and assert) or a list of checks'],
    ['a condition that is text', '  cloudformation: { resource: AWS::S3::Bucket, assert: nope }\n', 'nope', 'check.cloudformation.assert: expected a condition'],
    ['missing assert', '  cloudformation: { resource: AWS::S3::Bucket }\n', 'cloudformation', 'check.cloudformation: missing key "assert"'],
    ['args of a built-in without args', '  cloudformation: { resource: AWS::S3::Bucket, assert: { builtin: iam.noAdminAccess, args: { x: 1 } } }\n', 'args', 'args: expected no keys here'],
    ['missing built-in args', '  cloudformation: { resource: AWS::S3::Bucket, assert: { builtin: network.noOpenAdminPorts, args: { ports: [22] } } }\n', 'args', 'args: missing keys "cidr", "from", "to", "protocol"'],
    ['account.setting without its args', '  terraform: { resource: aws_ebs_volume, assert: { builtin: account.setting } }\n', 'assert', 'missing key "args"'],
    ['account.setting args misspelt', '  terraform: { resource: aws_ebs_volume, assert: { builtin: account.setting, args: { type: aws_x, path: a, equal: true } } }\n', 'equal', 'unknown key "equal"; expected one of equals, default'],
    ['a family that does not exist', '  cdk: { resource: AWS::S3::Bucket, assert: { absent: A } }\n', 'cdk', 'unknown key "cdk"; expected one of cloudformation, terraform'],
  ])('schema: %s', (_, check, at, message) => {
    const text = rule('aws-x', check);
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0].split(' ')[0]).toBe(positionInCheck(text, at));
    expect(errors[0]).toContain(message);
    expect(errors[0]).toMatch(/\. Fix the rule file\.$/);
  });

  it('checks the metadata, each problem at its own place', () => {
    const text = 'id: X_rule\ntitle: T\ndescription: D\nseverity: urgent\nowner: customer\ncontrols: { iso27001: [A.9.1], iso27017: [CLD.1, "12.4.1"] }\nremediation: {}\nreferences: [ftp://x]\ncheck: {}\nextra: 1\n';
    expect(errorsOf(text)).toEqual([
      '1:5 id: "X_rule": expected a lowercase, dash-separated id such as aws-s3-versioning. Fix the rule file.',
      '4:11 severity: "urgent" is not one of critical, high, medium, low. Fix the rule file.',
      '6:24 controls.iso27001[0]: "A.9.1": expected an ISO 27001:2022 Annex A control such as A.8.24. Fix the rule file.',
      '6:43 controls.iso27017[0]: "CLD.1": expected a CLD.x.y.z control such as CLD.12.4.5, or a 27002 clause such as 12.4.1. Fix the rule file.',
      '7:1 remediation: expected at least one of cloudformation, terraform, cdk. Fix the rule file.',
      '8:14 references[0]: "ftp://x": expected an http(s) URL. Fix the rule file.',
      '9:1 check: expected at least one of cloudformation, terraform. Fix the rule file.',
      '10:1 unknown key "extra"; expected one of equivalents. Fix the rule file.',
    ]);
  });

  it('reads the equivalent checks of other tools, and names the tools it knows', () => {
    const text = rule('aws-x', S3_CHECK).replace('check:', 'equivalents: { checkov: [CKV_AWS_18], cdk-nag: [AwsSolutions-S1] }\ncheck:');
    expect(parseRuleText(text, '/abs/r.yaml', 'r.yaml', 'p').rule?.equivalents).toEqual({ checkov: ['CKV_AWS_18'], 'cdk-nag': ['AwsSolutions-S1'] });
    const typo = rule('aws-x', S3_CHECK).replace('check:', 'equivalents: { cdk_nag: [AwsSolutions-S1] }\ncheck:');
    expect(errorsOf(typo)).toEqual(['9:16 equivalents: unknown key "cdk_nag"; expected one of checkov, trivy, cfn-nag, cdk-nag. Fix the rule file.']);
  });

  it('reports missing metadata keys together', () => {
    expect(errorsOf('id: a\ncheck: {}\n')[0]).toContain('missing keys "title", "description", "severity", "owner", "controls", "remediation", "references"');
  });

  it.each([
    ['a Terraform type in a CloudFormation check', '  cloudformation: { resource: [AWS::S3::Bucket, aws_s3_bucket], assert: { absent: A } }\n', 'aws_s3_bucket', 'check.cloudformation.resource[1]: "aws_s3_bucket" is not a CloudFormation type such as AWS::S3::Bucket'],
    ['a CloudFormation type in a Terraform check', '  terraform: { resource: AWS::S3::Bucket, assert: { absent: A } }\n', 'AWS::S3::Bucket', 'check.terraform.resource: "AWS::S3::Bucket" is not a Terraform type such as aws_s3_bucket'],
    ['a related type of the other family', '  cloudformation: { resource: AWS::EC2::VPC, assert: { related: { type: aws_flow_log, via: ResourceId } } }\n', 'aws_flow_log', 'check.cloudformation.assert.related.type: "aws_flow_log" is not a CloudFormation type'],
    ['an unknown built-in', '  cloudformation: { resource: AWS::S3::Bucket, assert: { builtin: iam.noAdmin } }\n', 'iam.noAdmin', `unknown built-in "iam.noAdmin"; expected one of ${[...BUILTINS.keys()].join(', ')}`],
    ['an invalid regex', '  cloudformation: { resource: AWS::S3::Bucket, assert: { all: [{ path: A, matches: "(" }] } }\n', '"("', 'check.cloudformation.assert.all[0].matches: invalid regular expression'],
    ['an invalid path', '  cloudformation: { resource: AWS::S3::Bucket, assert: { each: "A[x]", assert: { absent: B } } }\n', '"A[x]"', 'check.cloudformation.assert.each: invalid path "A[x]" at character 3'],
    ['an invalid target path', '  cloudformation: { resource: AWS::S3::Bucket, assert: { target: { path: "A..B", assert: { absent: C } } } }\n', '"A..B"', 'check.cloudformation.assert.target.path: invalid path "A..B"'],
  ])('semantic: %s', (_, check, at, message) => {
    const text = rule('aws-x', check);
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0].split(' ')[0]).toBe(positionInCheck(text, at));
    expect(errors[0]).toContain(message);
  });

  it('requires a remediation for every family the rule checks', () => {
    const text = rule('aws-x', S3_CHECK).replace('remediation: { cloudformation: Fix it., terraform: Fix it. }', 'remediation: { terraform: Fix it. }');
    expect(errorsOf(text)).toEqual(['7:14 remediation: missing "cloudformation": every family the rule checks needs its remediation. Fix the rule file.']);
  });

  it('reports invalid YAML with its position', () => {
    expect(errorsOf(rule('aws-x', '  cloudformation: [\n'))).toEqual([expect.stringMatching(/^11:1 invalid YAML: .*Fix the rule file\.$/)]);
    expect(errorsOf(`id: a\n${META}severity: low\ncheck: {}\n`)).toEqual([expect.stringMatching(/^9:1 invalid YAML: Map keys must be unique/)]);
  });
});

describe('loadRules', () => {
  it('reads *.yaml and *.yml recursively in sorted order, and nothing else', () => {
    const dir = pack('order', {
      'b/second.yml': rule('second', S3_CHECK),
      'a/z.yaml': rule('first', S3_CHECK),
      'c.yaml': rule('third', S3_CHECK),
      'README.md': 'not a rule',
      '.hidden/x.yaml': 'not: a rule',
    });
    const { rules, errors } = loadRules([{ dir, pack: 'mine' }]);
    expect(errors).toEqual([]);
    expect(rules.map((r) => [r.id, path.relative(dir, r.source), r.pack])).toEqual([
      ['first', path.join('a', 'z.yaml'), 'mine'],
      ['second', path.join('b', 'second.yml'), 'mine'],
      ['third', 'c.yaml', 'mine'],
    ]);
  });

  it('rejects an id defined twice across packs, naming both files, and keeps the first', () => {
    const one = pack('one', { 'x.yaml': rule('same-id', S3_CHECK) });
    const two = pack('two', { 'y.yaml': rule('same-id', S3_CHECK) });
    const { rules, errors } = loadRules([{ dir: one, pack: 'builtin' }, { dir: two, pack: 'two' }]);
    expect(rules.map((r) => r.source)).toEqual([path.join(one, 'x.yaml')]);
    expect(errors).toHaveLength(1);
    expect(errors[0].range?.file).toBe(path.join(two, 'y.yaml'));
    expect(errors[0].range?.start).toEqual({ line: 1, column: 5 });
    expect(errors[0].message).toContain(`"same-id" is already defined in ${path.join(one, 'x.yaml')} (pack builtin)`);
  });

  it('keeps the valid rules of a pack with a broken file', () => {
    const dir = pack('mixed', { 'bad.yaml': rule('bad', '  cloudformation: { resource: AWS::S3::Bucket }\n'), 'good.yaml': rule('good', S3_CHECK) });
    const { rules, errors } = loadRules([{ dir, pack: 'p' }]);
    expect(rules.map((r) => r.id)).toEqual(['good']);
    expect(errors.map((e) => e.file)).toEqual([path.join(dir, 'bad.yaml')]);
  });

  it('reports a pack folder that does not exist', () => {
    const { errors } = loadRules([{ dir: path.join(tmp, 'nope'), pack: 'nope' }]);
    expect(errors).toEqual([expect.objectContaining({ level: 'error', code: 'rule-pack-missing' })]);
    expect(errors[0].message).toContain('does not exist');
  });

  it('finds the shipped rules folder above the sources', () => {
    const dir = builtinRulesDir();
    expect(path.basename(dir)).toBe('rules');
    expect(fs.statSync(path.join(dir, 'aws')).isDirectory()).toBe(true);
    expect(path.resolve(dir, '..', 'src', 'rules')).toBe(path.resolve(__dirname, '..', '..', 'src', 'rules'));
  });
});

describe('the schema', () => {
  it('offers exactly the registered built-ins for completion', () => {
    const names = schema.definitions.builtinCondition.properties.builtin.examples;
    expect([...names].sort()).toEqual([...BUILTINS.keys()].sort());
  });
});
