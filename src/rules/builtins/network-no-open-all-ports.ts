import type { MapValue } from '../../model';
import { describeScalar } from '../eval/comparison';
import { firewallBuiltin, isAllProtocols, MAX_PORT, portAt, scalarAt, type Exposure, type FirewallArgs } from './network-rules';
import type { BuiltinInput } from './types';

/**
 * network.noOpenAllPorts: a firewall rule must not open every port to the whole internet.
 *
 * Input: one rule as a map (an ingress entry, or a standalone ingress resource's attributes); a
 * list of such maps (Terraform `ingress` blocks) checks each.
 * Args (as for network.noOpenAdminPorts, without `ports`):
 *   cidr: string[]      keys whose value is a CIDR or a list of CIDRs (CidrIp, CidrIpv6, cidr_blocks)
 *   from: string        key of the first port of the range (FromPort, from_port)
 *   to: string          key of the last port of the range (ToPort, to_port)
 *   protocol: string    key of the protocol (IpProtocol, protocol, ip_protocol)
 *
 * Fails at each CIDR whose prefix length is 0 (`0.0.0.0/0`, `::/0`) when the rule opens every
 * port: protocol `-1`/`all` (every protocol, whatever the range says), or TCP or UDP (`tcp`,
 * `udp`, `6`, `17`) over the whole port range, 0 (or 1) to 65535; a port of -1 means the whole
 * range. Other protocols (ICMP, a protocol number without ports) open no ports. A rule without
 * any CIDR key passes. Unknown when a CIDR, the protocol or a port is unknown and could make the
 * difference. The shared reading of rules is in network-rules.ts.
 */
export const noOpenAllPorts = firewallBuiltin(allPortsExposure);

const PORT_PROTOCOLS = new Map([
  ['tcp', 'tcp'],
  ['6', 'tcp'],
  ['udp', 'udp'],
  ['17', 'udp'],
]);

function allPortsExposure(rule: MapValue, input: BuiltinInput): Exposure {
  const args = input.args as unknown as FirewallArgs;
  const { path } = input;
  const expected = 'a narrower CIDR, or only the ports the service needs';
  const protocol = scalarAt(rule, args.protocol, path);
  if ('why' in protocol) return protocol;
  const name = String(protocol.value).toLowerCase();
  if (isAllProtocols(name)) return { exposes: true, what: `every port of every protocol (${args.protocol} ${describeScalar(protocol.value)})`, expected };
  const family = PORT_PROTOCOLS.get(name);
  if (!family) return { exposes: false };
  const from = portAt(rule, args.from, path, 0);
  const to = portAt(rule, args.to, path, MAX_PORT);
  if (typeof from !== 'number') return from;
  if (typeof to !== 'number') return to;
  // Port 0 is reserved: a range from 1 opens every usable port too.
  if (from > 1 || to < MAX_PORT) return { exposes: false };
  return { exposes: true, what: `every ${family} port (${family} ports ${from}-${to})`, expected };
}
