import path from 'node:path';
import type { Workspace } from '../workspace';
import type { NoticeSink } from './notices';

/** Where `terraform init` put the modules of a root module that come from a registry, git or elsewhere. */
export interface ModuleManifest {
  /** Installed folders (absolute) by key: the call names from the root joined by dots (`vpc`, `vpc.subnets`). */
  dirs: Map<string, string>;
}

/**
 * Reads `.terraform/modules/modules.json` under a root module (`Modules: [{Key, Source, Dir}]`,
 * `Dir` relative to the root module). Undefined when there is none: nothing is ever downloaded.
 */
export function readManifest(rootDir: string, workspace: Workspace, notices: NoticeSink): ModuleManifest | undefined {
  const folder = path.join(rootDir, '.terraform', 'modules');
  if (!workspace.list(folder)?.includes('modules.json')) return undefined;
  const read = workspace.readText(path.join(folder, 'modules.json'));
  if ('error' in read) {
    notices.warn('module-manifest', `${workspace.rel(folder)}/modules.json was not read (${read.error}); modules from registries are not scanned.`);
    return undefined;
  }
  const dirs = new Map<string, string>();
  try {
    const modules = (JSON.parse(read.text) as { Modules?: unknown }).Modules;
    for (const entry of Array.isArray(modules) ? modules : []) {
      const { Key: key, Dir: dir } = (entry ?? {}) as { Key?: unknown; Dir?: unknown };
      if (typeof key === 'string' && typeof dir === 'string') dirs.set(key, path.resolve(rootDir, dir));
    }
  } catch {
    notices.warn('module-manifest', `${read.rel} is not valid JSON; modules from registries are not scanned. Run terraform init again.`);
    return undefined;
  }
  return { dirs };
}
