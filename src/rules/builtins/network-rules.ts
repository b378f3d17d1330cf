import ipaddr from 'ipaddr.js';
import type { MapValue, Range, Value } from '../../model';
import { toNumber } from '../eval/comparison';
import { joinIndex, joinKey } from '../eval/path-syntax';
import { allOf, fail, pass, unknown, type Failure, type Outcome } from '../eval/outcome';
import { originLocations, propertyRange } from '../eval/ranges';
import type { Builtin, BuiltinInput } from './types';

/**
 * What the firewall built-ins (network.noOpenAdminPorts, network.noOpenAllPorts) share: reading
 * one firewall rule (a security group ingress entry, a network ACL entry) whose keys the rule
 * names in `args`, finding the CIDRs that stand for the whole internet, and reporting each of
 * them. Each built-in only says what a rule exposes, given its protocol and ports.
 *
 * `from`, `to` and `protocol` are keys of the firewall rule, or dotted paths into it for nested
 * values (`PortRange.From` of a CloudFormation network ACL entry); `cidr` keys are top-level keys.
 */
export interface FirewallArgs {
  /** Keys whose value is a CIDR or a list of CIDRs (CidrIp, CidrIpv6, cidr_blocks, CidrBlock). */
  cidr: string[];
  /** Key of the first port of the range (FromPort, from_port, PortRange.From). */
  from: string;
  /** Key of the last port of the range (ToPort, to_port, PortRange.To). */
  to: string;
  /** Key of the protocol (IpProtocol, protocol, Protocol). */
  protocol: string;
}

/** What a rule opens to the CIDRs it names: nothing that matters, something (described), or unknown. */
export type Exposure = { exposes: false } | { exposes: true; what: string; expected: string } | { why: string };

/**
 * A built-in over one firewall rule as a map, or a list of such maps (Terraform `ingress`
 * blocks), each checked. It fails at each CIDR of prefix length 0 (`0.0.0.0/0`, `::/0`) when
 * `expose` says the rule exposes something; a rule without any CIDR key passes (it names a
 * security group or a prefix list instead). Unknown when a CIDR, or what `expose` needs, is
 * unknown and could make the difference.
 */
export function firewallBuiltin(expose: (rule: MapValue, input: BuiltinInput) => Exposure): Builtin {
  const builtin: Builtin = (input) => {
    const { value, resource, path } = input;
    if (value === undefined) return pass(resource, resource.range, path);
    if (value.kind === 'unknown') return unknown(`${path} is unknown: ${value.why}`);
    if (value.kind === 'list') {
      const outcomes = value.items.map((item, i) => builtin({ ...input, value: item, path: joinIndex(path, i) }));
      return allOf(outcomes, pass(resource, value.range, path));
    }
    if (value.kind !== 'map') return pass(resource, value.range, path);
    return checkRule(value, input, expose);
  };
  return builtin;
}

interface OpenCidr {
  at: Range;
  path: string;
  cidr: string;
  value: Value;
}

function checkRule(rule: MapValue, input: BuiltinInput, expose: (rule: MapValue, input: BuiltinInput) => Exposure): Outcome {
  const args = input.args as unknown as FirewallArgs;
  const { resource, path } = input;
  const proof = pass(resource, rule.range, path);
  const cidrs = openCidrs(rule, args.cidr, path);
  if (cidrs.open.length === 0 && !cidrs.unknownWhy) return proof;
  const exposure = expose(rule, input);
  if ('why' in exposure) return unknown(exposure.why);
  if (!exposure.exposes) return proof;
  if (cidrs.open.length === 0) return unknown(cidrs.unknownWhy as string);
  return fail(
    ...cidrs.open.map(
      (c): Failure => ({
        resource,
        at: c.at,
        path: c.path,
        message: `${c.path} is ${c.cidr}, which opens ${exposure.what} to the whole internet; expected ${exposure.expected}`,
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

/** A CIDR of prefix length 0 (`0.0.0.0/0`, `::/0`); anything that is not a CIDR opens nothing (the provider rejects it). */
export function isWholeInternet(cidr: string): boolean {
  try {
    return ipaddr.parseCIDR(cidr.trim())[1] === 0;
  } catch {
    return false;
  }
}

export const MAX_PORT = 65535;

/** The protocol names and numbers that mean every protocol, and so every port. */
export function isAllProtocols(name: string): boolean {
  return name === '-1' || name === 'all';
}

/** A port number at `key`; -1 stands for the end of the range it bounds ("all ports"), given as `whenAll`. */
export function portAt(rule: MapValue, key: string, path: string, whenAll: number): number | { why: string } {
  const v = scalarAt(rule, key, path);
  if ('why' in v) return v;
  const n = toNumber(v.value);
  if (n === undefined) return { why: `${joinKey(path, key)} is not a port number` };
  return n === -1 ? whenAll : n;
}

/** The scalar at `key` (a dotted path for nested values), or why there is none to read. */
export function scalarAt(rule: MapValue, key: string, path: string): { value: string | number | boolean } | { why: string } {
  const where = joinKey(path, key);
  let v: Value | undefined = rule;
  for (const step of key.split('.')) {
    if (v.kind === 'unknown') return { why: `${where} is unknown: ${v.why}` };
    v = v.kind === 'map' ? v.entries.get(step) : undefined;
    if (v === undefined) return { why: `${where} is not set` };
  }
  if (v.kind === 'literal' && v.value === null) return { why: `${where} is not set` };
  if (v.kind === 'unknown') return { why: `${where} is unknown: ${v.why}` };
  if (v.kind !== 'literal' || v.value === null) return { why: `${where} is not a single value` };
  return { value: v.value };
}
