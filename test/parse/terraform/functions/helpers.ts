import { expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ListValue, LiteralValue, MapValue, Range, ResourceRef, UnknownValue, Value } from '../../../../src/model';
import { callFunction, isCallError, type FunctionContext } from '../../../../src/parse/terraform/functions';
import { Workspace } from '../../../../src/parse/workspace';
import { plain as valueData } from '../../cloudformation/helpers';

/** Tiny builders for `Value`s in tests. Every value gets a distinct range on its own line unless given one. */

let nextLine = 1;

export function at(line: number, column = 1, file = 'main.tf'): Range {
  return { file, start: { line, column }, end: { line, column: column + 5 } };
}

const fresh = (): Range => at(nextLine++);

/** Where test calls are written. */
export const CALL: Range = at(1000, 3);

export function lit(value: LiteralValue['value'], range: Range = fresh()): LiteralValue {
  return { kind: 'literal', value, range };
}

export function list(items: (Value | LiteralValue['value'])[], range: Range = fresh()): ListValue {
  return { kind: 'list', items: items.map(toValue), range };
}

export function map(entries: Record<string, Value | LiteralValue['value']>, range: Range = fresh()): MapValue {
  const keys = Object.keys(entries);
  return {
    kind: 'map',
    entries: new Map(keys.map((k) => [k, toValue(entries[k])])),
    keyRanges: new Map(keys.map((k) => [k, fresh()])),
    range,
  };
}

export function unknown(why = 'known after apply', refs: ResourceRef[] = [], secret = false): UnknownValue {
  const value: UnknownValue = { kind: 'unknown', why, range: fresh() };
  if (refs.length) value.refs = refs;
  if (secret) value.secret = true;
  return value;
}

/** An attribute of another resource: unknown, with the reference. */
export function ref(key: string, attr = 'id'): UnknownValue {
  return unknown(`refers to ${key}.${attr}`, [{ key, attr }]);
}

function toValue(v: Value | LiteralValue['value']): Value {
  return v !== null && typeof v === 'object' ? v : lit(v);
}

/** A scan root with files, for the file functions. */
export function scanRoot(files: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'iac-scan-functions-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const defaultRoot = scanRoot();

export function context(root = defaultRoot, module = '', overrides: Partial<FunctionContext> = {}): FunctionContext {
  return {
    range: CALL,
    moduleDir: path.join(root, module),
    workspace: new Workspace(root, 1 << 20),
    renderTemplate: () => {
      throw new Error('renderTemplate is not expected in this test');
    },
    ...overrides,
  };
}

/** Calls a function with plain JS values or Values as arguments. */
export function call(name: string, ...args: (Value | LiteralValue['value'])[]): Value {
  return callIn(context(), name, ...args);
}

export function callIn(ctx: FunctionContext, name: string, ...args: (Value | LiteralValue['value'])[]): Value {
  const result = callFunction(name, args.map(toValue), ctx);
  if (result === undefined) throw new Error(`no function ${name}`);
  return result;
}

/** A Value as plain data for assertions, as the CloudFormation tests show them; an error is `{ error: why }`. */
export function plain(value: Value): unknown {
  return isCallError(value) ? { error: (value as UnknownValue).why } : valueData(value);
}

/** `expect(plain(x)).toEqual(ERROR)` for any error, `UNKNOWN` for any other Unknown. */
export const ERROR = { error: expect.any(String) };
export const UNKNOWN = { unknown: expect.anything() };

export type Argument = Value | LiteralValue['value'];

/** One test per row: `name(...args)` gives `expected` (as `plain` shows it). */
export function resultTable(rows: [name: string, args: Argument[], expected: unknown][]): void {
  it.each(rows)('%s(%j) is %j', (name, args, expected) => {
    expect(plain(call(name, ...args))).toEqual(expected);
  });
}

/** One test per row: `name(...args)` is an error Terraform would report. */
export function errorTable(rows: [name: string, args: Argument[]][]): void {
  it.each(rows)('%s(%j) is an error', (name, args) => {
    expect(plain(call(name, ...args))).toEqual(ERROR);
  });
}
