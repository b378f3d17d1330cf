import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../schema/rule.schema.json';

let compiled: ValidateFunction | undefined;

/**
 * The rule schema, compiled once on first use. `errorMessage` is the message editors (VS Code,
 * the YAML language server) show for a schema node; ajv only needs to know the keyword exists.
 */
export function validateRule(data: unknown): ErrorObject[] {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strictTypes: false });
    ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
    compiled = ajv.compile(schema);
  }
  return compiled(data) ? [] : [...(compiled.errors ?? [])];
}
