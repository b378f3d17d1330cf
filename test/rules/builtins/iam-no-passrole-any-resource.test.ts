import { describe, expect, it } from 'vitest';
import { actionPatternCovers } from '../../../src/rules/builtins/iam-actions';
import { ruleTester } from '../rule-tester';
import { paramDefault, unknown } from '../../helpers/resources';

const policy = (doc: unknown) => ({ type: 'AWS::IAM::ManagedPolicy', properties: { PolicyDocument: doc } as never });
const statement = (extra: Record<string, unknown>) => policy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Resource: '*', ...extra }] });
const check = { check: { cloudformation: { resource: 'AWS::IAM::ManagedPolicy', assert: { builtin: 'iam.noPassRoleOnAnyResource', path: 'PolicyDocument' } } } };

describe('actionPatternCovers', () => {
  const table: [string, boolean][] = [
    ['iam:PassRole', true],
    ['IAM:passrole', true],
    ['iam:Pass*', true],
    ['iam:*Role', true],
    ['iam:P?ssRole', true],
    ['iam:*', true],
    ['*', true],
    ['*:*', true],
    ['iam:PassRoles', false],
    ['iam:GetRole', false],
    ['iam:Pass', false],
    ['s3:*', false],
    ['iam.PassRole', false],
    ['', false],
  ];
  it.each(table)('%s covers iam:PassRole: %s', (pattern, covers) => {
    expect(actionPatternCovers(pattern, 'iam:PassRole')).toBe(covers);
  });
});

ruleTester('iam.noPassRoleOnAnyResource', check, {
  valid: [
    { name: 'PassRole on one role', resource: statement({ Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/app' }) },
    { name: 'PassRole on a list of roles', resource: statement({ Action: ['iam:PassRole'], Resource: ['arn:aws:iam::123456789012:role/a', 'arn:aws:iam::123456789012:role/b'] }) },
    { name: 'other IAM actions on *', resource: statement({ Action: ['iam:GetRole', 'iam:ListRoles'] }) },
    { name: 'another service on *', resource: statement({ Action: 's3:*' }) },
    { name: 'Deny', resource: policy({ Statement: [{ Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' }] }) },
    { name: 'no Effect grants nothing', resource: policy({ Statement: [{ Action: 'iam:PassRole', Resource: '*' }] }) },
    { name: 'NotAction that excludes IAM', resource: statement({ NotAction: ['iam:*', 'organizations:*'] }) },
    { name: 'NotAction that excludes PassRole by name', resource: statement({ NotAction: 'IAM:PassRole' }) },
    { name: 'neither Action nor NotAction', resource: statement({}) },
    { name: 'NotResource is not every resource by this rule', resource: policy({ Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', NotResource: 'arn:x' }] }) },
    { name: 'unknown Effect', resource: statement({ Effect: unknown('Ref to parameter Effect'), Action: 'iam:PassRole' }) },
    { name: 'unknown Resource', resource: statement({ Action: 'iam:PassRole', Resource: unknown('Ref to parameter Roles') }) },
    { name: 'unknown Action item', resource: statement({ Action: ['s3:GetObject', unknown('Ref to parameter Action')] }) },
    { name: 'unknown NotAction item', resource: statement({ NotAction: ['s3:*', unknown('Ref to parameter Excluded')] }) },
    { name: 'unknown Statement', resource: policy({ Statement: unknown('Fn::If') }) },
    { name: 'unknown document', resource: policy(unknown('Ref to parameter Doc')) },
    { name: 'JSON string that passes one role', resource: policy(JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::1:role/a' }] })) },
    { name: 'a string that is not JSON', resource: policy('not json {') },
    { name: 'no document', resource: { type: 'AWS::IAM::ManagedPolicy', properties: {} } },
  ],
  invalid: [
    {
      name: 'iam:PassRole on *, a condition on the service notwithstanding: at the Action property',
      resource: statement({ Action: 'iam:PassRole', Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } } }),
      errors: [{ path: 'PolicyDocument.Statement[0].Action', message: 'allows iam:PassRole on every resource (*)', at: 'Action: "iam:PassRole"' }],
    },
    {
      name: 'a pattern that covers it, among other actions: at that item',
      resource: statement({ Action: ['ec2:RunInstances', 'iam:Pass*'], Resource: ['arn:aws:ec2:*:*:instance/*', '*'] }),
      errors: [{ path: 'PolicyDocument.Statement[0].Action', at: '"iam:Pass*"' }],
    },
    { name: 'iam:*', resource: statement({ Action: 'iam:*' }), errors: ['PolicyDocument.Statement[0].Action'] },
    { name: 'every action', resource: statement({ Action: '*' }), errors: ['PolicyDocument.Statement[0].Action'] },
    { name: 'case does not matter', resource: statement({ Action: 'IAM:PASSROLE' }), errors: ['PolicyDocument.Statement[0].Action'] },
    {
      name: 'NotAction that leaves PassRole allowed: at NotAction',
      resource: statement({ NotAction: ['s3:*', 'ec2:*'] }),
      errors: [{ path: 'PolicyDocument.Statement[0].NotAction', message: 'every action but those in NotAction', at: 'NotAction' }],
    },
    {
      name: 'a single statement object',
      resource: policy({ Statement: { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' } }),
      errors: ['PolicyDocument.Statement.Action'],
    },
    {
      name: 'each offending statement, and one failing wins over an unknown one',
      resource: policy({
        Statement: [
          { Effect: unknown('Ref'), Action: 'iam:PassRole', Resource: '*' },
          { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
          { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::1:role/a' },
          { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
        ],
      }),
      errors: ['PolicyDocument.Statement[1].Action', 'PolicyDocument.Statement[3].Action'],
    },
    {
      name: 'a JSON string policy: at the string',
      resource: policy(JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }] })),
      errors: ['PolicyDocument.Statement[0].Action'],
    },
    {
      name: 'a JSON string from a parameter Default',
      resource: policy(paramDefault('Doc')),
      parameters: { Doc: JSON.stringify({ Statement: { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' } }) },
      errors: [{ path: 'PolicyDocument.Statement.Action', at: '!Ref Doc' }],
    },
  ],
});

ruleTester(
  'iam.noPassRoleOnAnyResource over inline policies',
  { check: { cloudformation: { resource: 'AWS::IAM::Role', assert: { each: 'Policies[*]', assert: { builtin: 'iam.noPassRoleOnAnyResource', path: 'PolicyDocument' } } } } },
  {
    valid: [{ name: 'no inline policies', resource: { type: 'AWS::IAM::Role', properties: { RoleName: 'r' } } }],
    invalid: [
      {
        name: 'the second policy',
        resource: {
          type: 'AWS::IAM::Role',
          properties: {
            Policies: [
              { PolicyName: 'read', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } },
              { PolicyName: 'pass', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }] } },
            ],
          },
        },
        errors: ['Policies[1].PolicyDocument.Statement[0].Action'],
      },
    ],
  },
);
