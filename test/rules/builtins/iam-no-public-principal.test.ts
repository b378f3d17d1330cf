import { ruleTester } from '../rule-tester';
import { paramDefault, unknown } from '../../helpers/resources';

const policy = (doc: unknown) => ({ type: 'AWS::S3::BucketPolicy', properties: { Bucket: 'b', PolicyDocument: doc } as never });
const statement = (extra: Record<string, unknown>) => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', ...extra });
const check = { check: { cloudformation: { resource: 'AWS::S3::BucketPolicy', assert: { builtin: 'iam.noPublicPrincipal', path: 'PolicyDocument' } } } };

ruleTester('iam.noPublicPrincipal', check, {
  valid: [
    { name: 'an account principal', resource: policy({ Statement: [statement({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } })] }) },
    { name: 'a service principal', resource: policy({ Statement: [statement({ Principal: { Service: 'logging.s3.amazonaws.com' } })] }) },
    { name: 'Deny to everyone', resource: policy({ Statement: [statement({ Effect: 'Deny', Principal: '*' })] }) },
    { name: '* limited to a VPC endpoint', resource: policy({ Statement: [statement({ Principal: '*', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })] }) },
    { name: '* limited to VPC endpoints an account owns', resource: policy({ Statement: [statement({ Principal: '*', Condition: { StringEquals: { 'aws:VpceAccount': '111122223333' } } })] }) },
    { name: '* limited to VPC endpoints an organization owns', resource: policy({ Statement: [statement({ Principal: '*', Condition: { StringEquals: { 'aws:VpceOrgID': 'o-abc123' } } })] }) },
    { name: '* limited to the units below one organization', resource: policy({ Statement: [statement({ Principal: '*', Condition: { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': ['o-abc123/r-ab12/ou-ab12-11111111/*'] } } })] }) },
    { name: '* limited to an organization, key in another case', resource: policy({ Statement: [statement({ Principal: { AWS: '*' }, Condition: { StringEquals: { 'aws:principalorgid': ['o-abc123'] } } })] }) },
    { name: '* limited to a source ARN by ArnLike without wildcard', resource: policy({ Statement: [statement({ Principal: '*', Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/main' } } })] }) },
    { name: '* limited to a network', resource: policy({ Statement: [statement({ Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } })] }) },
    { name: 'ForAnyValue: form of a matching operator', resource: policy({ Statement: [statement({ Principal: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:SourceAccount': '111122223333' } } })] }) },
    { name: 'unknown Principal', resource: policy({ Statement: [statement({ Principal: unknown('Ref to parameter Principal') })] }) },
    { name: 'unknown AWS principal item', resource: policy({ Statement: [statement({ Principal: { AWS: [unknown('Ref'), 'arn:aws:iam::111122223333:root'] } })] }) },
    { name: 'unknown Effect', resource: policy({ Statement: [statement({ Effect: unknown('Ref'), Principal: '*' })] }) },
    { name: 'unknown condition value', resource: policy({ Statement: [statement({ Principal: '*', Condition: { StringEquals: { 'aws:SourceVpce': unknown('Ref to parameter Endpoint') } } })] }) },
    { name: 'unknown Statement', resource: policy({ Statement: unknown('Fn::If') }) },
    { name: 'unknown document', resource: policy(unknown('Ref to parameter Doc')) },
    { name: 'a JSON string that names an account', resource: policy(JSON.stringify({ Statement: [statement({ Principal: { AWS: '111122223333' } })] })) },
    { name: 'no document', resource: { type: 'AWS::S3::BucketPolicy', properties: { Bucket: 'b' } } },
  ],
  invalid: [
    {
      name: 'Principal "*"',
      resource: policy({ Statement: [statement({ Principal: '*' })] }),
      errors: [{ path: 'PolicyDocument.Statement[0].Principal', message: 'allows every principal (*), anonymous requests included', at: 'Principal: "*"' }],
    },
    {
      name: '"*" among the AWS principals of a single statement',
      resource: policy({ Statement: statement({ Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'] } }) }),
      errors: [{ path: 'PolicyDocument.Statement.Principal.AWS[1]', at: '"*"' }],
    },
    { name: 'AWS "*"', resource: policy({ Statement: [statement({ Principal: { AWS: '*' } })] }), errors: [{ path: 'PolicyDocument.Statement[0].Principal.AWS', at: 'AWS: "*"' }] },
    { name: 'NotPrincipal with Allow', resource: policy({ Statement: [statement({ NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } })] }), errors: [{ path: 'PolicyDocument.Statement[0].NotPrincipal', message: 'everyone but' }] },
    { name: 'a condition that limits nothing: TLS only', resource: policy({ Statement: [statement({ Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } })] }), errors: ['PolicyDocument.Statement[0].Principal'] },
    { name: 'a negated operator', resource: policy({ Statement: [statement({ Principal: '*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } })] }), errors: ['PolicyDocument.Statement[0].Principal'] },
    { name: 'an IfExists operator', resource: policy({ Statement: [statement({ Principal: '*', Condition: { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-1' } } })] }), errors: ['PolicyDocument.Statement[0].Principal'] },
    { name: 'VPC endpoints of any organization', resource: policy({ Statement: [statement({ Principal: '*', Condition: { 'ForAnyValue:StringLike': { 'aws:VpceOrgPaths': 'o-*/*' } } })] }), errors: ['PolicyDocument.Statement[0].Principal'] },
    { name: 'a wildcard value', resource: policy({ Statement: [statement({ Principal: '*', Condition: { StringLike: { 'aws:SourceArn': 'arn:aws:cloudtrail:*' } } })] }), errors: ['PolicyDocument.Statement[0].Principal'] },
    { name: 'a policy variable', resource: policy({ Statement: [statement({ Principal: '*', Condition: { StringEquals: { 'aws:userid': '${aws:userid}' } } })] }), errors: ['PolicyDocument.Statement[0].Principal'] },
    { name: 'aws:SourceIp of the whole internet', resource: policy({ Statement: [statement({ Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '0.0.0.0/0'] } } })] }), errors: ['PolicyDocument.Statement[0].Principal'] },
    { name: 'aws:SourceIp under a string operator', resource: policy({ Statement: [statement({ Principal: '*', Condition: { StringEquals: { 'aws:SourceIp': '203.0.113.7' } } })] }), errors: ['PolicyDocument.Statement[0].Principal'] },
    {
      name: 'a public statement wins over an unknown one',
      resource: policy({ Statement: [statement({ Principal: unknown('Ref') }), statement({ Principal: '*' })] }),
      errors: ['PolicyDocument.Statement[1].Principal'],
    },
    {
      name: 'a JSON string policy: at the string',
      resource: policy(JSON.stringify({ Statement: [statement({ Principal: '*' })] })),
      errors: [{ path: 'PolicyDocument.Statement[0].Principal', at: JSON.stringify(JSON.stringify({ Statement: [statement({ Principal: '*' })] })) }],
    },
    {
      name: 'a JSON string from a parameter Default',
      resource: policy(paramDefault('Doc')),
      parameters: { Doc: JSON.stringify({ Statement: statement({ Principal: '*' }) }) },
      errors: [{ path: 'PolicyDocument.Statement.Principal', at: '!Ref Doc' }],
    },
  ],
});
