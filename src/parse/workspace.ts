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
  private readonly realRoot: string;

  constructor(
    /** Absolute scan root. */
    readonly root: string,
    readonly maxFileBytes: number,
  ) {
    this.realRoot = safeRealpath(root) ?? path.resolve(root);
  }

  /** Path relative to the root with `/` separators, as reports show it. */
  rel(abs: string): string {
    return path.relative(this.root, abs).split(path.sep).join('/');
  }

  /** Whether `abs` (after resolving symlinks) lies inside the scan root. */
  contains(abs: string): boolean {
    const real = safeRealpath(abs);
    if (real === undefined) return isWithin(this.root, path.resolve(abs));
    return isWithin(this.realRoot, real);
  }

  readText(abs: string): WorkspaceRead {
    const rel = this.rel(abs);
    if (!this.contains(abs)) return { error: `${rel} is outside the scan root; iac-scan reads nothing outside it` };
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
