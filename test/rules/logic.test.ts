import { ruleTester } from './rule-tester';
import { unknown } from '../helpers/resources';

const bucket = (properties: Record<string, unknown>) => ({ type: 'AWS::S3::Bucket', properties: properties as never });
const check = (assert: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  check: { cloudformation: { resource: 'AWS::S3::Bucket', assert, ...extra } },
});

ruleTester('default and strict', check({ path: 'VersioningConfiguration.Status', equals: 'Enabled', default: 'Enabled' }), {
  valid: [
    { name: 'absent relies on the default', resource: bucket({}) },
    { name: 'set explicitly, strict', resource: bucket({ VersioningConfiguration: { Status: 'Enabled' } }), strict: true },
  ],
  invalid: [
    {
      name: 'strict turns a pass on the default into a failure',
      resource: bucket({}),
      strict: true,
      errors: [{ path: 'VersioningConfiguration.Status', message: /^VersioningConfiguration\.Status is not set explicitly \(provider default: Enabled\)$/, at: 'Subject' }],
    },
    { name: 'a written value still fails', resource: bucket({ VersioningConfiguration: { Status: 'Suspended' } }), errors: ['VersioningConfiguration.Status'] },
  ],
});

ruleTester('absent', check({ absent: 'AccessControl' }), {
  valid: [
    { name: 'not set', resource: bucket({}) },
    { name: 'unknown is no finding', resource: bucket({ AccessControl: unknown('Ref to parameter Acl') }) },
  ],
  invalid: [
    { name: 'set', resource: bucket({ AccessControl: 'PublicRead' }), errors: [{ path: 'AccessControl', message: 'AccessControl is set to PublicRead', at: 'AccessControl: PublicRead' }] },
    { name: 'strict fails the reliance on the default', resource: bucket({}), strict: true, errors: [{ path: 'AccessControl', message: 'not set explicitly' }] },
  ],
});

ruleTester('any: leave the safe default alone, or set it safe', check({ any: [{ absent: 'AccessControl' }, { path: 'AccessControl', equals: 'Private' }] }), {
  valid: [
    { name: 'absent', resource: bucket({}) },
    { name: 'set safe', resource: bucket({ AccessControl: 'Private' }) },
    { name: 'set safe, strict: the explicit part wins over the default', resource: bucket({ AccessControl: 'Private' }), strict: true },
  ],
  invalid: [
    { name: 'set unsafe: the failures of the first part', resource: bucket({ AccessControl: 'PublicRead' }), errors: [{ path: 'AccessControl', message: 'is set to PublicRead' }] },
    { name: 'absent, strict', resource: bucket({}), strict: true, errors: [{ path: 'AccessControl', message: 'not set explicitly' }] },
  ],
});

ruleTester('any: unknown when none passes and one is unknown', check({ any: [{ path: 'A', equals: 1 }, { path: 'B', equals: 1 }] }), {
  valid: [
    { name: 'second passes', resource: bucket({ A: 2, B: 1 }) },
    { name: 'second unknown', resource: bucket({ A: 2, B: unknown('Ref') }) },
  ],
  invalid: [{ name: 'both fail: only the first part is reported', resource: bucket({ A: 2, B: 2 }), errors: ['A'] }],
});

ruleTester('all', check({ all: [{ path: 'A', equals: 1 }, { path: 'B', equals: 1 }] }), {
  valid: [
    { name: 'both hold', resource: bucket({ A: 1, B: 1 }) },
    { name: 'one unknown, none failing', resource: bucket({ A: 1, B: unknown('Ref') }) },
  ],
  invalid: [
    { name: 'all failures of all parts', resource: bucket({ A: 2, B: 3 }), errors: ['A', 'B'] },
    { name: 'a failure wins over an unknown', resource: bucket({ A: unknown('Ref'), B: 3 }), errors: ['B'] },
  ],
});

ruleTester('not', check({ not: { path: 'PublicAccess', equals: true } }), {
  valid: [
    { name: 'false', resource: bucket({ PublicAccess: false }) },
    { name: 'absent: the inner test fails, so not passes', resource: bucket({}) },
    { name: 'unknown stays unknown', resource: bucket({ PublicAccess: unknown('Ref') }) },
  ],
  invalid: [
    {
      name: 'the failure sits where the inner condition found its proof',
      resource: bucket({ Other: 1, PublicAccess: 'True' }),
      errors: [{ path: 'PublicAccess', message: 'PublicAccess is True; expected anything but true', at: 'PublicAccess: "True"' }],
    },
  ],
});

ruleTester('not over a default: strict sees the reliance', check({ not: { path: 'Encrypted', equals: false, default: true } }), {
  valid: [{ name: 'absent, relying on the default true', resource: bucket({}) }],
  invalid: [
    { name: 'absent, strict', resource: bucket({}), strict: true, errors: [{ path: 'Encrypted', message: 'Encrypted is not set explicitly (provider default: true)' }] },
    { name: 'explicit false', resource: bucket({ Encrypted: false }), errors: ['Encrypted'] },
  ],
});

ruleTester(
  'each with where',
  check({
    each: 'Rules[*]',
    where: { path: 'Kind', equals: 'ingress' },
    assert: { path: 'Cidr', notEquals: '0.0.0.0/0' },
  }),
  {
    valid: [
      { name: 'no list: no items', resource: bucket({}) },
      { name: 'empty list', resource: bucket({ Rules: [] }) },
      { name: 'where skips egress', resource: bucket({ Rules: [{ Kind: 'egress', Cidr: '0.0.0.0/0' }] }) },
      { name: 'where unknown skips the item', resource: bucket({ Rules: [{ Kind: unknown('Ref'), Cidr: '0.0.0.0/0' }] }) },
      { name: 'an unknown list', resource: bucket({ Rules: unknown('Fn::If') }) },
    ],
    invalid: [
      {
        name: 'each failing item, with paths from the resource root',
        resource: bucket({ Rules: [{ Kind: 'ingress', Cidr: '0.0.0.0/0' }, { Kind: 'ingress', Cidr: '10.0.0.0/8' }, { Kind: 'ingress', Cidr: '0.0.0.0/0' }] }),
        errors: [
          { path: 'Rules[0].Cidr', at: 'Cidr: "0.0.0.0/0"' },
          { path: 'Rules[2].Cidr', message: 'Rules[2].Cidr is 0.0.0.0/0; expected anything but 0.0.0.0/0' },
        ],
      },
      {
        name: 'a missing property of an item points at the item',
        resource: bucket({ Rules: [{ Kind: 'ingress' }] }),
        errors: [{ path: 'Rules[0].Cidr', at: 'Kind' }],
      },
    ],
  },
);

ruleTester('check message template', check({ path: 'A', equals: 1 }, { message: '{type} {address} is misconfigured' }), {
  valid: [],
  invalid: [
    { name: 'template and detail', resource: bucket({ A: 2 }), errors: [{ path: 'A', message: /^AWS::S3::Bucket Subject is misconfigured: A is 2; expected 1$/ }] },
  ],
});

ruleTester('where', check({ path: 'B', equals: 1 }, { where: { path: 'A', equals: 'on' } }), {
  valid: [
    { name: 'where fails: not applicable', resource: bucket({ A: 'off', B: 2 }) },
    { name: 'where unknown: skipped', resource: bucket({ A: unknown('Ref'), B: 2 }) },
    { name: 'where absent: skipped', resource: bucket({ B: 2 }) },
  ],
  invalid: [{ name: 'applies', resource: bucket({ A: 'on', B: 2 }), errors: ['B'] }],
});
