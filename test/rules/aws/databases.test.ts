/** The Terraform checks of the RDS rules on backups and public access (encryption: encryption.test.ts). */
import { unknown } from '../../helpers/resources';
import { ruleTester, shippedRule } from '../rule-tester';

const dbInstance = (properties: Record<string, unknown>) => ({ type: 'aws_db_instance', properties: { engine: 'postgres', instance_class: 'db.t3.micro', ...properties } as never });
const cluster = (properties: Record<string, unknown>) => ({ type: 'aws_rds_cluster', properties: { engine: 'aurora-postgresql', ...properties } as never });

ruleTester('aws-rds-backup-retention (Terraform)', shippedRule('aws-rds-backup-retention'), {
  valid: [
    { name: 'a week', resource: dbInstance({ backup_retention_period: 7 }) },
    { name: 'a read replica follows its source', resource: dbInstance({ replicate_source_db: 'main' }) },
    { name: 'a cluster, as a string', resource: cluster({ backup_retention_period: '35' }) },
    { name: 'unknown', resource: cluster({ backup_retention_period: unknown('var.retention') }) },
    { name: 'Aurora instances follow their cluster', resource: { type: 'aws_rds_cluster_instance', properties: { cluster_identifier: 'main' } } },
  ],
  invalid: [
    { name: 'an instance left to the provider default of 0', resource: dbInstance({}), errors: [{ path: 'backup_retention_period', message: 'backup_retention_period is not set (provider default: 0); expected at least 7', at: 'Subject' }] },
    { name: 'a cluster left to its default of 1', resource: cluster({}), errors: [{ path: 'backup_retention_period', message: 'provider default: 1', at: 'Subject' }] },
    { name: 'too short', resource: dbInstance({ backup_retention_period: 3 }), errors: [{ path: 'backup_retention_period', message: 'backup_retention_period is 3; expected at least 7', at: 'backup_retention_period: 3' }] },
  ],
});

ruleTester('aws-rds-no-public-access (Terraform)', shippedRule('aws-rds-no-public-access'), {
  valid: [
    { name: 'left out: the provider default is false, whatever the subnets', resource: dbInstance({}) },
    { name: 'false', resource: dbInstance({ publicly_accessible: false, db_subnet_group_name: 'private' }) },
    { name: 'unknown', resource: dbInstance({ publicly_accessible: unknown('var.public') }) },
    { name: 'an Aurora instance left out', resource: { type: 'aws_rds_cluster_instance', properties: { cluster_identifier: 'main' } } },
  ],
  invalid: [
    { name: 'true', resource: dbInstance({ publicly_accessible: true }), errors: [{ path: 'publicly_accessible', message: 'publicly_accessible is true; expected false', at: 'publicly_accessible: true' }] },
    { name: 'an Aurora instance, as a string', resource: { type: 'aws_rds_cluster_instance', properties: { publicly_accessible: 'true' } }, errors: ['publicly_accessible'] },
    { name: '--strict asks for it written', resource: dbInstance({}), strict: true, errors: [{ path: 'publicly_accessible', message: 'publicly_accessible is not set explicitly (provider default: false)' }] },
  ],
});
