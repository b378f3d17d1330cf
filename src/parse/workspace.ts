import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { decode } from '../discover/decode';
import { readBounded } from '../discover/read';

export type WorkspaceRead = { text: string; rel: string } | { error: string };

/**
 * The files a parser may read beyond those discovery handed it: a Terraform module's folder,
 * tfvars, the configuration behind a plan. Scanned code names these paths, and it is untrusted,
 * so every read stays inside the scan root (symlinks resolved), is size-bounded, and is decoded
 * like discovered files. Nothing is fetched and nothing outside the root is ever opened.
 */
export class Workspace {
  /** The root and the named folders, as written and with symlinks resolved. */
  private readonly bounds: { written: string; real: string }[];

  constructor(
    /** Absolute scan root. */
    readonly root: string,
    readonly maxFileBytes: number,
    /**
     * Absolute folders the user named on the command line outside the root (`iac-scan ../infra`
     * run elsewhere): their files are as much the scan's as the root's, so a module call in
     * `../infra/envs/prod` may read `../infra/modules/vpc`. Scanned code still cannot reach past them.
     */
    named: readonly string[] = [],
  ) {
    this.bounds = [root, ...named].map((dir) => ({ written: path.resolve(dir), real: safeRealpath(dir) ?? path.resolve(dir) }));
  }

  /** Path relative to the root with `/` separators, as reports show it. */
  rel(abs: string): string {
    return path.relative(this.root, abs).split(path.sep).join('/');
  }

  /** Whether `abs` (after resolving symlinks) lies inside the scan root or a folder the user named. */
  contains(abs: string): boolean {
    const real = safeRealpath(abs);
    if (real === undefined) return this.bounds.some((b) => isWithin(b.written, path.resolve(abs)));
    return this.bounds.some((b) => isWithin(b.real, real));
  }

  readText(abs: string): WorkspaceRead {
    const rel = this.rel(abs);
    if (!this.contains(abs)) return { error: `${rel} is outside the scan root and the folders named to scan; iac-scan reads nothing outside them` };
    const read = readBounded(abs, rel, this.maxFileBytes);
    if ('notice' in read) return { error: read.notice.message };
    const decoded = decode(read.bytes);
    if (decoded.kind !== 'text') return { error: `${rel} is not text (${decoded.kind === 'binary' ? 'binary' : `invalid ${decoded.encoding}`})` };
    return { text: decoded.text, rel };
  }

  /** Whether `abs` is a regular file (symlinks followed) inside the root: a cheap probe, nothing is read. */
  isFile(abs: string): boolean {
    if (!this.contains(abs)) return false;
    try {
      return statSync(abs).isFile();
    } catch {
      return false;
    }
  }

  /** File names in a folder inside the root, sorted; undefined when it is outside or unreadable. */
  list(absDir: string): string[] | undefined {
    if (!this.contains(absDir)) return undefined;
    try {
      return readdirSync(absDir, { withFileTypes: true })
        .filter((e) => e.isFile() || e.isSymbolicLink())
        .map((e) => e.name)
        .sort();
    } catch {
      return undefined;
    }
  }
}

function isWithin(root: string, abs: string): boolean {
  const rel = path.relative(root, abs);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function safeRealpath(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}
