import { createHash } from 'node:crypto';
import { spec, type Call, type FunctionSpec, type FunctionTable } from './call';

/** Hashes of a string's UTF-8 bytes, in hex or base64, as Terraform writes them. */
const digest = (algorithm: string, encoding: 'hex' | 'base64'): FunctionSpec =>
  spec(1, 1, (c) => c.string(createHash(algorithm).update(c.asString(c.args[0]), 'utf8').digest(encoding)));

export const hashFunctions: FunctionTable = {
  md5: digest('md5', 'hex'),
  sha1: digest('sha1', 'hex'),
  sha256: digest('sha256', 'hex'),
  sha512: digest('sha512', 'hex'),
  base64sha256: digest('sha256', 'base64'),
  base64sha512: digest('sha512', 'base64'),
  uuidv5: spec(2, 2, (c) => c.string(uuidV5(namespaceBytes(c, c.asString(c.args[0])), c.asString(c.args[1])))),
};

/** The namespaces RFC 4122 names, which Terraform accepts by name. */
const NAMESPACES: Record<string, string> = {
  dns: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
  url: '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
  oid: '6ba7b812-9dad-11d1-80b4-00c04fd430c8',
  x500: '6ba7b814-9dad-11d1-80b4-00c04fd430c8',
};

/** A namespace by name, or a UUID written with dashes, braces, a `urn:uuid:` prefix, or as 32 hex digits. */
function namespaceBytes(call: Call, namespace: string): Buffer {
  const text = NAMESPACES[namespace] ?? namespace.replace(/^urn:uuid:/i, '').replace(/^\{(.*)\}$/, '$1');
  const hex = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text) ? text.replaceAll('-', '') : text;
  if (!/^[0-9a-f]{32}$/i.test(hex)) call.fail(`"${namespace}" is neither a UUID nor dns, url, oid or x500`);
  return Buffer.from(hex, 'hex');
}

/** RFC 4122 version 5: SHA-1 of namespace and name, with the version and variant bits set. */
function uuidV5(namespace: Buffer, name: string): string {
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}
