import ipaddr from 'ipaddr.js';
import type { MapValue, Range, Value } from '../../model';
import { describeScalar, toNumber } from '../eval/comparison';
import { joinIndex, joinKey } from '../eval/path-syntax';
import { allOf, fail, pass, unknown, type Failure, type Outcome } from '../eval/outcome';
import { originLocations, propertyRange } from '../eval/ranges';
import type { Builtin, BuiltinInput } from './types';

/**
 * network.noOpenAdminPorts: a firewall rule must not open an admin port to the whole internet.
 *
 * Input: one rule as a map (an ingress entry, or a standalone ingress resource's attributes);
 * a list of such maps (Terraform `ingress` blocks) checks each.
 * Args:
 *   ports: number[]     the admin ports, e.g. [22, 3389]
 *   cidr: string[]      keys whose value is a CIDR or a list of CIDRs (CidrIp, CidrIpv6, cidr_blocks)
 *   from: string        key of the first port of the range (FromPort, from_port)
 *   to: string          key of the last port of the range (ToPort, to_port)
 *   protocol: string    key of the protocol (IpProtocol, protocol)
 *
 * Fails at each CIDR whose prefix length is 0 (`0.0.0.0/0`, `::/0`) when the protocol carries
 * TCP (`tcp`, `6`, `-1`, `all`) and the port range includes one of `ports`; `-1`/`all` opens
 * every port whatever the range says. A port of -1 means the whole range. A rule without any
 * CIDR key passes (it names a security group or prefix list instead). Unknown when a CIDR, the
 * protocol or a port that matters is unknown.
 */
export const noOpenAdminPorts: Builtin = (input) => {
  const { value, resource, path } = input;
  if (value === undefined) return pass(resource, resource.range, path);
  if (value.kind === 'unknown') return unknown(`${path} is unknown: ${value.why}`);
  if (value.kind === 'list') {
    const outcomes = value.items.map((item, i) => noOpenAdminPorts({ ...input, value: item, path: joinIndex(path, i) }));
    return allOf(outcomes, pass(resource, value.range, path));
  }
  if (value.kind !== 'map') return pass(resource, value.range, path);
  return checkRule(value, input);
};

interface Args {
  ports: number[];
  cidr: string[];
  from: string;
  to: string;
  protocol: string;
}

interface OpenCidr {
  at: Range;
  path: string;
  cidr: string;
  value: Value;
}

function checkRule(rule: MapValue, input: BuiltinInput): Outcome {
  const args = input.args as unknown as Args;
  const { resource, path } = input;
  const proof = pass(resource, rule.range, path);
  const cidrs = openCidrs(rule, args.cidr, path);
  if (cidrs.open.length === 0 && !cidrs.unknownWhy) return proof;
  const exposure = exposedPorts(rule, args, path);
  if (!Array.isArray(exposure.ports)) return unknown(exposure.ports.why);
  const exposed = exposure.ports;
  if (exposed.length === 0) return proof;
  if (cidrs.open.length === 0) return unknown(cidrs.unknownWhy as string);
  const ports = exposed.join(', ');
  return fail(
    ...cidrs.open.map(
      (c): Failure => ({
        resource,
        at: c.at,
        path: c.path,
        message: `${c.path} is ${c.cidr}, which opens port${exposed.length > 1 ? 's' : ''} ${ports} (${exposure.description}) to the whole internet; expected a narrower CIDR or no access to ${args.ports.join(', ')}`,
        related: originLocations(c.value),
      }),
    ),
  );
}

/** The CIDRs of prefix length 0 among the CIDR keys, and why the rest may be one. */
function openCidrs(rule: MapValue, keys: string[], path: string): { open: OpenCidr[]; unknownWhy?: string } {
  const open: OpenCidr[] = [];
  let unknownWhy: string | undefined;
  const consider = (v: Value, at: Range, where: string) => {
    if (v.kind === 'unknown') unknownWhy ??= `${where} is unknown: ${v.why}`;
    else if (v.kind === 'literal' && typeof v.value === 'string' && isWholeInternet(v.value)) open.push({ at, path: where, cidr: v.value.trim(), value: v });
  };
  for (const key of keys) {
    const v = rule.entries.get(key);
    if (v === undefined) continue;
    const where = joinKey(path, key);
    if (v.kind === 'list') v.items.forEach((item, i) => consider(item, item.range, joinIndex(where, i)));
    else consider(v, propertyRange(v, rule.keyRanges.get(key)), where);
  }
  return { open, unknownWhy };
}

function isWholeInternet(cidr: string): boolean {
  try {
    return ipaddr.parseCIDR(cidr.trim())[1] === 0;
  } catch {
    return false; // not a CIDR: the provider rejects it, and it opens nothing
  }
}

const MAX_PORT = 65535;

/** The admin ports the rule opens over TCP, with a description of the rule's protocol and range. */
function exposedPorts(rule: MapValue, args: Args, path: string): { ports: number[] | { why: string }; description: string } {
  const protocol = scalarAt(rule, args.protocol, path);
  if ('why' in protocol) return { ports: protocol, description: '' };
  const name = String(protocol.value).toLowerCase();
  if (name === '-1' || name === 'all') return { ports: [...args.ports], description: `${args.protocol} ${describeScalar(protocol.value)}: all ports` };
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

/** A port number; -1 stands for the end of the range it bounds ("all ports"). */
function portAt(rule: MapValue, key: string, path: string, whenAll: number): number | { why: string } {
  const v = scalarAt(rule, key, path);
  if ('why' in v) return v;
  const n = toNumber(v.value);
  if (n === undefined) return { why: `${joinKey(path, key)} is not a port number` };
  return n === -1 ? whenAll : n;
}

function scalarAt(rule: MapValue, key: string, path: string): { value: string | number | boolean } | { why: string } {
  const v = rule.entries.get(key);
  const where = joinKey(path, key);
  if (v === undefined || (v.kind === 'literal' && v.value === null)) return { why: `${where} is not set` };
  if (v.kind === 'unknown') return { why: `${where} is unknown: ${v.why}` };
  if (v.kind !== 'literal' || v.value === null) return { why: `${where} is not a single value` };
  return { value: v.value };
}
