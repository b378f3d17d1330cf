import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseRuleText } from '../../../src/rules';
import { paramDefault, unknown } from '../../helpers/resources';
import { loadRule, ruleTester } from '../rule-tester';

const ACCESS_LOGS = { builtin: 'attributes.entry', path: 'LoadBalancerAttributes', args: { key: 'access_logs.s3.enabled', equals: true, default: false } };
const lb = (attributes?: unknown) => ({
  type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  properties: (attributes === undefined ? { Scheme: 'internal' } : { Scheme: 'internal', LoadBalancerAttributes: attributes }) as never,
});
const attr = (Key: unknown, Value: unknown) => ({ Key, Value }) as never;

ruleTester(
  'attributes.entry with a default',
  { check: { cloudformation: { resource: 'AWS::ElasticLoadBalancingV2::LoadBalancer', assert: ACCESS_LOGS } } },
  {
    valid: [
      { name: 'the entry set to true', resource: lb([attr('access_logs.s3.enabled', true)]) },
      { name: 'written as a string, among other entries', resource: lb([attr('idle_timeout.timeout_seconds', '60'), attr('access_logs.s3.enabled', 'true')]) },
      { name: 'an unknown value', resource: lb([attr('access_logs.s3.enabled', unknown('Ref to parameter Logs'))]) },
      { name: 'an unknown key might be the entry', resource: lb([attr(unknown('Ref to parameter Key'), 'false')]) },
      { name: 'an unknown list', resource: lb(unknown('Ref to parameter Attributes')) },
      { name: 'an unknown item', resource: lb([unknown('Fn::If'), attr('deletion_protection.enabled', true)]) },
      { name: 'a value from a parameter default', resource: lb([attr('access_logs.s3.enabled', paramDefault('Logs'))]), parameters: { Logs: 'true' } },
    ],
    invalid: [
      {
        name: 'the entry set to false: at its value',
        resource: lb([attr('idle_timeout.timeout_seconds', '60'), attr('access_logs.s3.enabled', 'false')]),
        errors: [{ path: 'LoadBalancerAttributes[1].Value', message: 'LoadBalancerAttributes entry access_logs.s3.enabled is false; expected true', at: 'Value: "false"' }],
      },
      {
        name: 'no such entry: at the list, with the default',
        resource: lb([attr('idle_timeout.timeout_seconds', '60')]),
        errors: [{ path: 'LoadBalancerAttributes', message: 'LoadBalancerAttributes has no access_logs.s3.enabled entry (provider default: false); expected true', at: 'LoadBalancerAttributes' }],
      },
      { name: 'no list: at the resource', resource: lb(), errors: [{ path: 'LoadBalancerAttributes', at: 'Subject' }] },
      { name: 'an empty list', resource: lb([]), errors: ['LoadBalancerAttributes'] },
      {
        name: 'every entry with the key is tested',
        resource: lb([attr('access_logs.s3.enabled', 'true'), attr('access_logs.s3.enabled', 'false')]),
        errors: ['LoadBalancerAttributes[1].Value'],
      },
      { name: 'a known false wins over an unknown key', resource: lb([attr(unknown('Ref'), 'true'), attr('access_logs.s3.enabled', false)]), errors: ['LoadBalancerAttributes[1].Value'] },
      {
        name: 'a value from a parameter default names the parameter',
        resource: lb([attr('access_logs.s3.enabled', paramDefault('Logs'))]),
        parameters: { Logs: 'false' },
        errors: ['LoadBalancerAttributes[0].Value'],
      },
    ],
  },
);

const IDLE_TIMEOUT = { builtin: 'attributes.entry', path: 'LoadBalancerAttributes', args: { key: 'idle_timeout.timeout_seconds', lte: 60, default: 60 } };

ruleTester(
  'attributes.entry under --strict',
  { check: { cloudformation: { resource: 'AWS::ElasticLoadBalancingV2::LoadBalancer', assert: IDLE_TIMEOUT } } },
  {
    valid: [
      { name: 'written explicitly', resource: lb([attr('idle_timeout.timeout_seconds', '30')]), strict: true },
      { name: 'left to the default without --strict', resource: lb([attr('deletion_protection.enabled', 'true')]) },
    ],
    invalid: [
      {
        name: 'a pass that relies on the default fails',
        resource: lb([attr('deletion_protection.enabled', 'true')]),
        strict: true,
        errors: [{ path: 'LoadBalancerAttributes', message: 'LoadBalancerAttributes does not set idle_timeout.timeout_seconds explicitly (provider default: 60)', at: 'LoadBalancerAttributes' }],
      },
      { name: 'a number over the limit', resource: lb([attr('idle_timeout.timeout_seconds', 120)]), errors: ['LoadBalancerAttributes[0].Value'] },
    ],
  },
);

const policy = (attributes: unknown) => ({ type: 'AWS::ElasticLoadBalancing::LoadBalancer', properties: { Policies: [{ PolicyName: 'tls', PolicyType: 'SSLNegotiationPolicyType', Attributes: attributes }] } as never });
const named = (Name: unknown, Value: unknown) => ({ Name, Value }) as never;

ruleTester(
  'attributes.entry with other field names and without a default',
  {
    check: {
      cloudformation: {
        resource: 'AWS::ElasticLoadBalancing::LoadBalancer',
        assert: {
          each: 'Policies[*]',
          assert: {
            any: [
              { builtin: 'attributes.entry', path: 'Attributes', args: { key: 'Protocol-TLSv1', keyField: 'Name', equals: false } },
              { builtin: 'attributes.entry', path: 'Attributes', args: { key: 'Protocol-TLSv1', keyField: 'Name', exists: false } },
            ],
          },
        },
      },
    },
  },
  {
    valid: [
      { name: 'switched off', resource: policy([named('Protocol-TLSv1', 'false')]) },
      { name: 'left out', resource: policy([named('Protocol-TLSv1.2', 'true')]) },
      { name: 'no attributes', resource: { type: 'AWS::ElasticLoadBalancing::LoadBalancer', properties: { Policies: [{ PolicyName: 'p', PolicyType: 'Other' }] } as never } },
      { name: 'a single map counts as a list of one', resource: policy(named('Protocol-TLSv1', false)) },
      { name: 'an entry without a value is treated as missing', resource: policy([{ Name: 'Protocol-TLSv1' }]) },
    ],
    invalid: [
      { name: 'switched on', resource: policy([named('Protocol-TLSv1.2', 'true'), named('Protocol-TLSv1', 'true')]), errors: [{ path: 'Policies[0].Attributes[1].Value', at: 'Value: "true"' }] },
    ],
  },
);

ruleTester(
  'attributes.entry with in, on Terraform blocks',
  {
    check: {
      terraform: {
        resource: 'aws_load_balancer_policy',
        assert: { builtin: 'attributes.entry', path: 'policy_attribute', args: { key: 'Reference-Security-Policy', keyField: 'name', valueField: 'value', in: ['ELBSecurityPolicy-TLS-1-2-2017-01'] } },
      },
    },
  },
  {
    valid: [{ name: 'a TLS 1.2 policy', resource: { type: 'aws_load_balancer_policy', properties: { policy_attribute: [{ name: 'Reference-Security-Policy', value: 'ELBSecurityPolicy-TLS-1-2-2017-01' }] } } }],
    invalid: [
      {
        name: 'an older policy',
        resource: { type: 'aws_load_balancer_policy', properties: { policy_attribute: [{ name: 'Reference-Security-Policy', value: 'ELBSecurityPolicy-2016-08' }] } },
        errors: [{ path: 'policy_attribute[0].value', message: 'entry Reference-Security-Policy is ELBSecurityPolicy-2016-08; expected one of ELBSecurityPolicy-TLS-1-2-2017-01' }],
      },
      {
        name: 'no such entry and no default',
        resource: { type: 'aws_load_balancer_policy', properties: { policy_attribute: [{ name: 'Protocol-TLSv1.2', value: 'true' }] } },
        errors: [{ path: 'policy_attribute', message: 'policy_attribute has no Reference-Security-Policy entry; expected one of' }],
      },
    ],
  },
);

describe('attributes.entry args', () => {
  const ruleWith = (args: Record<string, unknown>) =>
    stringify({
      id: 'test-rule',
      title: 'A rule under test',
      description: 'Written by the test.',
      severity: 'low',
      owner: 'customer',
      controls: { iso27001: ['A.8.15'], iso27017: ['12.4.1'] },
      remediation: { cloudformation: 'Fix it.' },
      references: ['https://example.com/rule'],
      check: { cloudformation: { resource: 'AWS::ElasticLoadBalancingV2::LoadBalancer', assert: { builtin: 'attributes.entry', path: 'LoadBalancerAttributes', args } } },
    });

  it('accepts a key with one operator', () => {
    expect(() => loadRule(ruleWith({ key: 'access_logs.s3.enabled', equals: true, default: false }))).not.toThrow();
  });

  it.each([
    ['no key', { equals: true }],
    ['no operator', { key: 'access_logs.s3.enabled' }],
    ['two operators', { key: 'access_logs.s3.enabled', equals: true, notEquals: false }],
    ['an unknown arg', { key: 'access_logs.s3.enabled', equals: true, field: 'Key' }],
  ])('rejects %s', (_name, args) => {
    const parsed = parseRuleText(ruleWith(args), '/virtual/test-rule.yaml', 'test-rule.yaml', 'test');
    expect(parsed.rule).toBeUndefined();
    expect(parsed.errors.length).toBeGreaterThan(0);
  });
});
