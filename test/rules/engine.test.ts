import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../../src/graph/graph';
import { evaluateRules } from '../../src/rules';
import { paramDefault, ref, template, textAt } from '../helpers/resources';
import { loadRule } from './rule-tester';

const versioning = loadRule({
  id: 'bucket-versioning',
  check: {
    cloudformation: { resource: 'AWS::S3::Bucket', assert: { path: 'VersioningConfiguration.Status', equals: 'Enabled' } },
    terraform: { resource: 'aws_s3_bucket', assert: { path: 'versioning[*].enabled', equals: true } },
  },
});
const tags = loadRule({ id: 'tags-owner', check: { cloudformation: { resource: '*', assert: { path: 'Tags[*].Key', notEquals: 'temp' } } } });

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

describe('evaluateRules', () => {
  it('checks each family with its own checks, and "*" means every type of the family', () => {
    const t = template([
      { address: 'Cfn', type: 'AWS::S3::Bucket', properties: { Tags: [{ Key: 'temp' }] } },
      { address: 'tf', type: 'aws_s3_bucket', properties: { versioning: [{ enabled: false }], Tags: [{ Key: 'temp' }] } },
      { address: 'Queue', type: 'AWS::SQS::Queue', properties: { Tags: [{ Key: 'temp' }] } },
    ]);
    const findings = evaluateRules([versioning, tags], t.graph, { strict: false });
    expect(findings.map((f) => `${f.rule.id} ${f.resource.address} ${f.path}`).sort()).toEqual([
      'bucket-versioning Cfn VersioningConfiguration.Status',
      'bucket-versioning tf versioning[0].enabled',
      'tags-owner Cfn Tags[0].Key',
      'tags-owner Queue Tags[0].Key',
    ]);
  });

  it('orders findings by file, line, column, then rule id', () => {
    const sameSpot = evaluateRules([versioning, loadRule({ id: 'a-first', check: { cloudformation: { resource: 'AWS::S3::Bucket', assert: { path: 'X', exists: true } } } })],
      template([{ address: 'B', type: 'AWS::S3::Bucket' }]).graph, { strict: false });
    expect(sameSpot.map((f) => f.rule.id)).toEqual(['a-first', 'bucket-versioning']);
    const a = template([{ address: 'B', type: 'AWS::S3::Bucket', properties: { Tags: [{ Key: 'temp' }] } }], { file: 'b.yaml' });
    const b = template([{ address: 'A', type: 'AWS::S3::Bucket', properties: { Tags: [{ Key: 'temp' }] } }], { file: 'a.yaml' });
    const findings = evaluateRules([tags, versioning], new ResourceGraph([...a.resources, ...b.resources]), { strict: false });
    expect(findings.map((f) => `${f.at.file}:${f.at.start.line}:${f.at.start.column} ${f.rule.id}`)).toEqual([
      'a.yaml:2:3 bucket-versioning',
      'a.yaml:6:11 tags-owner',
      'b.yaml:2:3 bucket-versioning',
      'b.yaml:6:11 tags-owner',
    ]);
  });

  it('fingerprints hash rule, file, address and path, and do not move with lines', () => {
    const before = template([{ address: 'B', type: 'AWS::S3::Bucket', properties: { VersioningConfiguration: { Status: 'Off' } } }]);
    const after = template([
      { address: 'Other', type: 'AWS::SQS::Queue', properties: { A: 1, B: 2 } },
      { address: 'B', type: 'AWS::S3::Bucket', properties: { Name: 'x', VersioningConfiguration: { Status: 'Off' } } },
    ]);
    const [f1] = evaluateRules([versioning], before.graph, { strict: false });
    const [f2] = evaluateRules([versioning], after.graph, { strict: false });
    expect(f1.at.start.line).not.toBe(f2.at.start.line);
    expect(f1.fingerprint).toBe(f2.fingerprint);
    expect(f1.fingerprint).toBe(sha('bucket-versioning|template.yaml|B|VersioningConfiguration.Status'));
  });

  it('tells apart failures that share rule, file, address and path', () => {
    // A referrer-side failure: two flow logs fail at the same path of their own.
    const rule = loadRule({
      id: 'vpc-flow-logs',
      check: { cloudformation: { resource: 'AWS::EC2::VPC', assert: { related: { type: 'AWS::EC2::FlowLog', via: 'ResourceId', assert: { path: 'TrafficType', equals: 'ALL' } } } } },
    });
    const t = template([
      { address: 'Vpc', type: 'AWS::EC2::VPC', properties: {} },
      { address: 'L1', type: 'AWS::EC2::FlowLog', properties: { ResourceId: ref('Vpc'), TrafficType: 'REJECT' } },
      { address: 'L2', type: 'AWS::EC2::FlowLog', properties: { ResourceId: ref('Vpc'), TrafficType: 'ACCEPT' } },
    ]);
    const findings = evaluateRules([rule], t.graph, { strict: false });
    const base = 'vpc-flow-logs|template.yaml|Vpc|TrafficType';
    expect(findings.map((f) => f.fingerprint)).toEqual([sha(base), sha(`${base}|2`)]);
    expect(findings.map((f) => textAt(t, f.at))).toEqual(['TrafficType: REJECT', 'TrafficType: ACCEPT']);
    // The finding is about the VPC; the place where it is decided is the flow log, and the VPC is named as related.
    expect(findings[0].resource.address).toBe('Vpc');
    expect(findings[0].related.map((r) => [textAt(t, r.range), r.message])).toEqual([['Vpc', 'the checked resource Vpc']]);
  });

  it('applies severity overrides and keeps the rule severity otherwise', () => {
    const t = template([{ address: 'B', type: 'AWS::S3::Bucket', properties: { Tags: [{ Key: 'temp' }] } }]);
    const findings = evaluateRules([versioning, tags], t.graph, { strict: false, severityOverrides: new Map([['tags-owner', 'low']]) });
    expect(findings.map((f) => `${f.rule.id}=${f.severity}`)).toEqual(['bucket-versioning=high', 'tags-owner=low']);
    expect(findings.every((f) => f.suppression === undefined)).toBe(true);
  });

  it('puts the origin of a value among the related locations', () => {
    const t = template([{ address: 'B', type: 'AWS::S3::Bucket', properties: { VersioningConfiguration: { Status: paramDefault('Mode') } } }], {
      parameters: { Mode: 'Suspended' },
    });
    const [finding] = evaluateRules([versioning], t.graph, { strict: false });
    expect(finding.related.map((r) => [textAt(t, r.range), r.message])).toEqual([['Suspended', 'value comes from here']]);
  });
});
