import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import type { Notice } from '../model';
import type { Config } from './config';
import schema from './config.schema.json';
import { relativePath } from './paths';
import { schemaNotices } from './schema-errors';
import { nodeAt, parseYamlFile, rangeOf, type YamlFile } from './yaml-file';

/** Looked for at the scan root, in this order. */
export const CONFIG_FILE_NAMES = ['.iac-scan.yml', '.iac-scan.yaml'] as const;

const CODE = 'config-invalid';

let validator: ValidateFunction | undefined;

/**
 * Reads the scan's settings: `explicitPath` (relative to the root), else `.iac-scan.yml` or
 * `.iac-scan.yaml` at the root, else none (an empty config). Every problem is an error notice at
 * its line, and then the config is empty: a half-read config would scan with the wrong settings.
 */
export function loadConfig(root: string, explicitPath?: string): { config: Config; notices: Notice[] } {
  const found = findConfigFile(root, explicitPath);
  if (!found.file) return { config: {}, notices: found.notices };
  const rel = relativePath(root, found.file);
  let text: string;
  try {
    text = readFileSync(found.file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return { config: {}, notices: [...found.notices, { level: 'error', code: CODE, file: rel, message: `the config file could not be read (${reason}); check that it is a readable file.` }] };
  }
  const parsed = parseYamlFile(text, rel, CODE, 'the config file');
  const data = parsed.data ?? {};
  if (parsed.notices.length) return { config: {}, notices: [...found.notices, ...parsed.notices] };
  validator ??= new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true }).compile(schema);
  if (!validator(data)) return { config: {}, notices: [...found.notices, ...schemaNotices(validator.errors ?? [], parsed.file, data, CODE)] };
  return { config: resolve(data as Config, path.dirname(found.file), parsed.file), notices: found.notices };
}

function findConfigFile(root: string, explicitPath: string | undefined): { file?: string; notices: Notice[] } {
  if (explicitPath !== undefined) {
    const file = path.resolve(root, explicitPath);
    if (existsSync(file)) return { file, notices: [] };
    return { notices: [{ level: 'error', code: CODE, file: relativePath(root, file), message: 'the config file given with --config does not exist; check the path.' }] };
  }
  const present = CONFIG_FILE_NAMES.map((name) => path.join(root, name)).filter((f) => existsSync(f));
  if (present.length < 2) return { file: present[0], notices: [] };
  return {
    file: present[0],
    notices: [{ level: 'warning', code: 'config-ambiguous', file: relativePath(root, present[1]), message: `this file is ignored because ${CONFIG_FILE_NAMES[0]} is also present; merge them into one.` }],
  };
}

/** Paths in the config are relative to the config file; the rest of the scan wants them absolute. */
function resolve(config: Config, dir: string, file: YamlFile): Config {
  const absolute = (list: string[] | undefined) => list?.map((p) => path.resolve(dir, p));
  return {
    ...config,
    ...(config.packs ? { packs: absolute(config.packs) } : {}),
    ...(config['parameter-files'] ? { 'parameter-files': absolute(config['parameter-files']) } : {}),
    ...(config['var-files'] ? { 'var-files': absolute(config['var-files']) } : {}),
    ...(config.ignore ? { ignore: config.ignore.map((entry, i) => ({ ...entry, location: rangeOf(file, nodeAt(file, ['ignore', i])) })) } : {}),
  };
}
