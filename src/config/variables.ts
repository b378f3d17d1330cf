import { readFileSync } from 'node:fs';
import type { Notice } from '../model';
import type { SuppliedVariables, VariableLayer } from '../parse/format';
import { relativePath } from './paths';

/** Terraform's rule for names: a letter or underscore, then letters, digits, underscores and dashes. */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const ENV_PREFIX = 'TF_VAR_';

export interface VariableSources {
  /** The config's `variables`. */
  config?: Record<string, string | number | boolean>;
  /** Variable definitions files, absolute: the config's `var-files`, then `--var-file`s. */
  files: string[];
  /** `--var NAME=VALUE` flags, in order. */
  flags: string[];
  /** The process environment, for `TF_VAR_<name>`. */
  environment?: Record<string, string | undefined>;
}

/**
 * Terraform variable values for the scan, in precedence order: the config's `variables`, then
 * the files (read here, parsed by the Terraform parser), then `--var`. `TF_VAR_*` values lose to
 * all of them and to the root module's own tfvars, as in Terraform. Problems are errors: a
 * variable file that cannot be read stops the scan, as a parameter file does.
 */
export function loadVariables(sources: VariableSources, root: string): { variables: SuppliedVariables; notices: Notice[] } {
  const layers: VariableLayer[] = [];
  const notices: Notice[] = [];
  for (const [name, value] of Object.entries(sources.config ?? {})) layers.push({ kind: 'value', name, value: String(value), from: 'config' });
  for (const file of sources.files) {
    const rel = relativePath(root, file);
    try {
      layers.push({ kind: 'file', rel, text: readFileSync(file, 'utf8') });
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      notices.push({ level: 'error', code: 'var-file', file: rel, message: `the variable file could not be read (${reason}); check the path.` });
    }
  }
  for (const flag of sources.flags) {
    const parsed = parseVarFlag(flag);
    if ('error' in parsed) notices.push({ level: 'error', code: 'usage', message: parsed.error });
    else layers.push(parsed);
  }
  const environment = new Map<string, string>();
  for (const [key, value] of Object.entries(sources.environment ?? {})) {
    const name = key.slice(ENV_PREFIX.length);
    if (key.startsWith(ENV_PREFIX) && value !== undefined && VARIABLE_NAME.test(name)) environment.set(name, value);
  }
  return { variables: { layers, environment }, notices };
}

/** `--var NAME=VALUE`: the value may contain `=`; the name must be a Terraform name. */
export function parseVarFlag(flag: string): VariableLayer | { error: string } {
  const eq = flag.indexOf('=');
  const name = eq < 0 ? '' : flag.slice(0, eq);
  if (!VARIABLE_NAME.test(name)) {
    return { error: `--var ${JSON.stringify(flag)} is not NAME=VALUE with a Terraform variable name; write e.g. --var environment=prod.` };
  }
  return { kind: 'value', name, value: flag.slice(eq + 1), from: '--var' };
}
