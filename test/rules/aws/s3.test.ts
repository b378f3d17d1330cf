/**
 * The Terraform checks of the S3 rules, over both shapes of the AWS provider: the split
 * resources of v4 and later (aws_s3_bucket_versioning and friends, referencing the bucket) and
 * the inline blocks of earlier versions.
 */
import { ref, unknown } from '../../helpers/resources';
import { ruleTester, shippedRule } from '../rule-tester';

const bucket = (properties: Record<string, unknown> = {}) => ({ type: 'aws_s3_bucket', properties: { bucket: 'data', ...properties } as never });
const split = (type: string, properties: Record<string, unknown>, address = type.replace('aws_s3_bucket_', '')) => ({
  address,
  type,
  properties: { bucket: ref('Subject', 'id'), ...properties } as never,
});
const versioning = (status: unknown) => split('aws_s3_bucket_versioning', { versioning_configuration: [{ status }] });

ruleTester('aws-s3-versioning (Terraform)', shippedRule('aws-s3-versioning'), {
  valid: [
    { name: 'an aws_s3_bucket_versioning enables it', resource: bucket(), others: [versioning('Enabled')] },
    { name: 'the legacy versioning block enables it', resource: bucket({ versioning: [{ enabled: true }] }) },
    { name: 'a split resource decides over a legacy block', resource: bucket({ versioning: [{ enabled: false }] }), others: [versioning('Enabled')] },
    { name: 'a split resource with an unknown status', resource: bucket(), others: [versioning(unknown('var.status'))] },
    { name: 'a versioning resource for a bucket given by a variable might be this one', resource: bucket(), others: [{ address: 'v', type: 'aws_s3_bucket_versioning', properties: { bucket: unknown('var.bucket'), versioning_configuration: [{ status: 'Enabled' }] } }] },
  ],
  invalid: [
    {
      name: 'neither: at the bucket',
      resource: bucket(),
      errors: [{ path: 'versioning[*].enabled', message: 'Bucket Subject is not versioned: no aws_s3_bucket_versioning references the bucket and no versioning block enables versioning', at: 'Subject' }],
    },
    { name: 'the legacy block switched off: at enabled', resource: bucket({ versioning: [{ enabled: false }] }), errors: [{ path: 'versioning[0].enabled', message: 'versioning[0].enabled is false; expected true', at: 'enabled: false' }] },
    {
      name: 'a split resource that suspends it: at its status, as its own finding',
      resource: bucket(),
      others: [versioning('Suspended')],
      errors: [{ address: 'versioning', path: 'versioning_configuration[0].status', message: 'Versioning versioning does not enable versioning: versioning_configuration[0].status is Suspended; expected Enabled', at: 'status: Suspended' }],
    },
    {
      name: 'a versioning resource of another bucket does not count',
      resource: bucket(),
      others: [{ address: 'other', type: 'aws_s3_bucket', properties: { bucket: 'other', versioning: [{ enabled: true }] } }, { address: 'v', type: 'aws_s3_bucket_versioning', properties: { bucket: ref('other', 'id'), versioning_configuration: [{ status: 'Enabled' }] } }],
      errors: ['versioning[*].enabled'],
    },
  ],
});

ruleTester('aws-s3-access-logging (Terraform)', shippedRule('aws-s3-access-logging'), {
  valid: [
    { name: 'an aws_s3_bucket_logging', resource: bucket(), others: [split('aws_s3_bucket_logging', { target_bucket: 'logs', target_prefix: 'data/' })] },
    { name: 'the legacy logging block', resource: bucket({ logging: [{ target_bucket: 'logs' }] }) },
    { name: 'the target of another bucket’s aws_s3_bucket_logging', resource: bucket(), others: [{ address: 'l', type: 'aws_s3_bucket_logging', properties: { bucket: 'app', target_bucket: ref('Subject', 'id') } }] },
    { name: 'the target of another bucket’s logging block', resource: bucket(), others: [{ address: 'app', type: 'aws_s3_bucket', properties: { logging: [{ target_bucket: ref('Subject', 'id') }] } }] },
    { name: 'the legacy log-delivery-write ACL', resource: bucket({ acl: 'log-delivery-write' }) },
    { name: 'an aws_s3_bucket_acl with log-delivery-write', resource: bucket(), others: [split('aws_s3_bucket_acl', { acl: 'log-delivery-write' })] },
  ],
  invalid: [
    { name: 'no logging', resource: bucket(), errors: [{ path: 'logging[*].target_bucket', message: 'no aws_s3_bucket_logging references the bucket and it has no logging block', at: 'Subject' }] },
    { name: 'a private ACL is not a log bucket', resource: bucket(), others: [split('aws_s3_bucket_acl', { acl: 'private' })], errors: ['logging[*].target_bucket'] },
  ],
});

const publicAccessBlock = (properties: Record<string, unknown>) => ({ type: 'aws_s3_bucket_public_access_block', properties: { bucket: 'data', ...properties } as never });
const allTrue = { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true };

ruleTester('aws-s3-block-public-access (Terraform)', shippedRule('aws-s3-block-public-access'), {
  valid: [
    { name: 'a bucket without a public access block keeps the S3 default', resource: bucket() },
    { name: 'all four true', resource: publicAccessBlock(allTrue) },
    { name: 'one unknown', resource: publicAccessBlock({ ...allTrue, block_public_policy: unknown('var.block') }) },
  ],
  invalid: [
    {
      name: 'one switched off: at it',
      resource: publicAccessBlock({ ...allTrue, restrict_public_buckets: false }),
      errors: [{ path: 'restrict_public_buckets', message: 'Public access block Subject lets public access through: restrict_public_buckets is false; expected true', at: 'restrict_public_buckets: false' }],
    },
    {
      name: 'members left out are false',
      resource: publicAccessBlock({ block_public_acls: true, block_public_policy: true }),
      // Both at the resource; findings at one place come in fingerprint order.
      errors: [
        { path: 'restrict_public_buckets', at: 'Subject' },
        { path: 'ignore_public_acls', message: 'ignore_public_acls is not set (provider default: false); expected true', at: 'Subject' },
      ],
    },
  ],
});
