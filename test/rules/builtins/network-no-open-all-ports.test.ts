import { ruleTester } from '../rule-tester';
import { unknown } from '../../helpers/resources';

const ARGS = { cidr: ['CidrIp', 'CidrIpv6'], from: 'FromPort', to: 'ToPort', protocol: 'IpProtocol' };
const NACL_ARGS = { ports: [22, 3389], cidr: ['CidrBlock', 'Ipv6CidrBlock'], from: 'PortRange.From', to: 'PortRange.To', protocol: 'Protocol' };

const group = (ingress: unknown) => ({ type: 'AWS::EC2::SecurityGroup', properties: { GroupDescription: 'g', SecurityGroupIngress: ingress } as never });
const rule = (extra: Record<string, unknown>) => ({ IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, ...extra });

ruleTester(
  'network.noOpenAllPorts',
  { check: { cloudformation: { resource: 'AWS::EC2::SecurityGroup', assert: { builtin: 'network.noOpenAllPorts', path: 'SecurityGroupIngress', args: ARGS } } } },
  {
    valid: [
      { name: 'every port, to a private CIDR', resource: group([rule({ CidrIp: '10.0.0.0/8' })]) },
      { name: 'open to everyone, one port', resource: group([rule({ CidrIp: '0.0.0.0/0', FromPort: 443, ToPort: 443 })]) },
      { name: 'open to everyone, most ports but not all', resource: group([rule({ CidrIp: '0.0.0.0/0', FromPort: 1024, ToPort: 65535 })]) },
      { name: 'ICMP of every type', resource: group([rule({ CidrIp: '0.0.0.0/0', IpProtocol: 'icmp', FromPort: -1, ToPort: -1 })]) },
      { name: 'a protocol number without ports (ESP)', resource: group([rule({ CidrIp: '0.0.0.0/0', IpProtocol: '50', FromPort: -1, ToPort: -1 })]) },
      { name: 'a source security group', resource: group([rule({ IpProtocol: '-1', SourceSecurityGroupId: 'sg-1' })]) },
      { name: 'unknown CIDR', resource: group([rule({ IpProtocol: '-1', CidrIp: unknown('Ref to parameter Cidr') })]) },
      { name: 'unknown protocol', resource: group([rule({ CidrIp: '0.0.0.0/0', IpProtocol: unknown('Ref') })]) },
      { name: 'unknown last port', resource: group([rule({ CidrIp: '0.0.0.0/0', ToPort: unknown('Ref') })]) },
      { name: 'unknown list of rules', resource: group(unknown('Fn::If')) },
    ],
    invalid: [
      { name: 'protocol -1 from anywhere', resource: group([{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }]), errors: [{ path: 'SecurityGroupIngress[0].CidrIp', message: 'opens every port of every protocol (IpProtocol -1)', at: 'CidrIp: "0.0.0.0/0"' }] },
      { name: 'protocol all, IPv6', resource: group([{ IpProtocol: 'all', CidrIpv6: '::/0' }]), errors: ['SecurityGroupIngress[0].CidrIpv6'] },
      { name: 'tcp 0-65535', resource: group([rule({ CidrIp: '0.0.0.0/0' })]), errors: [{ path: 'SecurityGroupIngress[0].CidrIp', message: 'every tcp port (tcp ports 0-65535)' }] },
      { name: 'udp 1-65535 by protocol number', resource: group([rule({ CidrIp: '0.0.0.0/0', IpProtocol: '17', FromPort: 1 })]), errors: [{ path: 'SecurityGroupIngress[0].CidrIp', message: 'every udp port' }] },
      { name: 'tcp with -1 ports', resource: group([rule({ CidrIp: '0.0.0.0/0', FromPort: -1, ToPort: -1 })]), errors: ['SecurityGroupIngress[0].CidrIp'] },
      { name: 'the second rule only', resource: group([rule({ CidrIp: '10.0.0.0/8' }), rule({ CidrIp: '0.0.0.0/0', CidrIpv6: '::/0', IpProtocol: '-1' })]), errors: ['SecurityGroupIngress[1].CidrIp', 'SecurityGroupIngress[1].CidrIpv6'] },
    ],
  },
);

const entry = (extra: Record<string, unknown>) => ({ type: 'AWS::EC2::NetworkAclEntry', properties: { NetworkAclId: 'acl-1', RuleNumber: 100, RuleAction: 'allow', ...extra } as never });

ruleTester(
  'network.noOpenAdminPorts with a nested port range (network ACL entries)',
  { check: { cloudformation: { resource: 'AWS::EC2::NetworkAclEntry', assert: { builtin: 'network.noOpenAdminPorts', args: NACL_ARGS } } } },
  {
    valid: [
      { name: 'HTTPS from anywhere', resource: entry({ Protocol: 6, CidrBlock: '0.0.0.0/0', PortRange: { From: 443, To: 443 } }) },
      { name: 'SSH from a private network', resource: entry({ Protocol: 6, CidrBlock: '10.0.0.0/8', PortRange: { From: 22, To: 22 } }) },
      { name: 'an unknown port range', resource: entry({ Protocol: 6, CidrBlock: '0.0.0.0/0', PortRange: unknown('Ref') }) },
      { name: 'TCP without a port range: unknown', resource: entry({ Protocol: 6, CidrBlock: '0.0.0.0/0' }) },
    ],
    invalid: [
      { name: 'SSH from anywhere', resource: entry({ Protocol: 6, CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } }), errors: [{ path: 'CidrBlock', message: 'opens port 22 (tcp port 22)' }] },
      { name: 'every protocol, no port range', resource: entry({ Protocol: -1, Ipv6CidrBlock: '::/0' }), errors: [{ path: 'Ipv6CidrBlock', message: 'opens ports 22, 3389 (Protocol -1: all ports)' }] },
      { name: 'a range over RDP', resource: entry({ Protocol: '6', CidrBlock: '0.0.0.0/0', PortRange: { From: 1024, To: 4000 } }), errors: ['CidrBlock'] },
    ],
  },
);
