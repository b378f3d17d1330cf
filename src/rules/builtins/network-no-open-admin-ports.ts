import type { MapValue } from '../../model';
import { describeScalar } from '../eval/comparison';
import { firewallBuiltin, isAllProtocols, MAX_PORT, portAt, scalarAt, type Exposure, type FirewallArgs } from './network-rules';
import type { BuiltinInput } from './types';

/**
 * network.noOpenAdminPorts: a firewall rule must not open an admin port to the whole internet.
 *
 * Input: one rule as a map (an ingress entry, a network ACL entry, or a standalone ingress
 * resource's attributes); a list of such maps (Terraform `ingress` blocks) checks each.
 * Args:
 *   ports: number[]     the admin ports, e.g. [22, 3389]
 *   cidr: string[]      keys whose value is a CIDR or a list of CIDRs (CidrIp, CidrIpv6, cidr_blocks)
 *   from: string        key of the first port of the range (FromPort, from_port; PortRange.From nested)
 *   to: string          key of the last port of the range (ToPort, to_port; PortRange.To nested)
 *   protocol: string    key of the protocol (IpProtocol, protocol)
 *
 * Fails at each CIDR whose prefix length is 0 (`0.0.0.0/0`, `::/0`) when the protocol carries
 * TCP (`tcp`, `6`, `-1`, `all`) and the port range includes one of `ports`; `-1`/`all` opens
 * every port whatever the range says. A port of -1 means the whole range. A rule without any
 * CIDR key passes (it names a security group or prefix list instead). Unknown when a CIDR, the
 * protocol or a port that matters is unknown. The shared reading of rules is in network-rules.ts.
 */
export const noOpenAdminPorts = firewallBuiltin(adminExposure);

interface Args extends FirewallArgs {
  ports: number[];
}

function adminExposure(rule: MapValue, input: BuiltinInput): Exposure {
  const args = input.args as unknown as Args;
  const exposure = exposedPorts(rule, args, input.path);
  if (!Array.isArray(exposure.ports)) return exposure.ports;
  const exposed = exposure.ports;
  if (exposed.length === 0) return { exposes: false };
  return {
    exposes: true,
    what: `port${exposed.length > 1 ? 's' : ''} ${exposed.join(', ')} (${exposure.description})`,
    expected: `a narrower CIDR or no access to ${args.ports.join(', ')}`,
  };
}

/** The admin ports the rule opens over TCP, with a description of the rule's protocol and range. */
function exposedPorts(rule: MapValue, args: Args, path: string): { ports: number[] | { why: string }; description: string } {
  const protocol = scalarAt(rule, args.protocol, path);
  if ('why' in protocol) return { ports: protocol, description: '' };
  const name = String(protocol.value).toLowerCase();
  if (isAllProtocols(name)) return { ports: [...args.ports], description: `${args.protocol} ${describeScalar(protocol.value)}: all ports` };
  if (name !== 'tcp' && name !== '6') return { ports: [], description: '' };
  const from = portAt(rule, args.from, path, 0);
  const to = portAt(rule, args.to, path, MAX_PORT);
  if (typeof from !== 'number') return { ports: from, description: '' };
  if (typeof to !== 'number') return { ports: to, description: '' };
  return {
    ports: args.ports.filter((p) => from <= p && p <= to),
    description: from === to ? `tcp port ${from}` : `tcp ports ${from}-${to}`,
  };
}
