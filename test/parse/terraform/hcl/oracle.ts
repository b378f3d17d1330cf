/**
 * Differential check of our HCL parser against HashiCorp's (`@cdktf/hcl2json`, passed in by the
 * caller so that this module bundles without its WASM). Shared by the vitest suite and
 * `test/conformance/hcl-oracle.mjs`.
 */
import { parseHcl } from '../../../../src/parse/terraform/hcl';
import { type Json, toHcl2Json } from './to-hcl2json';

export type OracleParse = (filename: string, text: string) => Promise<unknown>;

export interface Comparison {
  /** `match` and `both-rejected` are agreement. */
  outcome: 'match' | 'mismatch' | 'both-rejected' | 'only-oracle-rejected' | 'only-ours-rejected';
  /** What differs, or why a side rejected the file. */
  detail: string;
}

export async function compareWithOracle(oracle: OracleParse, text: string): Promise<Comparison> {
  let expected: Json | undefined;
  let oracleError = '';
  try {
    expected = (await oracle('main.tf', text)) as Json;
  } catch (error) {
    oracleError = error instanceof Error ? error.message : String(error);
  }

  let actual: Json | undefined;
  let ourError = '';
  const parsed = parseHcl(text);
  if (parsed.errors.length > 0) {
    ourError = parsed.errors.map((e) => `${e.start}-${e.end}: ${e.message}`).join('; ');
  } else {
    try {
      actual = toHcl2Json(text, parsed.body);
    } catch (error) {
      ourError = error instanceof Error ? error.message : String(error);
    }
  }

  if (expected === undefined && actual === undefined) return { outcome: 'both-rejected', detail: `oracle: ${oracleError}; ours: ${ourError}` };
  if (expected === undefined) return { outcome: 'only-oracle-rejected', detail: oracleError };
  if (actual === undefined) return { outcome: 'only-ours-rejected', detail: ourError };
  const difference = firstDifference(expected, actual, '$');
  return difference === undefined ? { outcome: 'match', detail: '' } : { outcome: 'mismatch', detail: difference };
}

/** Where two JSON values first differ, as `path: oracle … ours …`; undefined when they are equal. */
export function firstDifference(expected: Json, actual: Json, path: string): string | undefined {
  if (expected === actual) return undefined;
  const show = (value: Json) => JSON.stringify(value)?.slice(0, 200);
  const differ = `${path}: oracle ${show(expected)}, ours ${show(actual)}`;
  if (typeof expected !== 'object' || typeof actual !== 'object' || expected === null || actual === null) return differ;
  if (Array.isArray(expected) !== Array.isArray(actual)) return differ;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return `${path}: oracle has ${expected.length} items, ours ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const inner = firstDifference(expected[i], actual[i], `${path}[${i}]`);
      if (inner !== undefined) return inner;
    }
    return undefined;
  }
  const e = expected as { [key: string]: Json };
  const a = actual as { [key: string]: Json };
  for (const key of new Set([...Object.keys(e), ...Object.keys(a)])) {
    if (!(key in e)) return `${path}: only ours has ${JSON.stringify(key)}`;
    if (!(key in a)) return `${path}: only the oracle has ${JSON.stringify(key)}`;
    const inner = firstDifference(e[key], a[key], `${path}.${key}`);
    if (inner !== undefined) return inner;
  }
  return undefined;
}
