import type { Resource } from '../../model';
import type { SuppliedVariables } from '../format';
import type { Workspace } from '../workspace';
import { Evaluator } from './evaluator';
import { EvaluationGuard } from './guard';
import { Budget } from './limits';
import type { ModuleFolders } from './module-folders';
import { ModuleInstance, type RootContext } from './module-instance';
import type { NoticeSink } from './notices';
import { rootInputs } from './root-inputs';
import type { RootModule } from './roots';
import type { VarsFiles } from './tfvars';

/** What all root modules of a scan share. */
export interface ScanShared {
  workspace: Workspace;
  notices: NoticeSink;
  moduleFolders: ModuleFolders;
  varsFiles: VarsFiles;
  supplied?: SuppliedVariables;
  /** The files discovery handed over: a root module's resources in its other files are evaluated, not reported. */
  reported: ReadonlySet<string>;
}

/**
 * One root module, evaluated as `terraform plan` would see it before apply, and every resource
 * instance it and its modules declare. Each root has its own budget, so one hostile folder cannot
 * starve the others.
 */
export function evaluateRoot(root: RootModule, shared: ScanShared): Resource[] {
  const { workspace, notices } = shared;
  const unit = workspace.rel(root.dir) || '.';
  const budget = new Budget(notices, unit);
  const ev = new Evaluator({ budget, notices, workspace, rootDir: root.dir });
  const context: RootContext = {
    ev,
    guard: new EvaluationGuard(notices),
    notices,
    budget,
    workspace,
    configs: shared.moduleFolders,
    unit,
    rootDir: root.dir,
    manifest: root.manifest,
    reported: (rel) => shared.reported.has(rel),
  };
  const inputs = rootInputs(ev, workspace, shared.varsFiles, root.config, shared.supplied);
  const module = new ModuleInstance(context, root.config, { prefix: '', origin: [], callPath: [], folders: [root.dir] }, inputs);
  const resources: Resource[] = [];
  module.collect(resources);
  return resources;
}
