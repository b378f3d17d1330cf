import { ruleTester } from '../rule-tester';
import { unknown } from '../../helpers/resources';

const policy = (doc: unknown) => ({ type: 'AWS::S3::BucketPolicy', properties: { Bucket: 'b', PolicyDocument: doc } as never });
const denyHttp = (extra: Record<string, unknown> = {}) => ({
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  ...extra,
});
const allowRead = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
const check = { check: { cloudformation: { resource: 'AWS::S3::BucketPolicy', assert: { builtin: 'iam.deniesInsecureTransport', path: 'PolicyDocument' } } } };

ruleTester('iam.deniesInsecureTransport', check, {
  valid: [
    { name: 'the usual statement, beside others', resource: policy({ Statement: [allowRead, denyHttp()] }) },
    { name: 'a single statement, boolean false, Action list with *', resource: policy({ Statement: denyHttp({ Action: ['*'], Condition: { Bool: { 'aws:SecureTransport': false } } }) }) },
    { name: 'BoolIfExists, AWS "*", key and value in other cases', resource: policy({ Statement: [denyHttp({ Principal: { AWS: '*' }, Condition: { BoolIfExists: { 'aws:securetransport': ['False'] } } })] }) },
    { name: 'unknown Resource is not judged', resource: policy({ Statement: [denyHttp({ Resource: unknown('Fn::Sub') })] }) },
    { name: 'unknown condition value', resource: policy({ Statement: [denyHttp({ Condition: { Bool: { 'aws:SecureTransport': unknown('Ref') } } })] }) },
    { name: 'unknown Effect', resource: policy({ Statement: [denyHttp({ Effect: unknown('Ref') })] }) },
    { name: 'unknown statement', resource: policy({ Statement: [allowRead, unknown('Fn::If')] }) },
    { name: 'unknown document', resource: policy(unknown('Ref to parameter Doc')) },
    { name: 'a JSON string', resource: policy(JSON.stringify({ Statement: [denyHttp()] })) },
    { name: 'no document', resource: { type: 'AWS::S3::BucketPolicy', properties: { Bucket: 'b' } } },
  ],
  invalid: [
    { name: 'no denial at all: at the document', resource: policy({ Statement: [allowRead] }), errors: [{ path: 'PolicyDocument', message: 'no statement that denies every principal all S3 actions', at: 'PolicyDocument' }] },
    { name: 'an Allow with aws:SecureTransport true does not deny HTTP', resource: policy({ Statement: [{ ...allowRead, Condition: { Bool: { 'aws:SecureTransport': 'true' } } }] }), errors: ['PolicyDocument'] },
    { name: 'the denial names one principal only', resource: policy({ Statement: [denyHttp({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } })] }), errors: ['PolicyDocument'] },
    { name: 'the denial covers some actions only', resource: policy({ Statement: [denyHttp({ Action: 's3:GetObject' })] }), errors: ['PolicyDocument'] },
    { name: 'the condition is true, not false', resource: policy({ Statement: [denyHttp({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } })] }), errors: ['PolicyDocument'] },
    { name: 'a TLS version condition is not a TLS requirement', resource: policy({ Statement: [denyHttp({ Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } } })] }), errors: ['PolicyDocument'] },
    { name: 'a document without statements', resource: policy({ Version: '2012-10-17' }), errors: ['PolicyDocument'] },
  ],
});
