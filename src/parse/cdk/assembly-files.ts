import path from 'node:path';
import type { Notice } from '../../model';
import { isOutside } from '../../discover/walk';
import type { Workspace } from '../workspace';
import { noticeAtRange } from '../document/notices';
import type { NamedPath } from './manifest';

/** A file of the assembly, read. */
export interface AssemblyFile {
  abs: string;
  rel: string;
  text: string;
}

/**
 * Reads the files that manifests and templates name (templates, metadata files, nested
 * manifests), all relative to the folder of the file naming them. Untrusted names stay inside the
 * assembly's folder, which discovery gave this parser alone, and each file is read at most once:
 * a name that leads back to a file already read (nested assemblies or nested stacks pointing at
 * each other) is a cycle and is reported, not followed.
 */
export class AssemblyFiles {
  private readonly read = new Set<string>();

  constructor(
    /** Absolute folder of the outermost manifest: `cdk.out`. */
    readonly folder: string,
    private readonly workspace: Workspace,
  ) {}

  /** Marks a file discovery already read (the outermost manifest). */
  markRead(abs: string): void {
    this.read.add(path.resolve(abs));
  }

  /**
   * The file `named` names, relative to `dir`, read; undefined with a notice when it is outside the
   * folder, already read, or cannot be read. `what` says what it is for the messages: "the template
   * of stack Prod/Storage".
   */
  open(dir: string, named: NamedPath, what: string, notices: Notice[]): AssemblyFile | undefined {
    const abs = path.resolve(dir, named.name);
    const problem = (code: string, message: string, level: Notice['level'] = 'error') => {
      notices.push(noticeAtRange(named.at, level, code, message));
      return undefined;
    };
    if (isOutside(path.relative(this.folder, abs))) {
      return problem('outside-assembly', `${what} is ${named.name}, outside the cloud assembly folder ${this.workspace.rel(this.folder)}; it was not read. cdk synth writes every file of an assembly inside it.`);
    }
    if (this.read.has(abs)) {
      return problem('assembly-cycle', `${what} is ${this.workspace.rel(abs)}, which was already read (a cycle, or two routes to one file); it was not read again.`, 'warning');
    }
    this.read.add(abs);
    const read = this.workspace.readText(abs);
    if ('error' in read) return problem('unreadable', `${what}, ${this.workspace.rel(abs)}: ${read.error}`);
    return { abs, rel: read.rel, text: read.text };
  }
}
