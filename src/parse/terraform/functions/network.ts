import ipaddr from 'ipaddr.js';
import { spec, type Call, type FunctionTable } from './call';

/**
 * IP network functions on IPv4 and IPv6 prefixes, with addresses as big integers. IPv4 octets
 * with leading zeros are decimal (`010.1.2.0` is 10.1.2.0), as Terraform documents; ipaddr.js
 * would read them as octal and accepts shorthand forms Terraform rejects, so IPv4 is parsed here
 * and ipaddr.js parses and writes IPv6 only.
 */
export const networkFunctions: FunctionTable = {
  cidrhost: spec(2, 2, (c) => {
    const prefix = parsePrefix(c, c.asString(c.args[0]));
    const size = 1n << BigInt(prefix.bits - prefix.length);
    const requested = BigInt(c.asInteger(c.args[1]));
    const host = requested < 0n ? size + requested : requested;
    if (host < 0n || host >= size) c.fail(`prefix of ${prefix.length} does not accommodate a host numbered ${requested}`);
    return c.string(addressText(prefix.network + host, prefix.bits));
  }),
  cidrnetmask: spec(1, 1, (c) => {
    const prefix = parsePrefix(c, c.asString(c.args[0]));
    if (prefix.bits !== 32) c.fail('only IPv4 prefixes have a netmask');
    return c.string(addressText(maskOf(prefix.length, 32), 32));
  }),
  cidrsubnet: spec(3, 3, (c) => {
    const prefix = parsePrefix(c, c.asString(c.args[0]));
    const newBits = c.asInteger(c.args[1]);
    const number = BigInt(c.asInteger(c.args[2]));
    const length = extendedLength(c, prefix, newBits);
    if (number < 0n || number >= 1n << BigInt(newBits)) c.fail(`prefix extension of ${newBits} does not accommodate a subnet numbered ${number}`);
    return c.string(prefixText(prefix.network + (number << BigInt(prefix.bits - length)), length, prefix.bits));
  }),
  cidrsubnets: spec(1, Infinity, (c) => {
    const prefix = parsePrefix(c, c.asString(c.args[0]));
    const end = prefix.network + (1n << BigInt(prefix.bits - prefix.length));
    let next = prefix.network;
    const subnets = c.args.slice(1).map((arg) => {
      const newBits = c.asInteger(arg);
      const length = extendedLength(c, prefix, newBits);
      const size = 1n << BigInt(prefix.bits - length);
      // Each subnet starts at the first address after the previous one that is aligned to its size.
      const start = ((next + size - 1n) / size) * size;
      if (start + size > end) c.fail(`not enough remaining address space for a subnet with a prefix of ${length} bits`);
      next = start + size;
      return c.string(prefixText(start, length, prefix.bits));
    });
    return c.list(subnets);
  }),
};

interface Prefix {
  bits: 32 | 128;
  /** The address with its host bits cleared. */
  network: bigint;
  length: number;
}

function parsePrefix(call: Call, text: string): Prefix {
  const slash = text.lastIndexOf('/');
  const lengthText = text.slice(slash + 1);
  const address = slash === -1 || !/^\d{1,3}$/.test(lengthText) ? undefined : parseAddress(text.slice(0, slash));
  const length = Number(lengthText);
  if (!address || length > address.bits) call.fail(`invalid CIDR address: "${text}"`);
  return { bits: address.bits, network: address.value & maskOf(length, address.bits), length };
}

function parseAddress(text: string): { bits: 32 | 128; value: bigint } | undefined {
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (octets) {
    const parts = octets.slice(1).map(Number);
    if (parts.some((part) => part > 255)) return undefined;
    return { bits: 32, value: parts.reduce((value, part) => (value << 8n) | BigInt(part), 0n) };
  }
  if (!text.includes(':') || text.includes('%') || !ipaddr.IPv6.isValid(text)) return undefined;
  return { bits: 128, value: ipaddr.IPv6.parse(text).toByteArray().reduce((value, byte) => (value << 8n) | BigInt(byte), 0n) };
}

function extendedLength(call: Call, prefix: Prefix, newBits: number): number {
  if (newBits < 0) call.fail('the number of new bits must not be negative');
  const length = prefix.length + newBits;
  if (length > prefix.bits) call.fail(`insufficient address space to extend prefix of ${prefix.length} by ${newBits}`);
  return length;
}

function maskOf(length: number, bits: number): bigint {
  return ((1n << BigInt(length)) - 1n) << BigInt(bits - length);
}

function prefixText(network: bigint, length: number, bits: number): string {
  return `${addressText(network, bits)}/${length}`;
}

/** An address as Go writes it: dotted IPv4, RFC 5952 IPv6, and IPv4-mapped IPv6 as dotted IPv4. */
function addressText(value: bigint, bits: number): string {
  const bytes: number[] = [];
  for (let i = bits / 8 - 1; i >= 0; i--) bytes.push(Number((value >> BigInt(8 * i)) & 0xffn));
  const mapped = bits === 128 && value >> 32n === 0xffffn;
  if (bits === 32 || mapped) return bytes.slice(-4).join('.');
  return (ipaddr.fromByteArray(bytes) as ipaddr.IPv6).toRFC5952String();
}
