import type { Range, Value } from '../../model';
import type { Evaluator } from './evaluator';
import type { VariableDecl } from './module-config';
import type { Scope } from './scope';
import { convertToType } from './type-constraints';

/** A value given for a module's input variable: by a tfvars file, the command line, or a module call. */
export interface InputValue {
  /** Given in a file (a tfvars line, a module argument), so it has a place; command-line and environment values have none. */
  placed: boolean;
  /** Given at scan time (command line, variable files, the config, the environment), not in the scanned tree. */
  supplied: boolean;
  /** The value: at its own place when `placed`, else at `at`, where it is used. */
  value(at: Range): Value;
}

/**
 * A variable's value, by Terraform's rules: the value given for it, else its default, else
 * unknown. A null given for a variable with `nullable = false` takes the default. A sensitive
 * variable's value given at scan time is a secret the code does not hold: it is an unknown marked
 * secret, so no rule judges it. Its default and a `terraform.tfvars` beside the code are in the
 * scanned tree, so their values stay what they are (the secrets rule flags them there).
 */
export function resolveVariable(ev: Evaluator, decl: VariableDecl, input: InputValue | undefined, at: Range, defaultScope: Scope): Value {
  const converted = (value: Value) => convertToType(value, decl.type, (expr) => ev.evaluate(expr, defaultScope));
  if (input) {
    const given = input.value(at);
    const isNull = given.kind === 'literal' && given.value === null;
    if (!isNull || decl.nullable || !decl.default) {
      if (!decl.sensitive || !input.supplied) return converted(given);
      return { kind: 'unknown', why: `variable "${decl.name}" is sensitive; the value given for it is treated as a secret`, range: at, secret: true };
    }
  }
  if (decl.default) return converted(ev.evaluate(decl.default.value, defaultScope));
  const unset: Value = { kind: 'unknown', why: `variable "${decl.name}" has no value`, range: at };
  if (decl.sensitive) unset.secret = true;
  return unset;
}
