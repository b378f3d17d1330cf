import { readFileSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** The rules of one ignore file, whose patterns are relative to `base`. */
interface Layer {
  base: string;
  rules: Ignore;
}

/**
 * The ignore files in force inside one folder, deepest first: git lets a deeper .gitignore
 * override a shallower one, and every .gitignore override `.git/info/exclude`.
 */
export type GitignoreLayers = readonly Layer[];

/** Adds `file`'s rules (when it exists and can be read) in front of `layers`, based at `base`. */
function withIgnoreFile(layers: GitignoreLayers, base: string, file: string): GitignoreLayers {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // No ignore file is the usual case; an unreadable one is treated the same, as git does.
    return layers;
  }
  return [{ base, rules: ignore().add(text) }, ...layers];
}

/** The layers of `dir` itself: its own .gitignore over those inherited from its parent. */
export function enterFolder(layers: GitignoreLayers, dir: string): GitignoreLayers {
  return withIgnoreFile(layers, dir, path.join(dir, '.gitignore'));
}

/** The root's `.git/info/exclude`, the weakest layer of all. */
export function rootLayers(root: string): GitignoreLayers {
  return withIgnoreFile([], root, path.join(root, '.git', 'info', 'exclude'));
}

/** Is `abs` (a folder when `isDir`) ignored? The deepest file with a matching pattern decides. */
export function isGitignored(layers: GitignoreLayers, abs: string, isDir: boolean): boolean {
  for (const layer of layers) {
    const rel = path.relative(layer.base, abs).split(path.sep).join('/');
    if (!rel || rel.startsWith('../')) continue;
    const verdict = layer.rules.test(isDir ? `${rel}/` : rel);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}
