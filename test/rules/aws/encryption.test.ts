/** The Terraform checks of the encryption rules: EBS, RDS storage, KMS rotation. */
import { ref, unknown } from '../../helpers/resources';
import { ruleTester, shippedRule } from '../rule-tester';

const byDefault = (enabled?: unknown) => ({
  address: 'account',
  type: 'aws_ebs_encryption_by_default',
  properties: (enabled === undefined ? {} : { enabled }) as never,
});
const volume = (properties: Record<string, unknown>) => ({ type: 'aws_ebs_volume', properties: { availability_zone: 'eu-west-1a', size: 10, ...properties } as never });
const instance = (properties: Record<string, unknown>) => ({ type: 'aws_instance', properties: { ami: 'ami-1', instance_type: 't3.micro', ...properties } as never });
const launchTemplate = (properties: Record<string, unknown>) => ({ type: 'aws_launch_template', properties: { image_id: 'ami-1', ...properties } as never });

ruleTester('aws-ebs-encryption (Terraform)', shippedRule('aws-ebs-encryption'), {
  valid: [
    { name: 'an encrypted volume', resource: volume({ encrypted: true, kms_key_id: ref('key', 'arn') }), others: [{ address: 'key', type: 'aws_kms_key', properties: {} }] },
    { name: 'a volume from a snapshot follows the snapshot', resource: volume({ snapshot_id: 'snap-1' }) },
    { name: 'encryption by default in the same configuration', resource: volume({}), others: [byDefault()] },
    { name: 'encryption by default, written', resource: volume({ encrypted: false }), others: [byDefault(true)] },
    { name: 'an instance with encrypted block devices', resource: instance({ root_block_device: [{ encrypted: true }], ebs_block_device: [{ device_name: '/dev/sdf', encrypted: 'true' }] }) },
    { name: 'an instance without block device blocks', resource: instance({}) },
    { name: 'an instance block device from a snapshot', resource: instance({ ebs_block_device: [{ device_name: '/dev/sdf', snapshot_id: 'snap-1' }] }) },
    { name: 'a launch template with encrypted volumes', resource: launchTemplate({ block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'true' }] }] }) },
    { name: 'a launch template mapping without ebs', resource: launchTemplate({ block_device_mappings: [{ device_name: '/dev/sdb', virtual_name: 'ephemeral0' }] }) },
  ],
  invalid: [
    { name: 'encrypted false', resource: volume({ encrypted: false }), errors: [{ path: 'encrypted', message: 'encrypted is false; expected true', at: 'encrypted: false' }] },
    { name: 'left out', resource: volume({}), errors: [{ path: 'encrypted', message: 'not set (provider default: false)', at: 'Subject' }] },
    { name: 'encryption by default switched off does not help', resource: volume({}), others: [byDefault(false)], errors: ['encrypted'] },
    {
      name: 'an instance: the root device and a new data volume',
      resource: instance({ root_block_device: [{ volume_size: 20 }], ebs_block_device: [{ device_name: '/dev/sdf', encrypted: false }, { device_name: '/dev/sdg', snapshot_id: 'snap-1' }] }),
      errors: [
        { path: 'root_block_device[0].encrypted', at: 'volume_size' },
        { path: 'ebs_block_device[0].encrypted', at: 'encrypted: false' },
      ],
    },
    {
      name: 'a launch template mapping left unencrypted',
      resource: launchTemplate({ block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 20, encrypted: 'false' }] }] }),
      errors: [{ path: 'block_device_mappings[0].ebs[0].encrypted', at: 'encrypted: "false"' }],
    },
  ],
});

const dbInstance = (properties: Record<string, unknown>) => ({ type: 'aws_db_instance', properties: { engine: 'postgres', instance_class: 'db.t3.micro', ...properties } as never });
const cluster = (properties: Record<string, unknown>) => ({ type: 'aws_rds_cluster', properties: { engine: 'aurora-postgresql', ...properties } as never });

ruleTester('aws-rds-storage-encrypted (Terraform)', shippedRule('aws-rds-storage-encrypted'), {
  valid: [
    { name: 'an encrypted instance', resource: dbInstance({ storage_encrypted: true }) },
    { name: 'a read replica follows its source', resource: dbInstance({ replicate_source_db: 'main' }) },
    { name: 'a snapshot restore follows the snapshot', resource: dbInstance({ snapshot_identifier: 'snap' }) },
    { name: 'a point-in-time restore follows its source', resource: dbInstance({ restore_to_point_in_time: [{ source_db_instance_identifier: 'main', use_latest_restorable_time: true }] }) },
    { name: 'an encrypted cluster', resource: cluster({ storage_encrypted: true }) },
    { name: 'Aurora Serverless v1 is always encrypted', resource: cluster({ engine_mode: 'serverless' }) },
    { name: 'a cross-region replica cluster follows its source', resource: cluster({ replication_source_identifier: 'arn:aws:rds:eu-west-1:1:cluster:main' }) },
    { name: 'unknown', resource: cluster({ storage_encrypted: unknown('var.encrypted') }) },
  ],
  invalid: [
    { name: 'an instance left unencrypted', resource: dbInstance({}), errors: [{ path: 'storage_encrypted', message: 'provider default: false', at: 'Subject' }] },
    { name: 'a cluster switched off', resource: cluster({ storage_encrypted: false, engine_mode: 'provisioned' }), errors: [{ path: 'storage_encrypted', at: 'storage_encrypted: false' }] },
  ],
});

const key = (properties: Record<string, unknown>) => ({ type: 'aws_kms_key', properties: { description: 'k', ...properties } as never });

ruleTester('aws-kms-key-rotation (Terraform)', shippedRule('aws-kms-key-rotation'), {
  valid: [
    { name: 'rotation on', resource: key({ enable_key_rotation: true, rotation_period_in_days: 180 }) },
    { name: 'an asymmetric key cannot rotate', resource: key({ customer_master_key_spec: 'RSA_2048', key_usage: 'SIGN_VERIFY' }) },
    { name: 'an HMAC key cannot rotate', resource: key({ customer_master_key_spec: 'HMAC_256', key_usage: 'GENERATE_VERIFY_MAC' }) },
    { name: 'a key in a custom key store cannot rotate', resource: key({ custom_key_store_id: 'cks-1' }) },
    { name: 'a key in an external key store cannot rotate', resource: key({ custom_key_store_id: 'cks-1', xks_key_id: 'x' }) },
  ],
  invalid: [
    { name: 'left out', resource: key({}), errors: [{ path: 'enable_key_rotation', message: 'enable_key_rotation is not set (provider default: false); expected true', at: 'Subject' }] },
    { name: 'switched off, symmetric written out', resource: key({ customer_master_key_spec: 'SYMMETRIC_DEFAULT', enable_key_rotation: false }), errors: [{ path: 'enable_key_rotation', at: 'enable_key_rotation: false' }] },
  ],
});
