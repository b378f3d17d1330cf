import path from 'node:path';
import type { Range, Value } from '../../model';
import type { SuppliedVariables } from '../format';
import type { Workspace } from '../workspace';
import type { Evaluator } from './evaluator';
import { parseExpression } from './hcl';
import type { ModuleConfig, VariableDecl } from './module-config';
import type { VarsFile, VarsFiles } from './tfvars';
import { isStructured } from './type-constraints';
import { literal } from './values';
import type { InputValue } from './variables';

/**
 * The values given for a root module's variables, in Terraform's precedence (later wins):
 * `TF_VAR_*` environment variables, `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars`
 * and `*.auto.tfvars.json` in name order, then what the scan was given: the config's `variables`,
 * the variable files (`var-files`, `--var-file`), then `--var`, in that order. Values from files
 * keep their line; values from the command line and the environment are `supplied`.
 */
export function rootInputs(
  ev: Evaluator,
  workspace: Workspace,
  varsFiles: VarsFiles,
  config: ModuleConfig,
  supplied: SuppliedVariables | undefined,
): (name: string) => InputValue | undefined {
  const inputs = new Map<string, InputValue>();
  const fromText = (name: string, text: string): InputValue => ({
    placed: false,
    supplied: true,
    value: (at) => textValue(ev, text, config.variables.get(name), at),
  });
  const fromFile = (file: VarsFile, given: boolean) => {
    for (const [name, value] of file.values) {
      inputs.set(name, { placed: true, supplied: given, value: () => (given ? markSupplied(value(ev)) : value(ev)) });
    }
  };

  for (const [name, text] of supplied?.environment ?? []) inputs.set(name, fromText(name, text));
  for (const name of autoLoaded(workspace.list(config.dir) ?? [])) {
    const file = varsFiles.read(path.join(config.dir, name));
    if (file) fromFile(file, false);
  }
  for (const layer of supplied?.layers ?? []) {
    if (layer.kind === 'file') fromFile(varsFiles.parse(layer.rel, layer.text), true);
    else inputs.set(layer.name, fromText(layer.name, layer.value));
  }
  return (name) => inputs.get(name);
}

/** The files Terraform loads by itself from the root module's folder, in its order. */
function autoLoaded(names: string[]): string[] {
  const auto = names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')).sort();
  return [...['terraform.tfvars', 'terraform.tfvars.json'].filter((n) => names.includes(n)), ...auto];
}

/**
 * A value given as text, as Terraform reads it for the variable's type: an expression for a
 * list, map, set, object or tuple; otherwise the text itself (converted to a number or bool with
 * the rest of the variable's type).
 */
function textValue(ev: Evaluator, text: string, decl: VariableDecl | undefined, at: Range): Value {
  if (decl && isStructured(decl.type)) {
    const parsed = parseExpression(text);
    if (parsed.expr && !parsed.errors.length) return markSupplied(ev.evaluate(parsed.expr, { names: new Map(), rangeOf: () => at }));
  }
  return { ...literal(text, at), supplied: true };
}

/** Every literal of a value given at scan time is `supplied`: it is not in the scanned code. */
function markSupplied(value: Value): Value {
  switch (value.kind) {
    case 'literal':
      return { ...value, supplied: true };
    case 'list':
      return { ...value, items: value.items.map(markSupplied) };
    case 'map':
      return { ...value, entries: new Map([...value.entries].map(([k, v]) => [k, markSupplied(v)])) };
    case 'unknown':
      return value;
  }
}
