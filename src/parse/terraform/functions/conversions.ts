import type { UnknownValue, Value } from '../../../model';
import { spec, type Call, type FunctionTable } from './call';
import { setOf } from './sets';
import { unifyItems } from './unify';
import { kindOf } from './values';

/**
 * Type conversions and sensitivity. A value that already has the asked type is returned as it
 * is, keeping its range; `null` converts to `null`. `tostring` of a `jsonencode` result gives
 * its text as a plain string: the evaluator's way to get the string an encoded structure is.
 */
export const conversionFunctions: FunctionTable = {
  tostring: spec(1, 1, (c) => convertScalar(c, 'string', () => c.string(c.asString(c.args[0])))),
  tonumber: spec(1, 1, (c) => convertScalar(c, 'number', () => c.number(c.asNumber(c.args[0])))),
  tobool: spec(1, 1, (c) => convertScalar(c, 'bool', () => c.bool(c.asBool(c.args[0])))),
  tolist: spec(1, 1, (c) => (isNullArg(c) ? c.args[0] : c.list(unifyItems(c, c.asList(c.args[0]))))),
  toset: spec(1, 1, (c) => (isNullArg(c) ? c.args[0] : c.list(setOf(c, unifyItems(c, c.asList(c.args[0])))))),
  tomap: spec(1, 1, (c) => {
    if (isNullArg(c)) return c.args[0];
    const map = c.asMap(c.args[0]);
    const keys = [...map.entries.keys()];
    const values = unifyItems(c, [...map.entries.values()]);
    return c.map(new Map(keys.map((key, i) => [key, values[i]])), map.keyRanges);
  }),
  // A value written in the code stays a literal even when marked sensitive: the hardcoded-secret
  // rule must still see it. Only an Unknown can carry `secret`.
  sensitive: spec(1, 1, (c) => (c.args[0].kind === 'unknown' ? { ...c.args[0], secret: true } : c.args[0])),
  nonsensitive: spec(1, 1, (c) => (c.args[0].kind === 'unknown' ? withoutSecret(c.args[0]) : c.args[0])),
  issensitive: spec(1, 1, (c) => {
    const value = c.args[0];
    if (value.kind === 'unknown' && value.secret) return c.bool(true);
    return c.unknown('iac-scan knows which values are sensitive only for values not written in the code');
  }),
  // Ephemeral values are not known before apply anyway; a known value is not ephemeral.
  ephemeralasnull: spec(1, 1, (c) => c.args[0]),
};

function isNullArg(call: Call): boolean {
  return kindOf(call.known(call.args[0])) === 'null';
}

function convertScalar(call: Call, kind: 'string' | 'number' | 'bool', convert: () => Value): Value {
  const value = call.known(call.args[0]);
  const current = kindOf(value);
  const unchanged = (current === kind && value.kind === 'literal') || current === 'null';
  return unchanged ? value : convert();
}

function withoutSecret(value: UnknownValue): UnknownValue {
  const copy = { ...value };
  delete copy.secret;
  return copy;
}
