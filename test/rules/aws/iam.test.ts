/** aws-iam-no-admin-policy: its Terraform checks, over every place a configuration grants a policy. */
import { unknown } from '../../helpers/resources';
import { ruleTester, shippedRule } from '../rule-tester';

const ADMIN_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' };
const readOnly = { Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::data/*' };
const policy = (type: string, doc: unknown) => ({ type, properties: { name: 'p', policy: doc } as never });
const role = (properties: Record<string, unknown>) => ({ type: 'aws_iam_role', properties: { name: 'r', assume_role_policy: '{}', ...properties } as never });

ruleTester('aws-iam-no-admin-policy (Terraform)', shippedRule('aws-iam-no-admin-policy'), {
  valid: [
    { name: 'jsonencode of a scoped policy (a map)', resource: policy('aws_iam_policy', { Version: '2012-10-17', Statement: [readOnly] }) },
    { name: 'a JSON string of a scoped policy', resource: policy('aws_iam_role_policy', JSON.stringify({ Statement: [readOnly] })) },
    { name: 'a policy from a variable', resource: policy('aws_iam_user_policy', unknown('var.policy')) },
    {
      name: 'a trust policy that lets anyone assume the role grants no actions',
      resource: role({ assume_role_policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: '*' } }] }) }),
    },
    { name: 'a role with a scoped inline policy and managed policies', resource: role({ inline_policy: [{ name: 'read', policy: { Statement: [readOnly] } }], managed_policy_arns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }) },
    { name: 'a role with an empty managed_policy_arns', resource: role({ managed_policy_arns: [] }) },
    { name: 'a role with an unknown managed policy', resource: role({ managed_policy_arns: [unknown('aws_iam_policy.x.arn')] }) },
    { name: 'a scoped attachment', resource: { type: 'aws_iam_role_policy_attachment', properties: { role: 'r', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } } },
    { name: 'an attachment of a policy from a data source', resource: { type: 'aws_iam_group_policy_attachment', properties: { group: 'g', policy_arn: unknown('data.aws_iam_policy.p.arn') } } },
  ],
  invalid: [
    {
      name: 'jsonencode of Allow * on *: at the Action',
      resource: policy('aws_iam_policy', { Version: '2012-10-17', Statement: [readOnly, allowAll] }),
      errors: [{ path: 'policy.Statement[1].Action', message: 'Subject grants full administrator access: policy.Statement[1] allows every action (*) on every resource (*)', at: 'Action: "*"' }],
    },
    { name: 'a JSON string', resource: policy('aws_iam_group_policy', JSON.stringify({ Statement: allowAll })), errors: ['policy.Statement.Action'] },
    { name: 'a role inline policy', resource: role({ inline_policy: [{ name: 'read', policy: { Statement: [readOnly] } }, { name: 'all', policy: JSON.stringify({ Statement: [allowAll] }) }] }), errors: ['inline_policy[1].policy.Statement[0].Action'] },
    {
      name: 'a role with AdministratorAccess in managed_policy_arns',
      resource: role({ managed_policy_arns: ['arn:aws:iam::aws:policy/ReadOnlyAccess', ADMIN_ARN] }),
      errors: [{ path: 'managed_policy_arns[1]', message: 'attaches the AWS managed policy AdministratorAccess', at: JSON.stringify(ADMIN_ARN) }],
    },
    ...['aws_iam_role_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group_policy_attachment', 'aws_iam_policy_attachment'].map((type) => ({
      name: `${type} of AdministratorAccess`,
      resource: { type, properties: { name: 'a', policy_arn: ADMIN_ARN } },
      errors: [{ path: 'policy_arn', at: `policy_arn: ${JSON.stringify(ADMIN_ARN)}` }],
    })),
    { name: 'an Identity Center attachment, GovCloud partition', resource: { type: 'aws_ssoadmin_managed_policy_attachment', properties: { managed_policy_arn: 'arn:aws-us-gov:iam::aws:policy/AdministratorAccess' } }, errors: ['managed_policy_arn'] },
    { name: 'an Identity Center inline policy', resource: { type: 'aws_ssoadmin_permission_set_inline_policy', properties: { inline_policy: JSON.stringify({ Statement: [{ ...allowAll, Action: ['*:*'] }] }) } }, errors: ['inline_policy.Statement[0].Action'] },
  ],
});

ruleTester('aws-iam-no-admin-policy (CloudFormation managed policy lists)', shippedRule('aws-iam-no-admin-policy'), {
  valid: [
    { name: 'an empty ManagedPolicyArns attaches nothing', resource: { type: 'AWS::IAM::Role', properties: { AssumeRolePolicyDocument: {}, ManagedPolicyArns: [] } } },
    { name: 'an empty ManagedPolicies attaches nothing', resource: { type: 'AWS::SSO::PermissionSet', properties: { Name: 'p', ManagedPolicies: [] } } },
  ],
  invalid: [
    { name: 'AdministratorAccess among others', resource: { type: 'AWS::IAM::User', properties: { ManagedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess', ADMIN_ARN] } }, errors: ['ManagedPolicyArns[1]'] },
  ],
});
