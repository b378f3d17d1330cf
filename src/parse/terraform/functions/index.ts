import type { Value } from '../../../model';
import { Call, type FunctionContext, type FunctionSpec, type FunctionTable } from './call';
import { collectionFunctions } from './collections';
import { conversionFunctions } from './conversions';
import { encodingFunctions } from './encoding';
import { filesystemFunctions } from './filesystem';
import { formatFunctions } from './format';
import { hashFunctions } from './hashes';
import { jsonFunctions } from './json';
import { mapFunctions } from './maps';
import { networkFunctions } from './network';
import { numberFunctions } from './numbers';
import { regexFunctions } from './regex';
import { setFunctions } from './sets';
import { stringFunctions } from './strings';
import { unknownFunctions } from './unknowns';
import { yamlFunctions } from './yaml';

/**
 * Terraform's built-in functions over `Value`s. `try` and `can` are not here: they evaluate
 * their arguments lazily, so the evaluator does them (with `isCallError`).
 *
 * Contract, for every function:
 * - The values a call makes are at `ctx.range`; values taken unchanged from an argument (a list
 *   item, a map value, `coalesce`'s winner) keep their own ranges.
 * - An Unknown argument the result depends on makes the result Unknown, carrying the references
 *   and secrecy of all arguments; an Unknown the result does not depend on does not
 *   (`length([a.id, b.id])` is 2, `lookup(m, "known_key")` is that value).
 * - An error Terraform would report is an Unknown marked so (`isCallError`); results past
 *   iac-scan's bounds (limits.ts) are Unknown, never partial.
 * - `jsonencode`/`yamlencode` return the structure itself, marked as encoded (encoded.ts).
 */
const TABLES: FunctionTable[] = [
  collectionFunctions,
  conversionFunctions,
  encodingFunctions,
  filesystemFunctions,
  formatFunctions,
  hashFunctions,
  jsonFunctions,
  mapFunctions,
  networkFunctions,
  numberFunctions,
  regexFunctions,
  setFunctions,
  stringFunctions,
  unknownFunctions,
  yamlFunctions,
];

const REGISTRY: ReadonlyMap<string, FunctionSpec> = new Map(TABLES.flatMap((table) => Object.entries(table)));

export const FUNCTION_NAMES: ReadonlySet<string> = new Set(REGISTRY.keys());

/** undefined when Terraform has no such function (the evaluator then makes an Unknown with a note). */
export function callFunction(name: string, args: Value[], ctx: FunctionContext): Value | undefined {
  const fn = REGISTRY.get(name);
  return fn && new Call(name, args, ctx).run(fn);
}

export type { FunctionContext };
export { isCallError } from './call';
export { encodedAs, encodedText, type EncodedText, type Encoding, type Structure } from './encoded';
export { encodedJson } from './json';
