import type { MapValue, Range, Value } from '../../model';
import { joinIndex, joinKey } from '../eval/path-syntax';
import { pass, unknown, type Pass, type Unknown } from '../eval/outcome';
import { resolve, resourceScope } from '../eval/paths';
import { propertyRange } from '../eval/ranges';
import { policyValue } from './json-policy';
import { isWholeInternet } from './network-rules';
import type { BuiltinInput } from './types';

/**
 * What the resource-policy built-ins (iam.noPublicPrincipal, iam.deniesInsecureTransport) share:
 * the statements of a policy document, and the tests they make of a statement. Each test is
 * tri-state: true, false, or undefined when an unknown value could make the difference.
 */

/** One statement of a policy, with its concrete path (`PolicyDocument.Statement[1]`). */
export interface Statement {
  value: Value;
  path: string;
}

/** A policy's statements, or the outcome when there is no document to read (absent: pass; unknown: unknown). */
export type Statements = { doc: Value; statements: Statement[]; at: Range } | Pass | Unknown;

/**
 * The statements of the document at the built-in's `path` (a map, or a JSON string). `at` is where
 * the document's property is written (its key), for findings about the document as a whole.
 */
export function statementsOf(input: BuiltinInput): Statements {
  const { value, resource, path } = input;
  if (value === undefined) return pass(resource, resource.range, path);
  const doc = policyValue(value);
  if (doc.kind === 'unknown') return unknown(`${path} is unknown: ${doc.why}`);
  const at = documentRange(input, doc);
  if (doc.kind !== 'map') return { doc, statements: [], at };
  const statements = doc.entries.get('Statement');
  const base = joinKey(path, 'Statement');
  if (statements === undefined) return { doc, statements: [], at };
  if (statements.kind === 'unknown') return unknown(`${base} is unknown: ${statements.why}`);
  const list = statements.kind === 'list' ? statements.items.map((s, i) => ({ value: s, path: joinIndex(base, i) })) : [{ value: statements, path: base }];
  return { doc, statements: list, at };
}

/** Where the document's property is written: its key, found by the built-in's concrete path. */
function documentRange(input: BuiltinInput, doc: Value): Range {
  if (input.path) {
    const hit = resolve(resourceScope(input.resource), input.path)[0];
    if (hit && hit.kind !== 'absent') return hit.at;
  }
  return doc.range;
}

/** The literal text of a scalar, or undefined for anything else. */
function textOf(value: Value | undefined): string | undefined {
  return value?.kind === 'literal' && value.value !== null ? String(value.value) : undefined;
}

/** A single value or a list, as a list. */
function itemsOf(value: Value): Value[] {
  return value.kind === 'list' ? value.items : [value];
}

/** `Effect` is `effect`: undefined when it is unknown. An absent Effect is no effect (IAM requires one). */
export function hasEffect(statement: MapValue, effect: 'Allow' | 'Deny'): boolean | undefined {
  const value = statement.entries.get('Effect');
  if (value === undefined) return false;
  if (value.kind === 'unknown') return undefined;
  return textOf(value) === effect;
}

/**
 * Where the statement names every principal: `Principal: "*"`, or `"*"` as (or among) the
 * `AWS` principals. The place of that `*` and its path in the statement; false when there is
 * none; undefined when an unknown principal could be one.
 */
export function everyonePrincipal(statement: MapValue): { at: Range; path: string } | false | undefined {
  const principal = statement.entries.get('Principal');
  if (principal === undefined) return false;
  if (principal.kind === 'unknown') return undefined;
  if (principal.kind === 'literal') return textOf(principal)?.trim() === '*' ? { at: propertyRange(principal, statement.keyRanges.get('Principal')), path: 'Principal' } : false;
  if (principal.kind !== 'map') return false;
  const aws = principal.entries.get('AWS');
  if (aws === undefined) return false;
  if (aws.kind === 'unknown') return undefined;
  if (aws.kind !== 'list') return textOf(aws)?.trim() === '*' ? { at: propertyRange(aws, principal.keyRanges.get('AWS')), path: 'Principal.AWS' } : false;
  let unsure = false;
  for (const [i, item] of aws.items.entries()) {
    if (textOf(item)?.trim() === '*') return { at: item.range, path: `Principal.AWS[${i}]` };
    if (item.kind === 'unknown') unsure = true;
  }
  return unsure ? undefined : false;
}

/**
 * Condition keys that, with a fixed value, tie a statement to principals or networks someone
 * owns, so that S3 does not count it as public (Amazon S3 User Guide, "The meaning of public"):
 * `aws:SourceIp` with CIDRs that are not the whole internet, and fixed values of these. The
 * `aws:Vpce*` keys (added to IAM in 2025) name the account, organization or organizational unit
 * that owns the VPC endpoint a request came through; like `aws:SourceVpce`, they admit only
 * requests from networks that owner controls.
 */
const TRUSTED_KEYS = new Set(
  [
    'aws:SourceArn',
    'aws:SourceVpc',
    'aws:SourceVpce',
    'aws:SourceOwner',
    'aws:SourceAccount',
    'aws:SourceOrgID',
    'aws:SourceOrgPaths',
    'aws:PrincipalAccount',
    'aws:PrincipalArn',
    'aws:PrincipalOrgID',
    'aws:PrincipalOrgPaths',
    'aws:userid',
    'aws:VpceAccount',
    'aws:VpceOrgID',
    'aws:VpceOrgPaths',
    's3:DataAccessPointAccount',
    's3:DataAccessPointArn',
    's3:x-amz-server-side-encryption-aws-kms-key-id',
  ].map((k) => k.toLowerCase()),
);

/** Operators that let a request through only when the key has one of the values. */
const MATCHING_OPERATORS = new Set(['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike']);

/**
 * Whether the statement's `Condition` limits it to someone in particular: an operator that
 * matches (`StringEquals`, `StringEqualsIgnoreCase`, `StringLike`, `ArnEquals`, `ArnLike`, their
 * `ForAnyValue:` forms, or `IpAddress` for `aws:SourceIp`) on a trusted key, with fixed values:
 * no wildcard (`*`, `?`) and no policy variable (`${...}`), except below a fixed organization
 * in an `...OrgPaths` key (`o-abc/*` is that organization's units), and for `aws:SourceIp` no
 * CIDR of prefix length 0. Negated operators, `...IfExists` (true when the key is missing, as it is for
 * anonymous requests), `ForAllValues:` (true for an empty key) and `Null` limit nothing.
 * Undefined when an unknown could be such a limit.
 */
export function conditionLimitsPrincipals(statement: MapValue): boolean | undefined {
  const condition = statement.entries.get('Condition');
  if (condition === undefined) return false;
  if (condition.kind === 'unknown') return undefined;
  if (condition.kind !== 'map') return false;
  let unsure = false;
  for (const [operatorName, block] of condition.entries) {
    const operator = operatorName.toLowerCase().replace(/^foranyvalue:/, '');
    const isIp = operator === 'ipaddress';
    if (!isIp && !MATCHING_OPERATORS.has(operator)) continue;
    if (block.kind === 'unknown') {
      unsure = true;
      continue;
    }
    if (block.kind !== 'map') continue;
    for (const [key, values] of block.entries) {
      const name = key.toLowerCase();
      if (isIp ? name !== 'aws:sourceip' : !TRUSTED_KEYS.has(name)) continue;
      const fixed = valuesAreFixed(values, isIp ? isWholeInternet : name.endsWith('orgpaths') ? isOpenOrgPath : isPattern);
      if (fixed) return true;
      if (fixed === undefined) unsure = true;
    }
  }
  return unsure ? undefined : false;
}

/** A wildcard or a policy variable, which any caller could match. */
const isPattern = (text: string): boolean => /[*?]|\$\{/.test(text);

/** An organization path whose organization is not fixed (`*`, `o-*`/…); what follows a fixed organization only narrows it. */
const isOpenOrgPath = (text: string): boolean => isPattern(text.split('/', 1)[0]!) || text.startsWith('/');

function valuesAreFixed(values: Value, isOpen: (text: string) => boolean): boolean | undefined {
  if (values.kind === 'unknown') return undefined;
  const items = itemsOf(values);
  if (items.length === 0) return false;
  let unsure = false;
  for (const item of items) {
    if (item.kind === 'unknown') {
      unsure = true;
      continue;
    }
    const text = textOf(item);
    if (text === undefined) return false;
    if (isOpen(text)) return false;
  }
  return unsure ? undefined : true;
}

/** Whether a statement's `Action` is, or contains, one of `actions` (compared case-insensitively, as IAM does). */
export function hasAction(statement: MapValue, actions: string[]): boolean | undefined {
  const value = statement.entries.get('Action');
  if (value === undefined) return false;
  if (value.kind === 'unknown') return undefined;
  const wanted = new Set(actions.map((a) => a.toLowerCase()));
  let unsure = false;
  for (const item of itemsOf(value)) {
    const text = textOf(item);
    if (text !== undefined && wanted.has(text.trim().toLowerCase())) return true;
    if (item.kind === 'unknown') unsure = true;
  }
  return unsure ? undefined : false;
}

/**
 * The place of `Condition.<operator>.<key>` whose values are all `expected` (`aws:SecureTransport`
 * false under `Bool`), among `operators`; operators, keys and values compare case-insensitively.
 * False when there is none; undefined when an unknown could be it.
 */
export function conditionRequires(statement: MapValue, operators: string[], key: string, expected: string): { at: Range } | false | undefined {
  const condition = statement.entries.get('Condition');
  if (condition === undefined) return false;
  if (condition.kind === 'unknown') return undefined;
  if (condition.kind !== 'map') return false;
  const wantedOperators = new Set(operators.map((o) => o.toLowerCase()));
  let unsure = false;
  for (const [operatorName, block] of condition.entries) {
    if (!wantedOperators.has(operatorName.toLowerCase())) continue;
    if (block.kind === 'unknown') {
      unsure = true;
      continue;
    }
    if (block.kind !== 'map') continue;
    for (const [name, values] of block.entries) {
      if (name.toLowerCase() !== key.toLowerCase()) continue;
      if (values.kind === 'unknown') {
        unsure = true;
        continue;
      }
      const items = itemsOf(values);
      if (items.some((i) => i.kind === 'unknown')) unsure = true;
      else if (items.length > 0 && items.every((i) => textOf(i)?.trim().toLowerCase() === expected)) return { at: propertyRange(values, block.keyRanges.get(name)) };
    }
  }
  return unsure ? undefined : false;
}
