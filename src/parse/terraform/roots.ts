import path from 'node:path';
import type { Workspace } from '../workspace';
import type { ConfigFile } from './config-files';
import { readModuleConfig, type ModuleConfig } from './module-config';
import { isLocalSource } from './module-sources';
import { readManifest, type ModuleManifest } from './modules-json';
import type { NoticeSink } from './notices';

/** A folder evaluated as a root module: what `terraform plan` would be run in. */
export interface RootModule {
  dir: string;
  config: ModuleConfig;
  manifest?: ModuleManifest;
}

/**
 * Which of the scanned folders are root modules: those no other scanned folder calls as a module
 * (by a local `source`, or through its `.terraform/modules/modules.json`). A called folder is
 * evaluated through its calls, with their arguments, never also on its own with its inputs
 * unknown. Folders under `.terraform` (modules `terraform init` installed) are never roots.
 * Folders that only call each other, so that none of them is a root, are taken as roots in name
 * order until each is reached: no scanned file is left out silently.
 */
export function chooseRoots(folders: Map<string, ConfigFile[]>, workspace: Workspace, notices: NoticeSink): RootModule[] {
  const candidates = [...folders.keys()].filter((dir) => !workspace.rel(dir).split('/').includes('.terraform')).sort();
  const modules = new Map<string, RootModule & { calls: string[] }>();
  for (const dir of candidates) {
    const config = readModuleConfig(dir, folders.get(dir) as ConfigFile[], notices);
    const manifest = readManifest(dir, workspace, notices);
    modules.set(dir, { dir, config, manifest, calls: calledFolders(config, manifest) });
  }
  const called = new Set([...modules.values()].flatMap((m) => m.calls));
  const roots = candidates.filter((dir) => !called.has(dir));
  const reached = new Set<string>();
  const reach = (dir: string): void => {
    if (reached.has(dir)) return;
    reached.add(dir);
    modules.get(dir)?.calls.forEach(reach);
  };
  roots.forEach(reach);
  for (const dir of candidates) {
    if (reached.has(dir)) continue;
    roots.push(dir);
    reach(dir);
  }
  return roots.map((dir) => {
    const { config, manifest } = modules.get(dir) as RootModule;
    return manifest ? { dir, config, manifest } : { dir, config };
  });
}

function calledFolders(config: ModuleConfig, manifest: ModuleManifest | undefined): string[] {
  const local = [...config.calls.values()]
    .map((call) => call.source)
    .filter((source): source is string => source !== undefined && isLocalSource(source))
    .map((source) => path.resolve(config.dir, source));
  return [...local, ...(manifest?.dirs.values() ?? [])];
}
