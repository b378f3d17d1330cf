import type { CheckFamily, MapValue, Value } from '../../model';
import { joinIndex, joinKey } from '../eval/path-syntax';
import { fail, pass, type Failure } from '../eval/outcome';
import { originLocations, propertyRange } from '../eval/ranges';
import { classifyName } from './secret-names';
import type { Builtin } from './types';

/**
 * secrets.noHardcodedSecrets: no secret written in the code.
 *
 * Input: the value at `path`, by default the whole attribute map, walked to any depth.
 * Args: none.
 *
 * Fails at each property whose name says it holds a secret (password, secret, token, API key,
 * private key, access key...; see secret-names.ts for the names that do not, like `...Arn` or
 * `GenerateSecretString`) and whose value is a non-empty string literal. Also for environment
 * entries `{ Name, Value }` (ECS, CodeBuild; any case) whose *name* says secret, unless their
 * `Type` says the value is a reference (CodeBuild `SECRETS_MANAGER`, `PARAMETER_STORE`).
 * Lambda `Variables` maps are ordinary properties and need nothing special.
 * Passes a value supplied at scan time (`supplied: true`) and an unknown (a parameter, a NoEcho
 * parameter, a dynamic reference; a Terraform variable without a value, `random_password`, a data
 * source): neither is in the code. A literal that came from a parameter Default (or a variable's
 * default, a tfvars file) fails: the secret is still in the code, shown as a related location.
 */
export const noHardcodedSecrets: Builtin = ({ value, resource, path }) => {
  if (value === undefined) return pass(resource, resource.range, path);
  const failures: Failure[] = [];
  walk(value, path, (at, where, secret, name) =>
    failures.push({
      resource,
      at,
      path: where,
      message: `${where} holds a secret written in the code (${name}); expected ${EXPECTED[resource.family]}`,
      related: originLocations(secret),
    }),
  );
  return failures.length ? fail(...failures) : pass(resource, value.range, path);
};

/** Where a secret should come from instead, in each family's words. */
const EXPECTED: Record<CheckFamily, string> = {
  cloudformation: 'a reference to a secret store or a NoEcho parameter without a Default',
  terraform: 'a reference to a secret store, a generated secret or a sensitive variable without a default',
};

type Report = (at: MapValue['range'], path: string, secret: Value, name: string) => void;

/** Paths are built only for collections and findings: most nodes are scalars that name nothing secret. */
function walk(value: Value, path: string, report: Report): void {
  if (value.kind === 'list') {
    value.items.forEach((item, i) => {
      if (item.kind === 'map' || item.kind === 'list') walk(item, joinIndex(path, i), report);
    });
    return;
  }
  if (value.kind !== 'map') return;
  checkEnvironmentEntry(value, path, report);
  for (const [key, child] of value.entries) {
    if (child.kind === 'unknown') continue;
    const kind = classifyName(key);
    if (kind === 'about-secret') continue;
    if (child.kind !== 'literal') walk(child, joinKey(path, key), report);
    else if (kind === 'secret' && isHardcoded(child)) report(propertyRange(child, value.keyRanges.get(key)), joinKey(path, key), child, key);
  }
}

/** `{ Name: DB_PASSWORD, Value: hunter2 }`: the secret's name is data, not the key. */
function checkEnvironmentEntry(map: MapValue, path: string, report: Report): void {
  let nameKey: string | undefined;
  let valueKey: string | undefined;
  let typeKey: string | undefined;
  for (const key of map.entries.keys()) {
    // Only 4- and 5-letter keys can match; this runs on every map of every resource.
    if (key.length !== 4 && key.length !== 5) continue;
    const lower = key.toLowerCase();
    if (lower === 'name') nameKey = key;
    else if (lower === 'value') valueKey = key;
    else if (lower === 'type') typeKey = key;
  }
  if (nameKey === undefined || valueKey === undefined) return;
  const name = map.entries.get(nameKey) as Value;
  const secret = map.entries.get(valueKey) as Value;
  const type = typeKey === undefined ? undefined : map.entries.get(typeKey);
  if (type && !(type.kind === 'literal' && String(type.value).toUpperCase() === 'PLAINTEXT')) return;
  if (name.kind !== 'literal' || typeof name.value !== 'string' || classifyName(name.value) !== 'secret' || !isHardcoded(secret)) return;
  report(propertyRange(secret, map.keyRanges.get(valueKey)), joinKey(path, valueKey), secret, name.value);
}

/** A non-empty string written in the scanned code. Dynamic references (`{{resolve:...}}`) are not secrets. */
function isHardcoded(value: Value): boolean {
  return (
    value.kind === 'literal' &&
    typeof value.value === 'string' &&
    value.value !== '' &&
    value.supplied !== true &&
    !value.value.startsWith('{{resolve:')
  );
}
