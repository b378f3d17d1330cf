import path from 'node:path';
import type { Range } from '../../model';
import type { CallDecl } from './module-config';
import type { RootContext } from './module-instance';

/** `./x`, `../x`: a folder beside the calling module. Anything else is fetched by `terraform init`. */
export function isLocalSource(source: string): boolean {
  return /^\.\.?([/\\]|$)/.test(source);
}

/**
 * The folder a module call's `source` names. Local paths are read only inside the scan root;
 * other sources only where `terraform init` installed them (its `modules.json`). Undefined,
 * with a notice saying why, when the module is not scanned.
 */
export function resolveModuleSource(root: RootContext, decl: CallDecl, parentDir: string, callPath: string[], at: Range): string | undefined {
  const { source, name } = decl;
  if (source === undefined) {
    root.notices.warn('module-source', `module "${name}" has no source written as a plain string, as Terraform requires; it was not scanned.`, at);
    return undefined;
  }
  if (isLocalSource(source)) {
    const dir = path.resolve(parentDir, source);
    if (root.workspace.contains(dir)) return dir;
    root.notices.warn('module-outside-root', `module "${name}" (source "${source}") lies outside the scan root and the folders named to scan, so it was not scanned; scan a folder that holds both the call and the module.`, at);
    return undefined;
  }
  const installed = root.manifest?.dirs.get(callPath.join('.'));
  if (installed !== undefined && root.workspace.contains(installed)) return installed;
  root.notices.warn('module-not-installed', `module "${name}" (source ${source}) was not scanned: run terraform init so .terraform/modules holds it`, at);
  return undefined;
}
