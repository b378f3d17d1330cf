import path from 'node:path';
import type { Workspace } from '../workspace';

/** Most trailing path segments tried: deeper source trees than this are not real. */
const MAX_SEGMENTS = 32;

/** Most distinct paths looked up per assembly; each costs up to 2 × MAX_SEGMENTS probes. */
const MAX_PATHS = 2048;

/**
 * Maps the paths in stack traces, which are absolute paths of the machine that ran synthesis, to
 * files in the scan root. A path inside the root names its file when that exists. Otherwise the
 * longest trailing part of the path that names a file wins, looked for first in the app's folder
 * (the one holding `cdk.out`) and then at the root: `/home/ci/work/repo/infra/lib/storage.ts` is
 * `infra/lib/storage.ts` when that file exists. Only the workspace is asked, so nothing outside the
 * root is ever touched; answers are kept, since many resources share a file.
 */
export class SourceFiles {
  private readonly known = new Map<string, string | null>();
  private readonly bases: string[];

  constructor(
    private readonly workspace: Workspace,
    /** Absolute folder of the app: the parent of its `cdk.out`. */
    appFolder: string,
  ) {
    this.bases = [...new Set([appFolder, workspace.root])].filter((base) => workspace.contains(base));
  }

  /** The root-relative path of the file a trace names (`/`-separated, as `parseFrame` gives it), or undefined. */
  rel(file: string): string | undefined {
    let found = this.known.get(file);
    if (found === undefined) {
      if (this.known.size >= MAX_PATHS) return undefined;
      found = this.find(file) ?? null;
      this.known.set(file, found);
    }
    return found ?? undefined;
  }

  private find(file: string): string | undefined {
    const parts = file.split('/').filter((part) => part !== '');
    if (parts.some((part) => part === '.' || part === '..')) return undefined;
    if (file.startsWith('/') && this.workspace.isFile(file)) return this.workspace.rel(file);
    if (/^[A-Za-z]:$/.test(parts[0] ?? '')) parts.shift();
    for (let count = Math.min(parts.length, MAX_SEGMENTS); count > 0; count--) {
      const suffix = parts.slice(parts.length - count);
      for (const base of this.bases) {
        const abs = path.join(base, ...suffix);
        if (this.workspace.isFile(abs)) return this.workspace.rel(abs);
      }
    }
    return undefined;
  }
}
