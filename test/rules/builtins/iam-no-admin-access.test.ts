import { ruleTester } from '../rule-tester';
import { paramDefault, unknown } from '../../helpers/resources';

const policy = (doc: unknown) => ({ type: 'AWS::IAM::ManagedPolicy', properties: { PolicyDocument: doc } as never });
const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' };

ruleTester(
  'iam.noAdminAccess',
  { check: { cloudformation: { resource: 'AWS::IAM::ManagedPolicy', assert: { builtin: 'iam.noAdminAccess', path: 'PolicyDocument' } } } },
  {
    valid: [
      { name: 'specific actions', resource: policy({ Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }] }) },
      { name: 'every action on one resource', resource: policy({ Statement: { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/*' } }) },
      { name: 'Deny', resource: policy({ Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] }) },
      { name: 'NotAction is not admin by this rule', resource: policy({ Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] }) },
      { name: 'NotResource is not admin by this rule', resource: policy({ Statement: [{ Effect: 'Allow', Action: '*', NotResource: 'arn:x' }] }) },
      { name: 'service wildcard is not full admin', resource: policy({ Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }) },
      { name: 'unknown Effect', resource: policy({ Statement: [{ Effect: unknown('Ref to parameter Effect'), Action: '*', Resource: '*' }] }) },
      { name: 'unknown Action item', resource: policy({ Statement: [{ Effect: 'Allow', Action: [unknown('Ref'), 's3:Get*'], Resource: '*' }] }) },
      { name: 'unknown Statement', resource: policy({ Statement: unknown('Fn::If') }) },
      { name: 'unknown document', resource: policy(unknown('Ref to parameter Doc')) },
      { name: 'JSON string that grants little', resource: policy(JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] })) },
      { name: 'a string that is not JSON', resource: policy('not json {') },
      { name: 'no document', resource: { type: 'AWS::IAM::ManagedPolicy', properties: {} } },
    ],
    invalid: [
      {
        name: 'a single statement with scalar Action: at the Action property',
        resource: policy({ Version: '2012-10-17', Statement: allowAll }),
        errors: [{ path: 'PolicyDocument.Statement.Action', message: 'PolicyDocument.Statement allows every action (*) on every resource (*)', at: 'Action: "*"' }],
      },
      {
        name: 'the wildcard item of an Action list, "*:*", Resource list',
        resource: policy({ Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }, { Effect: 'Allow', Action: ['ec2:Describe*', '*:*'], Resource: ['arn:x', '*'] }] }),
        errors: [{ path: 'PolicyDocument.Statement[1].Action', at: '"*:*"' }],
      },
      {
        name: 'a failing statement wins over an unknown one',
        resource: policy({ Statement: [{ Effect: unknown('Ref'), Action: '*', Resource: '*' }, allowAll] }),
        errors: ['PolicyDocument.Statement[1].Action'],
      },
      {
        name: 'a JSON string policy: at the string',
        resource: policy(JSON.stringify({ Statement: [allowAll] })),
        errors: [{ path: 'PolicyDocument.Statement[0].Action', at: JSON.stringify(JSON.stringify({ Statement: [allowAll] })) }],
      },
      {
        name: 'a JSON string from a parameter Default',
        resource: policy(paramDefault('Doc')),
        parameters: { Doc: JSON.stringify({ Statement: allowAll }) },
        errors: [{ path: 'PolicyDocument.Statement.Action', at: '!Ref Doc' }],
      },
    ],
  },
);

ruleTester(
  'iam.noAdminAccess over inline policies',
  { check: { cloudformation: { resource: 'AWS::IAM::Role', assert: { builtin: 'iam.noAdminAccess', path: 'Policies[*].PolicyDocument' } } } },
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
              { PolicyName: 'all', PolicyDocument: { Statement: [allowAll] } },
            ],
          },
        },
        errors: ['Policies[1].PolicyDocument.Statement[0].Action'],
      },
    ],
  },
);
