import path from 'node:path';
import type { Resource, SourceFile } from '../../model';
import type { FormatParser, ParseOptions, ParseResult } from '../format';
import { claimsConfig, EXTENSIONS } from './claims';
import { ConfigFiles, type ConfigFile } from './config-files';
import { ModuleFolders } from './module-folders';
import { NoticeSink } from './notices';
import { evaluateRoot } from './root-module';
import { chooseRoots } from './roots';
import { VarsFiles } from './tfvars';

/**
 * Terraform configurations (`.tf`, `.tf.json`), evaluated as Terraform evaluates them before
 * apply: variables from their defaults, tfvars and the command line; locals, functions, count,
 * for_each, dynamic blocks and modules. A module is a folder; each folder no other scanned folder
 * calls is a root module, and the resources of the files handed over are what rules check.
 */
export const terraform: FormatParser = {
  id: 'terraform',
  extensions: EXTENSIONS,
  claims: (rel) => claimsConfig(rel),
  parse(files, options) {
    return parseConfigurations(files, options);
  },
};

function parseConfigurations(files: SourceFile[], options: ParseOptions): ParseResult {
  const notices = new NoticeSink();
  const configFiles = new ConfigFiles(options.workspace, notices, options.limits, files);
  const folders = moduleFolders(files, configFiles);
  const shared = {
    workspace: options.workspace,
    notices,
    reported: new Set(files.map((f) => f.rel)),
    moduleFolders: new ModuleFolders(configFiles, notices),
    varsFiles: new VarsFiles(options.workspace, notices, options.limits),
    supplied: options.variables,
  };
  const resources: Resource[] = [];
  for (const root of chooseRoots(folders, options.workspace, notices)) {
    try {
      resources.push(...evaluateRoot(root, shared));
    } catch {
      notices.add('error', 'internal-error', `iac-scan failed while evaluating the root module ${options.workspace.rel(root.dir) || '.'}; the other root modules were scanned. Please report this with the folder attached.`, undefined, options.workspace.rel(root.dir) || '.');
    }
  }
  return { resources, notices: notices.notices, comments: configFiles.comments };
}

/**
 * The folders of the files handed over, each with all its configuration files: a module is the
 * whole folder, as Terraform reads it, even when only some of its files are scanned (pre-commit
 * passes the changed ones). Only the handed files' resources are reported (see `evaluateRoot`).
 */
function moduleFolders(files: SourceFile[], configFiles: ConfigFiles): Map<string, ConfigFile[]> {
  const folders = new Map<string, ConfigFile[]>();
  for (const file of files) {
    const dir = path.dirname(file.path);
    if (!folders.has(dir)) folders.set(dir, configFiles.folder(dir) ?? []);
    const all = folders.get(dir) as ConfigFile[];
    const own = configFiles.source(file);
    if (!all.includes(own)) all.push(own);
  }
  return folders;
}
