import type { MapValue, Range, Value } from '../../model';
import { applyFunction } from './calls';
import type { Evaluator } from './evaluator';
import { encodedJson } from './functions';
import { reveal } from './marks';
import { list, literal, MapBuilder, textOf, unknownFrom } from './values';

/** Statement arguments and the policy keys they become, in the order AWS documents them. */
const STATEMENT_KEYS: [argument: string, key: string][] = [
  ['sid', 'Sid'],
  ['effect', 'Effect'],
  ['actions', 'Action'],
  ['not_actions', 'NotAction'],
  ['resources', 'Resource'],
  ['not_resources', 'NotResource'],
];

/**
 * `data "aws_iam_policy_document"` rendered to the policy it produces, as its `.json` gives it:
 * `{ Version, Id, Statement: [{ Sid, Effect, Action, NotAction, Resource, NotResource,
 * Principal, NotPrincipal, Condition }] }`. Each node is the evaluated argument, so it keeps its
 * place: a finding on `Action` points at `actions = [...]`. It is what `jsonencode` makes of that
 * tree, so where text is needed (a template, a function), it is the JSON.
 * `source_policy_documents` come first and `override_policy_documents` last, statements with the
 * same `Sid` replacing earlier ones, as the provider merges them.
 */
export function renderPolicyDocument(ev: Evaluator, body: MapValue, at: Range): Value {
  const doc = new MapBuilder();
  doc.set('Version', body.entries.get('version') ?? literal('2012-10-17', at), body.keyRanges.get('version') ?? at);
  const id = body.entries.get('policy_id');
  if (id) doc.set('Id', id, body.keyRanges.get('policy_id') ?? at);

  const statements = documentStatements(body.entries.get('source_policy_documents'), at);
  const own = body.entries.get('statement');
  const ownList = own === undefined ? [] : own.kind === 'list' ? own.items : [own];
  mergeBySid(statements, ownList.map(renderStatement));
  mergeBySid(statements, documentStatements(body.entries.get('override_policy_documents'), at));
  const statementRange = own?.range ?? at;
  doc.set('Statement', list(statements, statementRange), body.keyRanges.get('statement') ?? at);

  return applyFunction(ev, 'jsonencode', [doc.build(at)], at);
}

function renderStatement(block: Value): Value {
  if (block.kind !== 'map') return block;
  const out = new MapBuilder();
  for (const [argument, key] of STATEMENT_KEYS) {
    const value = block.entries.get(argument);
    if (value && !(value.kind === 'literal' && value.value === null)) out.set(key, value, block.keyRanges.get(argument) ?? block.range);
    // The provider's default effect, placed at the statement block.
    else if (key === 'Effect') out.set(key, literal('Allow', block.range), block.range);
  }
  for (const [argument, key] of [['principals', 'Principal'], ['not_principals', 'NotPrincipal']] as const) {
    const blocks = block.entries.get(argument);
    if (blocks) out.set(key, principals(blocks), block.keyRanges.get(argument) ?? block.range);
  }
  const conditions = block.entries.get('condition');
  if (conditions) out.set('Condition', conditionMap(conditions), block.keyRanges.get('condition') ?? block.range);
  return out.build(block.range);
}

/** `principals { type = "AWS", identifiers = [...] }` blocks → `{ AWS: [...] }`; type `*` → `"*"`. */
function principals(blocks: Value): Value {
  const items = blocks.kind === 'list' ? blocks.items : [blocks];
  const byType = new MapBuilder();
  for (const item of items) {
    const type = item.kind === 'map' ? item.entries.get('type') : undefined;
    const identifiers = item.kind === 'map' ? item.entries.get('identifiers') : undefined;
    const typeText = type && textOf(reveal(type));
    if (item.kind !== 'map' || typeText === undefined || identifiers === undefined) {
      return unknownFrom('a principal whose type or identifiers cannot be known before deployment', blocks.range, [item]);
    }
    if (typeText === '*') return identifiers.kind === 'list' && identifiers.items.length === 1 ? identifiers.items[0] : identifiers;
    const known = byType.entries.get(typeText);
    const merged = known?.kind === 'list' && identifiers.kind === 'list' ? list([...known.items, ...identifiers.items], known.range) : identifiers;
    byType.set(typeText, merged, item.keyRanges.get('type') ?? item.range);
  }
  return byType.build(blocks.range);
}

/** `condition { test, variable, values }` blocks → `{ test: { variable: values } }`. */
function conditionMap(blocks: Value): Value {
  const items = blocks.kind === 'list' ? blocks.items : [blocks];
  const byTest = new Map<string, MapBuilder>();
  const testRanges = new Map<string, Range>();
  for (const item of items) {
    const test = item.kind === 'map' ? item.entries.get('test') : undefined;
    const variable = item.kind === 'map' ? item.entries.get('variable') : undefined;
    const values = item.kind === 'map' ? item.entries.get('values') : undefined;
    const testText = test && textOf(reveal(test));
    const variableText = variable && textOf(reveal(variable));
    if (item.kind !== 'map' || testText === undefined || variableText === undefined || values === undefined) {
      return unknownFrom('a condition that cannot be known before deployment', blocks.range, [item]);
    }
    let byVariable = byTest.get(testText);
    if (!byVariable) {
      byTest.set(testText, (byVariable = new MapBuilder()));
      testRanges.set(testText, item.keyRanges.get('test') ?? item.range);
    }
    byVariable.set(variableText, values, item.keyRanges.get('variable') ?? item.range);
  }
  const out = new MapBuilder();
  for (const [test, byVariable] of byTest) out.set(test, byVariable.build(testRanges.get(test) as Range), testRanges.get(test) as Range);
  return out.build(blocks.range);
}

/** The statements of policy documents given as JSON text or as rendered documents; an unknown document gives an unknown statement. */
function documentStatements(documents: Value | undefined, at: Range): Value[] {
  if (!documents) return [];
  const shown = reveal(documents);
  if (shown.kind !== 'list') return [unknownFrom('policy documents that cannot be known before deployment', at, [shown])];
  const statements: Value[] = [];
  for (const item of shown.items) {
    const doc = encodedJson(reveal(item));
    const found = doc?.kind === 'map' ? doc.entries.get('Statement') : undefined;
    if (!found) statements.push(unknownFrom('a policy document that cannot be known before deployment', item.range, [item]));
    else if (found.kind === 'list') statements.push(...found.items);
    else statements.push(found);
  }
  return statements;
}

/** Appends `added`, each replacing an earlier statement with the same Sid. */
function mergeBySid(statements: Value[], added: Value[]): void {
  for (const statement of added) {
    const sid = sidOf(statement);
    const at = sid === undefined ? -1 : statements.findIndex((s) => sidOf(s) === sid);
    if (at >= 0) statements[at] = statement;
    else statements.push(statement);
  }
}

function sidOf(statement: Value): string | undefined {
  const sid = statement.kind === 'map' ? statement.entries.get('Sid') : undefined;
  const text = sid && textOf(reveal(sid));
  return text === '' ? undefined : text;
}
