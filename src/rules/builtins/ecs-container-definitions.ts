import type { CheckFamily, MapValue, Resource, Value } from '../../model';
import { looseEquals } from '../eval/comparison';
import { joinIndex, joinKey } from '../eval/path-syntax';
import { allOf, fail, pass, unknown, type Outcome } from '../eval/outcome';
import { originLocations, propertyRange } from '../eval/ranges';
import { jsonTextValue } from './json-policy';
import { classifyName } from './secret-names';
import type { Builtin } from './types';

/**
 * Built-ins over ECS container definitions: CloudFormation `ContainerDefinitions` (a list of
 * maps with PascalCase keys) and Terraform `container_definitions`, which is JSON with camelCase
 * keys: a `jsonencode([...])` (a list here) or a JSON string (a heredoc, `file()`, a `.tf.json`
 * string), decoded with the JSON reader of json-policy.ts. Keys are matched without case, so
 * `Privileged` and `privileged` are the same setting.
 */

/**
 * ecs.noPrivilegedContainers: no container runs privileged.
 *
 * Input: the container definitions at `path` (`container_definitions`).
 * Args: none.
 *
 * Fails at each container's `privileged` (`Privileged`) that is true. A container that leaves it
 * out is not privileged (the ECS default). Unknown when the definitions, a container or its flag
 * cannot be known; a string that is not JSON is unknown too (Terraform would reject it).
 */
export const noPrivilegedContainers: Builtin = ({ value, resource, path }) =>
  eachContainer(value, resource, path, (container, at, origin) => {
    const found = entryOf(container, 'privileged');
    if (!found) return pass(resource, container.range, at);
    const [key, flag] = found;
    const where = joinKey(at, key);
    const privileged = looseEquals(flag, true);
    if (privileged === undefined) return unknown(`${where} is unknown`);
    if (!privileged) return pass(resource, flag.range, where);
    return fail({
      resource,
      at: propertyRange(flag, container.keyRanges.get(key)),
      path: where,
      message: `${where} is true: the container gets root-level access to the host's devices and kernel; expected false or left out`,
      related: originLocations(flag.origin ? flag : origin),
    });
  });

/**
 * ecs.noSecretsInEnvironment: no container gets a secret through a plain environment variable.
 *
 * Input: the container definitions at `path` (`ContainerDefinitions`, `container_definitions`).
 * Args: none.
 *
 * Fails at the value of each `environment` entry (`{ name, value }`, any case) whose *name* says
 * it holds a secret (secret-names.ts: `DB_PASSWORD`, `API_KEY`, `STRIPE_SECRET`..., not
 * `..._ARN`, `..._ID`) and whose value is a non-empty string written in the code: in the template,
 * a parameter's Default, a variable's default or a tfvars file (shown as related locations).
 * Such a value is stored in the task definition in plain text and shown to anyone who can
 * describe it; `secrets` (`valueFrom` a Secrets Manager secret or an SSM parameter) injects it
 * at start instead. A value given at scan time, or unknown before deployment (a NoEcho parameter,
 * a dynamic reference, a variable without a value), is not in the code and passes, as with
 * secrets.noHardcodedSecrets.
 */
export const noSecretsInEnvironment: Builtin = ({ value, resource, path }) =>
  eachContainer(value, resource, path, (container, at, origin) => {
    const found = entryOf(container, 'environment');
    if (!found) return pass(resource, container.range, at);
    const [key, environment] = found;
    const base = joinKey(at, key);
    if (environment.kind === 'unknown') return unknown(`${base} is unknown: ${environment.why}`);
    if (environment.kind !== 'list') return pass(resource, environment.range, base);
    const outcomes = environment.items.map((entry, i) => checkVariable(entry, joinIndex(base, i), resource, origin));
    return allOf(outcomes, pass(resource, environment.range, base));
  });

function checkVariable(entry: Value, at: string, resource: Resource, origin: Value): Outcome {
  if (entry.kind === 'unknown') return unknown(`${at} is unknown: ${entry.why}`);
  const proof = pass(resource, entry.range, at);
  if (entry.kind !== 'map') return proof;
  const name = entryOf(entry, 'name')?.[1];
  const found = entryOf(entry, 'value');
  if (!name || !found) return proof;
  const [valueKey, secret] = found;
  if (!isWrittenString(secret)) return proof;
  if (name.kind === 'unknown') return unknown(`${at} sets a variable whose name is unknown: ${name.why}`);
  if (name.kind !== 'literal' || typeof name.value !== 'string' || classifyName(name.value) !== 'secret') return proof;
  const where = joinKey(at, valueKey);
  return fail({
    resource,
    at: propertyRange(secret, entry.keyRanges.get(valueKey)),
    path: where,
    message: `${where} gives environment variable ${name.value} a secret written in the code, stored in the task definition in plain text; expected ${SECRETS[resource.family]}`,
    related: originLocations(secret.origin ? secret : origin),
  });
}

/** Where a container's secret should come from, in each family's words. */
const SECRETS: Record<CheckFamily, string> = {
  cloudformation: 'it in Secrets, with ValueFrom a Secrets Manager secret or an SSM parameter',
  terraform: 'it in the container\'s "secrets", with "valueFrom" a Secrets Manager secret or an SSM parameter',
};

/** A non-empty string written in the scanned code (not supplied at scan time). */
function isWrittenString(value: Value): boolean {
  return value.kind === 'literal' && typeof value.value === 'string' && value.value !== '' && value.supplied !== true;
}

/** `origin`: where the definitions came from when they were decoded from a string that flowed in (a `file()`). */
type ContainerCheck = (container: MapValue, at: string, origin: Value) => Outcome;

/** Runs `check` on every container definition; a single map counts as a list of one. */
function eachContainer(value: Value | undefined, resource: Resource, path: string, check: ContainerCheck): Outcome {
  if (value === undefined) return pass(resource, resource.range, path);
  const definitions = decoded(value);
  if (definitions.kind === 'unknown') return unknown(`${path} is unknown: ${definitions.why}`);
  if (definitions.kind === 'literal') {
    return typeof definitions.value === 'string' ? unknown(`${path} is not a JSON list of container definitions`) : pass(resource, definitions.range, path);
  }
  const containers = definitions.kind === 'list' ? definitions.items.map((c, i) => [c, joinIndex(path, i)] as const) : [[definitions, path] as const];
  const outcomes = containers.map(([container, at]): Outcome => {
    if (container.kind === 'unknown') return unknown(`${at} is unknown: ${container.why}`);
    return container.kind === 'map' ? check(container, at, definitions) : pass(resource, container.range, at);
  });
  return allOf(outcomes, pass(resource, definitions.range, path));
}

/** The entry whose key is `lowerName` in any case, with the key as written. */
function entryOf(map: MapValue, lowerName: string): [string, Value] | undefined {
  for (const [key, value] of map.entries) {
    if (key.length === lowerName.length && key.toLowerCase() === lowerName) return [key, value];
  }
  return undefined;
}

/**
 * Container definitions written as a JSON string (a heredoc, `file()`, a `.tf.json` string)
 * become a value tree whose nodes point at their own place when the text stands in the file.
 * Anything but a string holding a JSON list is returned as is.
 */
function decoded(value: Value): Value {
  return jsonTextValue(value, 'array');
}
