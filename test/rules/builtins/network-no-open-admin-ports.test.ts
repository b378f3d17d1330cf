import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTINS } from '../../../src/rules';
import { ruleTester } from '../rule-tester';
import { template, unknown } from '../../helpers/resources';

const ARGS = { ports: [22, 3389], cidr: ['CidrIp', 'CidrIpv6'], from: 'FromPort', to: 'ToPort', protocol: 'IpProtocol' };
const TF_ARGS = { ports: [22, 3389], cidr: ['cidr_blocks', 'ipv6_cidr_blocks'], from: 'from_port', to: 'to_port', protocol: 'protocol' };

const group = (ingress: unknown) => ({ type: 'AWS::EC2::SecurityGroup', properties: { GroupDescription: 'g', SecurityGroupIngress: ingress } as never });
const rule = (extra: Record<string, unknown>) => ({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, ...extra });

ruleTester(
  'network.noOpenAdminPorts with each',
  {
    check: {
      cloudformation: {
        resource: 'AWS::EC2::SecurityGroup',
        assert: { each: 'SecurityGroupIngress[*]', assert: { builtin: 'network.noOpenAdminPorts', args: ARGS } },
      },
    },
  },
  {
    valid: [
      { name: 'a private CIDR', resource: group([rule({ CidrIp: '10.0.0.0/8' })]) },
      { name: 'open, but not an admin port', resource: group([rule({ CidrIp: '0.0.0.0/0', FromPort: 443, ToPort: 443 })]) },
      { name: 'open UDP', resource: group([rule({ CidrIp: '0.0.0.0/0', IpProtocol: 'udp', FromPort: 0, ToPort: 65535 })]) },
      { name: 'open ICMP with -1 ports', resource: group([rule({ CidrIp: '0.0.0.0/0', IpProtocol: 'icmp', FromPort: -1, ToPort: -1 })]) },
      { name: 'no CIDR: a source security group', resource: group([rule({ SourceSecurityGroupId: 'sg-1' })]) },
      { name: 'a /1 is not the whole internet', resource: group([rule({ CidrIp: '0.0.0.0/1' })]) },
      { name: 'unknown CIDR', resource: group([rule({ CidrIp: unknown('Ref to parameter Cidr') })]) },
      { name: 'open with unknown ports', resource: group([rule({ CidrIp: '0.0.0.0/0', FromPort: unknown('Ref'), ToPort: unknown('Ref') })]) },
      { name: 'open with unknown protocol', resource: group([rule({ CidrIp: '0.0.0.0/0', IpProtocol: unknown('Ref') })]) },
      { name: 'unknown CIDR and a port range without admin ports', resource: group([rule({ CidrIp: unknown('Ref'), FromPort: 80, ToPort: 80 })]) },
      { name: 'not a CIDR', resource: group([rule({ CidrIp: 'anywhere' })]) },
    ],
    invalid: [
      { name: 'SSH from anywhere', resource: group([rule({ CidrIp: '0.0.0.0/0' })]), errors: [{ path: 'SecurityGroupIngress[0].CidrIp', message: 'opens port 22 (tcp port 22)', at: 'CidrIp: "0.0.0.0/0"' }] },
      { name: 'a range over RDP, IPv6', resource: group([rule({ CidrIpv6: '::/0', FromPort: 3000, ToPort: 4000 })]), errors: ['SecurityGroupIngress[0].CidrIpv6'] },
      { name: 'protocol -1 opens every port, whatever the range', resource: group([rule({ CidrIp: '0.0.0.0/0', IpProtocol: '-1', FromPort: 443, ToPort: 443 })]), errors: [{ path: 'SecurityGroupIngress[0].CidrIp', message: 'opens ports 22, 3389' }] },
      { name: 'protocol 6 with string ports', resource: group([rule({ CidrIp: '0.0.0.0/0', IpProtocol: '6', FromPort: '20', ToPort: '25' })]), errors: ['SecurityGroupIngress[0].CidrIp'] },
      { name: 'protocol tcp with -1 ports: all ports', resource: group([rule({ CidrIp: '0.0.0.0/0', FromPort: -1, ToPort: -1 })]), errors: ['SecurityGroupIngress[0].CidrIp'] },
      {
        name: 'both CIDRs, second rule only',
        resource: group([rule({ CidrIp: '10.0.0.0/8' }), rule({ CidrIp: '0.0.0.0/0', CidrIpv6: '::/0' })]),
        errors: ['SecurityGroupIngress[1].CidrIp', 'SecurityGroupIngress[1].CidrIpv6'],
      },
      { name: 'an open CIDR wins over an unknown one', resource: group([rule({ CidrIp: '0.0.0.0/0', CidrIpv6: unknown('Ref') })]), errors: ['SecurityGroupIngress[0].CidrIp'] },
    ],
  },
);

ruleTester(
  'network.noOpenAdminPorts on Terraform blocks with CIDR lists',
  { check: { terraform: { resource: 'aws_security_group', assert: { builtin: 'network.noOpenAdminPorts', path: 'ingress', args: TF_ARGS } } } },
  {
    valid: [{ name: 'private list', resource: { type: 'aws_security_group', properties: { ingress: [{ protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['10.0.0.0/8'] }] } } }],
    invalid: [
      {
        name: 'the open item of the list',
        resource: { type: 'aws_security_group', properties: { ingress: [{ protocol: 'all', from_port: 0, to_port: 0, cidr_blocks: ['10.0.0.0/8', '0.0.0.0/0'] }] } },
        errors: [{ path: 'ingress[0].cidr_blocks[1]', at: '"0.0.0.0/0"' }],
      },
    ],
  },
);

const noOpenAdminPorts = BUILTINS.get('network.noOpenAdminPorts')!;

/** Runs the built-in on one CloudFormation ingress rule written as a standalone resource. */
function verdict(props: Record<string, string | number>): string {
  const t = template([{ address: 'Ingress', type: 'AWS::EC2::SecurityGroupIngress', properties: props }]);
  const r = t.resources[0];
  return noOpenAdminPorts({ value: r.attributes, resource: r, graph: t.graph, args: ARGS, path: '', strict: false }).kind;
}

const ipv4Cidr = fc.tuple(fc.ipV4(), fc.integer({ min: 1, max: 32 })).map(([ip, bits]) => `${ip}/${bits}`);
const ipv6Cidr = fc.tuple(fc.ipV6(), fc.integer({ min: 1, max: 128 })).map(([ip, bits]) => `${ip}/${bits}`);
const protocol = fc.constantFrom('tcp', '6', '-1', 'all', 'udp', 'icmp');
const port = fc.integer({ min: -1, max: 65535 });

describe('network.noOpenAdminPorts properties', () => {
  it('never fails for a CIDR with a prefix length above 0', () => {
    fc.assert(
      fc.property(ipv4Cidr, ipv6Cidr, protocol, port, port, (v4, v6, p, from, to) => {
        expect(verdict({ CidrIp: v4, CidrIpv6: v6, IpProtocol: p, FromPort: from, ToPort: to })).toBe('pass');
      }),
    );
  });

  it('always fails for 0.0.0.0/0 over TCP when the range includes an admin port', () => {
    fc.assert(
      fc.property(fc.constantFrom(22, 3389), fc.integer({ min: 0, max: 22 }), fc.integer({ min: 3389, max: 65535 }), fc.constantFrom('tcp', '6'), (_, from, to, p) => {
        expect(verdict({ CidrIp: '0.0.0.0/0', IpProtocol: p, FromPort: from, ToPort: to })).toBe('fail');
      }),
    );
  });

  it('passes 0.0.0.0/0 over TCP exactly when the range misses every admin port', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 65535 }), (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const includes = [22, 3389].some((p) => from <= p && p <= to);
        expect(verdict({ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: from, ToPort: to })).toBe(includes ? 'fail' : 'pass');
      }),
    );
  });
});
