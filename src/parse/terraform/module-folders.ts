import type { Range } from '../../model';
import type { ConfigFiles } from './config-files';
import { readModuleConfig, type CallDecl, type ModuleConfig } from './module-config';
import type { NoticeSink } from './notices';

/** The configurations of called module folders, each read once per scan however often it is called. */
export class ModuleFolders {
  private readonly configs = new Map<string, ModuleConfig | undefined>();

  constructor(
    private readonly files: ConfigFiles,
    private readonly notices: NoticeSink,
  ) {}

  /** Undefined, with a notice, when the folder holds no configuration files. */
  load(dir: string, call: CallDecl, at: Range): ModuleConfig | undefined {
    if (!this.configs.has(dir)) {
      const files = this.files.folder(dir);
      this.configs.set(dir, files?.length ? readModuleConfig(dir, files, this.notices) : undefined);
    }
    const config = this.configs.get(dir);
    if (!config) this.notices.warn('module-empty', `module "${call.name}" (source "${call.source}") names a folder with no .tf or .tf.json files; it was not scanned.`, at);
    return config;
  }
}
