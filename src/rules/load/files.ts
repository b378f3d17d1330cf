import fs from 'node:fs';
import path from 'node:path';

/**
 * Every `*.yaml` / `*.yml` under `dir`, recursively, as absolute paths in a fixed order (sorted
 * by path, code unit order). Hidden folders and symlinked folders are not entered: the first
 * are tool state, the second could loop.
 */
export function listRuleFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (folder: string) => {
    const entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) visit(full);
      } else if (entry.isFile() && (entry.name.endsWith('.yaml') || entry.name.endsWith('.yml'))) {
        out.push(full);
      }
    }
  };
  visit(dir);
  return out;
}

/** How messages name a rule file: relative to the working directory when inside it, else absolute. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}
