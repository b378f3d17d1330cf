import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../../src/graph/graph';
import { evaluateRules } from '../../src/rules';
import { loadRule, ruleTester } from './rule-tester';
import { ref, refOutside, template, unknown } from '../helpers/resources';

const vpc = { type: 'AWS::EC2::VPC', properties: { CidrBlock: '10.0.0.0/16' } };
const flowLog = (address: string, properties: Record<string, unknown>) => ({ address, type: 'AWS::EC2::FlowLog', properties: properties as never });

ruleTester(
  'related',
  {
    check: {
      cloudformation: {
        resource: 'AWS::EC2::VPC',
        assert: { related: { type: 'AWS::EC2::FlowLog', via: 'ResourceId', assert: { path: 'TrafficType', equals: 'ALL' } } },
      },
    },
  },
  {
    valid: [
      { name: 'a referrer that satisfies assert', resource: vpc, others: [flowLog('Logs', { ResourceId: ref('Subject'), TrafficType: 'ALL' })] },
      {
        name: 'one of several referrers satisfies assert',
        resource: vpc,
        others: [flowLog('Rejects', { ResourceId: ref('Subject'), TrafficType: 'REJECT' }), flowLog('All', { ResourceId: ref('Subject'), TrafficType: 'ALL' })],
      },
      { name: 'a flow log with an unknown ResourceId might point here', resource: vpc, others: [flowLog('Logs', { ResourceId: unknown('Ref to parameter VpcId'), TrafficType: 'ALL' })] },
      { name: 'a reference to a resource outside the scan might point here', resource: vpc, others: [flowLog('Logs', { ResourceId: refOutside('other.yaml#Vpc'), TrafficType: 'ALL' })] },
      { name: 'a referrer with an unknown assert value', resource: vpc, others: [flowLog('Logs', { ResourceId: ref('Subject'), TrafficType: unknown('Ref to parameter Traffic') })] },
    ],
    invalid: [
      { name: 'no referrer: at the resource', resource: vpc, errors: [{ path: '', message: 'no AWS::EC2::FlowLog references Subject in ResourceId', at: 'Subject' }] },
      {
        name: 'a reference at another path does not count',
        resource: vpc,
        others: [flowLog('Logs', { ResourceId: 'vpc-123', DeliverLogsPermissionArn: ref('Subject'), TrafficType: 'ALL' })],
        errors: [{ path: '', at: 'Subject' }],
      },
      {
        name: 'a flow log of another VPC of the scan does not make this one unknown',
        resource: vpc,
        others: [{ address: 'Other', ...vpc }, flowLog('Logs', { ResourceId: ref('Other'), TrafficType: 'ALL' })],
        errors: [{ path: '', at: 'Subject' }],
      },
      {
        name: 'referrers that fail assert: their failures at their own properties',
        resource: vpc,
        others: [flowLog('A', { ResourceId: ref('Subject'), TrafficType: 'REJECT' }), flowLog('B', { ResourceId: ref('Subject') })],
        errors: [
          { path: 'TrafficType', message: 'TrafficType is REJECT; expected ALL', at: 'TrafficType: REJECT' },
          { path: 'TrafficType', message: 'TrafficType is not set', at: 'B' },
        ],
      },
    ],
  },
);

const bucket = (name: string) => ({ type: 'AWS::S3::Bucket', properties: { BucketName: name } as never });
/** A bucket policy names its bucket (`Bucket: my-bucket`) or references it (`!Ref Bucket`). */
const policy = (address: string, target: unknown) => ({ address, type: 'AWS::S3::BucketPolicy', properties: { Bucket: target } as never });

ruleTester(
  'related byName: a referrer may name this resource instead of referencing it',
  {
    check: {
      cloudformation: {
        resource: 'AWS::S3::Bucket',
        assert: { related: { type: 'AWS::S3::BucketPolicy', via: 'Bucket', byName: 'BucketName' } },
      },
    },
  },
  {
    valid: [
      { name: 'named by its BucketName', resource: bucket('central-logs'), others: [policy('Policy', 'central-logs')] },
      { name: 'referenced, as before', resource: bucket('central-logs'), others: [policy('Policy', ref('Subject'))] },
    ],
    invalid: [
      { name: 'another name does not count', resource: bucket('central-logs'), others: [policy('Policy', 'other-logs')], errors: [{ path: '', at: 'Subject' }] },
      { name: 'a resource without a name is never named', resource: { type: 'AWS::S3::Bucket', properties: {} as never }, others: [policy('Policy', 'central-logs')], errors: [{ path: '', at: 'Subject' }] },
    ],
  },
);

ruleTester(
  'related without assert, a list of types, Terraform',
  {
    check: {
      terraform: { resource: 'aws_s3_bucket', assert: { related: { type: ['aws_s3_bucket_versioning', 'aws_s3_bucket_acl'], via: 'bucket' } } },
    },
  },
  {
    valid: [{ name: 'a referrer', resource: { type: 'aws_s3_bucket', properties: {} }, others: [{ address: 'v', type: 'aws_s3_bucket_versioning', properties: { bucket: ref('Subject', 'id') } }] }],
    invalid: [
      {
        name: 'a referrer of another type does not count',
        resource: { type: 'aws_s3_bucket', properties: {} },
        others: [{ address: 'p', type: 'aws_s3_bucket_policy', properties: { bucket: ref('Subject', 'id') } }],
        errors: [{ path: '', message: 'no aws_s3_bucket_versioning or aws_s3_bucket_acl references Subject in bucket' }],
      },
    ],
  },
);

const instance = (launchTemplate: unknown) => ({ type: 'AWS::EC2::Instance', properties: { LaunchTemplate: { LaunchTemplateId: launchTemplate } } as never });
const launchTemplate = (address: string, tokens: string) => ({
  address,
  type: 'AWS::EC2::LaunchTemplate',
  properties: { LaunchTemplateData: { MetadataOptions: { HttpTokens: tokens } } },
});

ruleTester(
  'target',
  {
    check: {
      cloudformation: {
        resource: 'AWS::EC2::Instance',
        assert: {
          target: {
            path: 'LaunchTemplate.LaunchTemplateId',
            type: 'AWS::EC2::LaunchTemplate',
            assert: { path: 'LaunchTemplateData.MetadataOptions.HttpTokens', equals: 'required' },
          },
        },
      },
    },
  },
  {
    valid: [
      { name: 'the referenced resource passes', resource: instance(ref('Lt')), others: [launchTemplate('Lt', 'required')] },
      { name: 'a reference outside the scan is unknown', resource: instance(refOutside('elsewhere#Lt')) },
      { name: 'a literal id is unknown', resource: instance('lt-0123456789') },
      { name: 'an unknown without references', resource: instance(unknown('Ref to parameter TemplateId')) },
      {
        name: 'a referenced resource of another type is not checked',
        resource: instance(ref('Bucket')),
        others: [{ address: 'Bucket', type: 'AWS::S3::Bucket', properties: {} }],
      },
    ],
    invalid: [
      {
        name: 'the referenced resource fails: at its property, for the checked resource',
        resource: instance(ref('Lt')),
        others: [launchTemplate('Lt', 'optional')],
        errors: [{ path: 'LaunchTemplateData.MetadataOptions.HttpTokens', at: 'HttpTokens: optional' }],
      },
      {
        name: 'an absent path fails like a property test',
        resource: { type: 'AWS::EC2::Instance', properties: { ImageId: 'ami-1' } },
        errors: [{ path: 'LaunchTemplate.LaunchTemplateId', message: 'LaunchTemplate.LaunchTemplateId is not set', at: 'Subject' }],
      },
    ],
  },
);

ruleTester(
  'a rule written as a whole YAML file',
  `id: aws-ec2-instance-imdsv2
title: Instances require IMDSv2
description: Tokens protect the metadata service from SSRF.
severity: high
owner: customer
controls: { iso27001: [A.8.9], iso27017: ["12.6.1"] }
remediation: { cloudformation: Set MetadataOptions.HttpTokens to required in the launch template. }
references: [https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html]
check:
  cloudformation:
    resource: AWS::EC2::Instance
    assert:
      target:
        path: LaunchTemplate.LaunchTemplateId
        assert: { path: LaunchTemplateData.MetadataOptions.HttpTokens, equals: required }
    message: Instance {address} does not require IMDSv2
`,
  {
    valid: [{ name: 'required', resource: instance(ref('Lt')), others: [launchTemplate('Lt', 'required')] }],
    invalid: [
      {
        name: 'optional',
        resource: instance(ref('Lt')),
        others: [launchTemplate('Lt', 'optional')],
        errors: [{ path: 'LaunchTemplateData.MetadataOptions.HttpTokens', message: /^Instance Subject does not require IMDSv2: LaunchTemplateData\.MetadataOptions\.HttpTokens is optional; expected required$/ }],
      },
    ],
  },
);

describe('related across deployment units', () => {
  const rule = loadRule({
    check: { cloudformation: { resource: 'AWS::EC2::VPC', assert: { related: { type: 'AWS::EC2::FlowLog', via: 'ResourceId' } } } },
  });
  const withUnknownFlowLog = template([flowLog('Logs', { ResourceId: unknown('Ref to parameter VpcId') })], { file: 'network.yaml' });
  const bareVpc = template([{ address: 'Vpc', ...vpc }], { file: 'app.yaml' });

  it('an unknown in another template does not mute a finding in this one', () => {
    const graph = new ResourceGraph([...withUnknownFlowLog.resources, ...bareVpc.resources]);
    expect(evaluateRules([rule], graph, { strict: false }).map((f) => `${f.resource.file} ${f.resource.address}`)).toEqual(['app.yaml Vpc']);
  });

  it('an unknown in the same template still does', () => {
    const same = template([{ address: 'Vpc', ...vpc }, flowLog('Logs', { ResourceId: unknown('Ref to parameter VpcId') })], { file: 'app.yaml' });
    expect(evaluateRules([rule], same.graph, { strict: false })).toEqual([]);
  });
});
