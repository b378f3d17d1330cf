import type { Dirent } from 'node:fs';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Notice } from '../model';
import type { FormatParser } from '../parse/format';
import { globMatcher, relativePath } from '../config/paths';
import { enterFolder, isGitignored, rootLayers, type GitignoreLayers } from './gitignore';
import { osReason, unreadable } from './read';

/** A file worth reading: its name or an explicit request says a parser may want it. */
export interface Candidate {
  path: string;
  rel: string;
  /** The path with every symbolic link resolved: one file reached twice is read once. */
  real: string;
  /** The parsers to ask, in registry order. */
  parsers: readonly FormatParser[];
  /** Its name ends in one of those parsers' extensions (not so for an explicitly named file). */
  byExtension: boolean;
}

export interface WalkOptions {
  root: string;
  include: string[];
  exclude: string[];
  parsers: readonly FormatParser[];
}

/** Never worth a look, whatever .gitignore says: dependencies and git's own store. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

/**
 * Lists the candidate files under `paths` (relative to the root, or absolute), sorted by `rel`.
 * Folders are walked depth-first in name order, so which of two routes to one folder wins is
 * deterministic; explicitly named files are taken even when .gitignore'd or of another extension.
 *
 * The walk is synchronous on purpose: it is all metadata calls and nothing else runs meanwhile,
 * and on ~1,650 folders it took 20 ms where the same walk through fs/promises took 350 ms.
 */
export function findCandidates(paths: readonly string[], options: WalkOptions): { candidates: Candidate[]; notices: Notice[] } {
  const walker = new Walker(options);
  walker.addBoundary(options.root);
  for (const p of paths) walker.named(path.resolve(options.root, p));
  return walker.result();
}

class Walker {
  private readonly candidates: Candidate[] = [];
  private readonly notices: Notice[] = [];
  /** Real paths of the folders already walked: a symlink loop ends at the second visit. */
  private readonly visited = new Set<string>();
  /** Real paths a symbolic link may lead into: the root and each named path. */
  private readonly boundaries: string[] = [];
  private readonly included: (rel: string) => boolean;
  private readonly excluded: (rel: string) => boolean;

  constructor(private readonly options: WalkOptions) {
    this.included = options.include.length ? globMatcher(options.include) : () => true;
    this.excluded = globMatcher(options.exclude);
  }

  addBoundary(abs: string): void {
    try {
      this.boundaries.push(realpathSync(abs));
    } catch {
      // A root that does not exist bounds nothing; naming paths under it reports them.
    }
  }

  named(abs: string): void {
    const rel = this.rel(abs);
    let real: string;
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
      real = realpathSync(abs);
    } catch (err) {
      this.notices.push(missing(rel, err));
      return;
    }
    this.boundaries.push(real);
    if (isDir) {
      this.walk(abs, real, this.layersAbove(abs));
    } else if (this.globsAllow(rel)) {
      const own = this.parsersFor(abs);
      this.candidates.push({ path: abs, rel, real, parsers: own.length ? own : this.options.parsers, byExtension: own.length > 0 });
    }
  }

  result(): { candidates: Candidate[]; notices: Notice[] } {
    const sorted = [...this.candidates].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
    const seen = new Set<string>();
    const candidates = sorted.filter((c) => !seen.has(c.real) && seen.add(c.real));
    return { candidates, notices: this.notices };
  }

  /**
   * The ignore files in force in `dir`'s parent: from the root down when `dir` is inside it.
   * Naming a folder that .gitignore excludes is a request to scan it, so then none apply above it.
   */
  private layersAbove(dir: string): GitignoreLayers {
    const { root } = this.options;
    const fromRoot = path.relative(root, dir);
    if (!fromRoot) return rootLayers(root);
    if (isOutside(fromRoot)) return [];
    let layers = rootLayers(root);
    let parent = root;
    for (const part of fromRoot.split(path.sep)) {
      layers = enterFolder(layers, parent);
      parent = path.join(parent, part);
    }
    return isGitignored(layers, dir, true) ? [] : layers;
  }

  private walk(dir: string, real: string, inherited: GitignoreLayers): void {
    if (this.visited.has(real)) return;
    this.visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      this.notices.push(unreadable(this.rel(dir), osReason(err)));
      return;
    }
    const layers = entries.some((e) => e.name === '.gitignore') ? enterFolder(inherited, dir) : inherited;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      const abs = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) this.link(abs, layers);
      else if (entry.isDirectory()) this.folder(abs, path.join(real, entry.name), layers);
      else this.file(abs, path.join(real, entry.name), layers);
    }
  }

  private folder(abs: string, real: string, layers: GitignoreLayers): void {
    const rel = this.rel(abs);
    if (isGitignored(layers, abs, true) || this.excluded(rel) || this.excluded(`${rel}/`)) return;
    this.walk(abs, real, layers);
  }

  private file(abs: string, real: string, layers: GitignoreLayers): void {
    const parsers = this.parsersFor(abs);
    if (!parsers.length || isGitignored(layers, abs, false)) return;
    const rel = this.rel(abs);
    if (this.globsAllow(rel)) this.candidates.push({ path: abs, rel, real, parsers, byExtension: true });
  }

  /**
   * A link is followed only inside the boundaries: a link to `/etc` in a pull request must not
   * make the scan read the runner's files. A dangling link stays a candidate so the read names it.
   */
  private link(abs: string, layers: GitignoreLayers): void {
    let real: string;
    let isDir: boolean;
    try {
      real = realpathSync(abs);
      isDir = statSync(real).isDirectory();
    } catch {
      this.file(abs, abs, layers);
      return;
    }
    if (this.boundaries.some((b) => !isOutside(path.relative(b, real)))) {
      if (isDir) this.folder(abs, real, layers);
      else this.file(abs, real, layers);
      return;
    }
    const rel = this.rel(abs);
    const wanted = isDir || this.parsersFor(abs).length > 0;
    if (wanted && !isGitignored(layers, abs, isDir) && this.globsAllow(rel)) this.notices.push(outsideLink(rel, real));
  }

  private parsersFor(abs: string): FormatParser[] {
    const name = path.basename(abs).toLowerCase();
    return this.options.parsers.filter((p) => p.extensions.some((ext) => name.endsWith(ext.toLowerCase())));
  }

  private globsAllow(rel: string): boolean {
    return this.included(rel) && !this.excluded(rel);
  }

  private rel(abs: string): string {
    return relativePath(this.options.root, abs);
  }
}

/** Is a path relative to a folder (as `path.relative` gives it) outside that folder? */
export function isOutside(relative: string): boolean {
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
}

function missing(rel: string, err: unknown): Notice {
  const code = (err as NodeJS.ErrnoException).code;
  if (code !== 'ENOENT') return unreadable(rel, osReason(err));
  return {
    level: 'error',
    code: 'path-not-found',
    file: rel,
    message: 'this path does not exist; check its spelling (paths are relative to the folder iac-scan runs in).',
  };
}

function outsideLink(rel: string, target: string): Notice {
  return {
    level: 'note',
    code: 'symlink-outside-root',
    file: rel,
    message: `this symbolic link leads to ${target}, outside the scanned folders; it was not followed. Scan that folder itself if it should be checked.`,
  };
}
