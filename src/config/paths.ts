import path from 'node:path';
import { Minimatch } from 'minimatch';

/**
 * The one meaning of a path glob in iac-scan (config `include`, `exclude`, `ignore[].paths`):
 * matched against the root-relative `/`-separated path; `**` crosses dot-folders too; and a
 * pattern without a `/` matches the file name in any folder, as in .gitignore.
 */
export function globMatcher(patterns: readonly string[]): (rel: string) => boolean {
  const compiled = patterns.map((p) => new Minimatch(p, { dot: true, matchBase: true }));
  return (rel) => compiled.some((m) => m.match(rel));
}

/** `abs` relative to `root`, `/`-separated: how every report names a file (`../` when outside). */
export function relativePath(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}
