/** The Terraform checks of the logging rules: CloudTrail validation, log retention, VPC flow logs. */
import { ref, unknown } from '../../helpers/resources';
import { ruleTester, shippedRule } from '../rule-tester';

const trail = (properties: Record<string, unknown>) => ({ type: 'aws_cloudtrail', properties: { name: 't', s3_bucket_name: 'logs', ...properties } as never });

ruleTester('aws-cloudtrail-log-validation (Terraform)', shippedRule('aws-cloudtrail-log-validation'), {
  valid: [
    { name: 'validation on', resource: trail({ enable_log_file_validation: true }) },
    { name: 'from a variable without a value', resource: trail({ enable_log_file_validation: unknown('var.validate') }) },
  ],
  invalid: [
    { name: 'validation off', resource: trail({ enable_log_file_validation: false }), errors: [{ path: 'enable_log_file_validation', at: 'enable_log_file_validation: false' }] },
    {
      name: 'left out: the provider default is false',
      resource: trail({}),
      errors: [{ path: 'enable_log_file_validation', message: 'enable_log_file_validation is not set (provider default: false); expected true', at: 'Subject' }],
    },
  ],
});

const logGroup = (properties: Record<string, unknown>) => ({ type: 'aws_cloudwatch_log_group', properties: { name: '/app', ...properties } as never });

ruleTester('aws-logs-retention (Terraform)', shippedRule('aws-logs-retention'), {
  valid: [
    { name: 'a year', resource: logGroup({ retention_in_days: 365 }) },
    { name: 'longer, as a string', resource: logGroup({ retention_in_days: '731' }) },
    { name: 'unknown', resource: logGroup({ retention_in_days: unknown('var.retention') }) },
  ],
  invalid: [
    { name: 'too short', resource: logGroup({ retention_in_days: 30 }), errors: [{ path: 'retention_in_days', message: 'retention_in_days is 30; expected at least 365', at: 'retention_in_days: 30' }] },
    { name: '0 never expires', resource: logGroup({ retention_in_days: 0 }), errors: [{ path: 'retention_in_days', message: 'the logs never expire', at: 'retention_in_days: 0' }] },
    { name: 'left out never expires, once', resource: logGroup({}), errors: [{ path: 'retention_in_days', message: 'retention_in_days is 0 or not set, so the logs never expire', at: 'Subject' }] },
  ],
});

const vpc = { type: 'aws_vpc', properties: { cidr_block: '10.0.0.0/16' } };
const flowLog = (properties: Record<string, unknown>) => ({ address: 'flow', type: 'aws_flow_log', properties: { traffic_type: 'ALL', ...properties } as never });

ruleTester('aws-vpc-flow-logs (Terraform)', shippedRule('aws-vpc-flow-logs'), {
  valid: [
    { name: 'a flow log for the VPC', resource: vpc, others: [flowLog({ vpc_id: ref('Subject', 'id') })] },
    { name: 'a flow log for a VPC given by a variable might be this one', resource: vpc, others: [flowLog({ vpc_id: unknown('var.vpc_id') })] },
  ],
  invalid: [
    { name: 'no flow log', resource: vpc, errors: [{ path: '', message: 'no aws_flow_log references Subject in vpc_id', at: 'Subject' }] },
    {
      name: 'a flow log of a subnet of the VPC does not record the whole VPC',
      resource: vpc,
      others: [{ address: 'subnet', type: 'aws_subnet', properties: { vpc_id: ref('Subject', 'id') } }, flowLog({ subnet_id: ref('subnet', 'id') })],
      errors: [''],
    },
  ],
});
