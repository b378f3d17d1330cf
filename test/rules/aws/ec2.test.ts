/** The Terraform checks of the EC2 rules: IMDSv2, and admin ports open to the internet. */
import { ref, refOutside, unknown } from '../../helpers/resources';
import { ruleTester, shippedRule } from '../rule-tester';

const instance = (properties: Record<string, unknown>) => ({ type: 'aws_instance', properties: { ami: 'ami-1', instance_type: 't3.micro', ...properties } as never });
const launchTemplate = (tokens: string | undefined, address = 'lt') => ({
  address,
  type: 'aws_launch_template',
  properties: (tokens === undefined ? { image_id: 'ami-1' } : { image_id: 'ami-1', metadata_options: [{ http_tokens: tokens }] }) as never,
});
const accountDefault = (tokens: string) => ({ address: 'imds', type: 'aws_ec2_instance_metadata_defaults', properties: { http_tokens: tokens } });

ruleTester('aws-ec2-imdsv2 (Terraform)', shippedRule('aws-ec2-imdsv2'), {
  valid: [
    { name: 'required on the instance', resource: instance({ metadata_options: [{ http_endpoint: 'enabled', http_tokens: 'required' }] }) },
    { name: 'the metadata service switched off', resource: instance({ metadata_options: [{ http_endpoint: 'disabled' }] }) },
    { name: 'required by the launch template, by id', resource: instance({ launch_template: [{ id: ref('lt', 'id'), version: '$Latest' }] }), others: [launchTemplate('required')] },
    { name: 'required by the launch template, by name', resource: instance({ launch_template: [{ name: ref('lt', 'name') }] }), others: [launchTemplate('required')] },
    { name: 'a launch template outside the scan', resource: instance({ launch_template: [{ id: refOutside('modules/lt#lt') }] }) },
    { name: 'required as the account default', resource: instance({}), others: [accountDefault('required')] },
    { name: 'unknown', resource: instance({ metadata_options: [{ http_tokens: unknown('var.tokens') }] }) },
    { name: 'a launch template that requires it', resource: launchTemplate('required'), others: [] },
  ],
  invalid: [
    {
      name: 'left out, without a launch template: the provider default is optional',
      resource: instance({}),
      errors: [{ path: 'metadata_options[*].http_tokens', message: 'metadata_options[*].http_tokens is not set (provider default: optional); expected required', at: 'Subject' }],
    },
    { name: 'optional', resource: instance({ metadata_options: [{ http_tokens: 'optional' }] }), errors: [{ path: 'metadata_options[0].http_tokens', at: 'http_tokens: optional' }] },
    {
      name: 'the instance says optional, whatever the launch template says',
      resource: instance({ metadata_options: [{ http_tokens: 'optional' }], launch_template: [{ id: ref('lt', 'id') }] }),
      others: [launchTemplate('required')],
      errors: ['metadata_options[0].http_tokens'],
    },
    {
      name: 'a launch template that leaves it out: the instance, and the template on its own',
      resource: instance({ launch_template: [{ id: ref('lt', 'id') }] }),
      others: [launchTemplate(undefined)],
      errors: ['metadata_options[*].http_tokens', { address: 'lt', path: 'metadata_options[*].http_tokens' }],
    },
    { name: 'an account default of optional', resource: instance({}), others: [accountDefault('optional')], errors: ['metadata_options[*].http_tokens'] },
    { name: 'a launch template left to the default', resource: launchTemplate(undefined, 'Subject'), errors: [{ path: 'metadata_options[*].http_tokens', at: 'Subject' }] },
  ],
});

const group = (ingress: unknown[]) => ({ type: 'aws_security_group', properties: { name: 'g', ingress } as never });
const ssh = (extra: Record<string, unknown>) => ({ from_port: 22, to_port: 22, protocol: 'tcp', ...extra });
const groupRule = (properties: Record<string, unknown>) => ({ type: 'aws_security_group_rule', properties: { type: 'ingress', security_group_id: 'sg-1', ...ssh({}), ...properties } as never });
const ingressRule = (properties: Record<string, unknown>) => ({ type: 'aws_vpc_security_group_ingress_rule', properties: { security_group_id: 'sg-1', ...properties } as never });

ruleTester('aws-ec2-sg-open-admin-ports (Terraform)', shippedRule('aws-ec2-sg-open-admin-ports'), {
  valid: [
    { name: 'SSH from the office', resource: group([ssh({ cidr_blocks: ['203.0.113.0/24'] })]) },
    { name: 'HTTPS from anywhere', resource: group([ssh({ from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: ['::/0'] })]) },
    { name: 'SSH from another security group', resource: group([ssh({ security_groups: ['sg-2'] })]) },
    { name: 'an egress rule', resource: groupRule({ type: 'egress', cidr_blocks: ['0.0.0.0/0'] }) },
    { name: 'a rule resource from a private network', resource: groupRule({ cidr_blocks: ['10.0.0.0/8'] }) },
    { name: 'a VPC ingress rule for HTTPS', resource: ingressRule({ cidr_ipv4: '0.0.0.0/0', ip_protocol: 'tcp', from_port: 443, to_port: 443 }) },
    { name: 'a VPC ingress rule for all traffic from a private network', resource: ingressRule({ cidr_ipv4: '10.0.0.0/8', ip_protocol: '-1' }) },
    { name: 'an unknown CIDR', resource: ingressRule({ cidr_ipv4: unknown('var.cidr'), ip_protocol: 'tcp', from_port: 22, to_port: 22 }) },
  ],
  invalid: [
    {
      name: 'an inline ingress block: at the open CIDR',
      resource: group([ssh({ cidr_blocks: ['10.0.0.0/8'] }), ssh({ from_port: 3389, to_port: 3389, cidr_blocks: ['10.0.0.0/8', '0.0.0.0/0'] })]),
      errors: [{ path: 'ingress[1].cidr_blocks[1]', message: 'opens port 3389 (tcp port 3389) to the whole internet', at: '"0.0.0.0/0"' }],
    },
    { name: 'all traffic over IPv6, "-1"', resource: group([{ from_port: 0, to_port: 0, protocol: '-1', ipv6_cidr_blocks: ['::/0'] }]), errors: ['ingress[0].ipv6_cidr_blocks[0]'] },
    { name: 'protocol all', resource: group([{ from_port: 0, to_port: 0, protocol: 'all', cidr_blocks: ['0.0.0.0/0'] }]), errors: ['ingress[0].cidr_blocks[0]'] },
    { name: 'an aws_security_group_rule over a port range', resource: groupRule({ from_port: 20, to_port: 30, cidr_blocks: ['0.0.0.0/0'] }), errors: [{ path: 'cidr_blocks[0]', message: 'tcp ports 20-30' }] },
    { name: 'a VPC ingress rule for SSH', resource: ingressRule({ cidr_ipv4: '0.0.0.0/0', ip_protocol: 'tcp', from_port: 22, to_port: 22 }), errors: [{ path: 'cidr_ipv4', at: 'cidr_ipv4: "0.0.0.0/0"' }] },
    { name: 'a VPC ingress rule for all traffic', resource: ingressRule({ cidr_ipv6: '::/0', ip_protocol: '-1' }), errors: [{ path: 'cidr_ipv6', message: 'opens ports 22, 3389 (ip_protocol -1: all ports)' }] },
    { name: 'the default security group', resource: { type: 'aws_default_security_group', properties: { ingress: [ssh({ cidr_blocks: ['0.0.0.0/0'] })] } }, errors: ['ingress[0].cidr_blocks[0]'] },
  ],
});
