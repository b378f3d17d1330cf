import { describe, expect, it } from 'vitest';
import { call, errorTable, ref, resultTable } from './helpers';

describe('IP network functions', () => {
  resultTable([
    // The examples of Terraform's documentation.
    ['cidrsubnet', ['172.16.0.0/12', 4, 2], '172.18.0.0/16'],
    ['cidrsubnet', ['10.1.2.0/24', 4, 15], '10.1.2.240/28'],
    ['cidrsubnet', ['fd00:fd12:3456:7890::/56', 16, 162], 'fd00:fd12:3456:7800:a200::/72'],
    ['cidrhost', ['10.12.112.0/20', 16], '10.12.112.16'],
    ['cidrhost', ['10.12.112.0/20', 268], '10.12.113.12'],
    ['cidrhost', ['fd00:fd12:3456:7890:00a2::/72', 34], 'fd00:fd12:3456:7890::22'],
    ['cidrhost', ['10.0.0.0/8', 2], '10.0.0.2'],
    ['cidrhost', ['10.0.0.0/8', -2], '10.255.255.254'],
    ['cidrhost', ['10.1.2.240/28', 14], '10.1.2.254'],
    ['cidrnetmask', ['172.16.0.0/12'], '255.240.0.0'],
    ['cidrnetmask', ['10.0.0.0/32'], '255.255.255.255'],
    ['cidrsubnets', ['10.1.0.0/16', 4, 4, 8, 4], ['10.1.0.0/20', '10.1.16.0/20', '10.1.32.0/24', '10.1.48.0/20']],
    [
      'cidrsubnets',
      ['fd00:fd12:3456:7890::/56', 16, 16, 16, 32],
      ['fd00:fd12:3456:7800::/72', 'fd00:fd12:3456:7800:100::/72', 'fd00:fd12:3456:7800:200::/72', 'fd00:fd12:3456:7800:300::/88'],
    ],
    ['cidrsubnets', ['10.0.0.0/8', 8, 8, 8, 8], ['10.0.0.0/16', '10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16']],
    // Leading zeros in IPv4 octets are decimal, as Terraform documents.
    ['cidrhost', ['010.001.002.000/24', 1], '10.1.2.1'],
    ['cidrsubnet', ['0.0.0.0/0', 1, 1], '128.0.0.0/1'],
    ['cidrsubnet', ['10.0.0.0/16', '8', '3'], '10.0.3.0/24'],
  ]);

  errorTable([
    ['cidrsubnet', ['10.0.0.0/8', 25, 0]],
    ['cidrsubnet', ['10.0.0.0/16', 4, 16]],
    ['cidrsubnet', ['10.0.0.0/16', 4, -1]],
    ['cidrsubnet', ['10.0.0.0/16', -1, 0]],
    ['cidrhost', ['10.0.0.0/30', 4]],
    ['cidrhost', ['10.0.0.0/30', -5]],
    ['cidrnetmask', ['fd00::/8']],
    ['cidrsubnets', ['10.0.0.0/24', 1, 1, 1]],
    ['cidrhost', ['10.0.0/8', 1]],
    ['cidrhost', ['10.0.0.256/8', 1]],
    ['cidrhost', ['10.0.0.0/33', 1]],
    ['cidrhost', ['10.0.0.0', 1]],
    ['cidrhost', ['0x0a.0.0.0/8', 1]],
    ['cidrhost', ['fe80::1%eth0/64', 1]],
    ['cidrhost', ['not a prefix', 1]],
  ]);

  it('is unknown when the prefix is, keeping its reference', () => {
    expect(call('cidrsubnet', ref('aws_vpc.main', 'cidr_block'), 4, 1)).toMatchObject({ kind: 'unknown', refs: [{ key: 'aws_vpc.main', attr: 'cidr_block' }] });
  });
});
