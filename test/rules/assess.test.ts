import { describe, expect, it } from 'vitest';
import { assessRules } from '../../src/rules';
import { template, unknown } from '../helpers/resources';
import { loadRule, shippedRule } from './rule-tester';

/** Encrypted storage, checked only on databases that are not replicas; left out, the provider encrypts. */
const encrypted = loadRule({
  id: 'db-encrypted',
  check: {
    cloudformation: {
      resource: 'AWS::RDS::DBInstance',
      where: { absent: 'SourceDBInstanceIdentifier' },
      assert: { path: 'StorageEncrypted', equals: true, default: true },
    },
  },
});

describe('assessRules: an outcome for every resource a rule checks', () => {
  it.each([
    ['a written value that holds', { StorageEncrypted: true }, false, { outcome: 'pass' }, 0],
    ['a provider default that holds', {}, false, { outcome: 'pass', byDefault: true }, 0],
    ['a provider default under --strict', {}, true, { outcome: 'fail' }, 1],
    ['a written value that does not hold', { StorageEncrypted: false }, false, { outcome: 'fail' }, 1],
    ['a value left to deployment', { StorageEncrypted: unknown('parameter Encrypt has no value') }, false, { outcome: 'unknown', why: 'StorageEncrypted is unknown: parameter Encrypt has no value' }, 0],
    ['a resource the where leaves out', { SourceDBInstanceIdentifier: 'orders' }, false, { outcome: 'not-applicable' }, 0],
    [
      'a where that waits for deployment',
      { SourceDBInstanceIdentifier: unknown('Ref to parameter Source') },
      false,
      { outcome: 'unknown', why: 'whether the rule applies: SourceDBInstanceIdentifier is unknown: Ref to parameter Source' },
      0,
    ],
  ])('%s', (_name, properties, strict, verdict, findings) => {
    const t = template([{ address: 'Db', type: 'AWS::RDS::DBInstance', properties }]);
    const assessed = assessRules([encrypted], t.graph, { strict });
    expect(assessed.evaluations).toEqual([{ rule: 'db-encrypted', resource: 'template.yaml#Db', ...verdict }]);
    expect(assessed.findings).toHaveLength(findings);
  });

  it('judges each resource of the rule once, across its checks, the gravest verdict winning', () => {
    const twoChecks = loadRule({
      id: 'two-checks',
      check: {
        cloudformation: [
          { resource: 'AWS::S3::Bucket', assert: { path: 'A', equals: 1 } },
          { resource: 'AWS::S3::Bucket', assert: { path: 'B', equals: 1 } },
        ],
      },
    });
    const t = template([
      { address: 'Both', type: 'AWS::S3::Bucket', properties: { A: 1, B: 1 } },
      { address: 'Undecided', type: 'AWS::S3::Bucket', properties: { A: 1, B: unknown('no value') } },
      { address: 'Failing', type: 'AWS::S3::Bucket', properties: { A: 2, B: unknown('no value') } },
    ]);
    const outcomes = assessRules([twoChecks], t.graph, { strict: false }).evaluations.map((e) => [e.resource, e.outcome]);
    expect(outcomes).toEqual([
      ['template.yaml#Both', 'pass'],
      ['template.yaml#Undecided', 'unknown'],
      ['template.yaml#Failing', 'fail'],
    ]);
  });

  it('gives no evaluation for a resource of a type the rule does not check', () => {
    const t = template([{ address: 'Queue', type: 'AWS::SQS::Queue', properties: {} }]);
    expect(assessRules([encrypted], t.graph, { strict: false })).toEqual({ findings: [], evaluations: [] });
  });
});

describe('assessRules: SAM functions and the API authorization rule', () => {
  const rule = shippedRule('aws-apigateway-authorization');
  const fn = (properties: object) => template([{ address: 'Fn', type: 'AWS::Serverless::Function', properties: properties as never }]);

  it.each([
    ['no events', {}],
    ['only events that are not API events', { Events: { Nightly: { Type: 'Schedule', Properties: { Schedule: 'rate(1 day)' } } } }],
  ])('a function with %s is not applicable: it has no method to evidence authorization', (_name, properties) => {
    const outcomes = assessRules([rule], fn(properties).graph, { strict: false }).evaluations.map((e) => e.outcome);
    expect(outcomes).toEqual(['not-applicable']);
  });
});
