import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shipped rules folder. The CLI bundle runs from `dist/cli.js` with `rules/` beside `dist/`;
 * tests run from `src/rules/`. Both find it as the nearest ancestor holding `rules/aws`.
 */
export function builtinRulesDir(): string {
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.statSync(path.join(dir, 'rules', 'aws'), { throwIfNoEntry: false })?.isDirectory()) return path.join(dir, 'rules');
    if (path.dirname(dir) === dir) break;
  }
  // Not found: name the bundle layout's place, so the loader's "folder does not exist" says where it looked.
  return path.resolve(start, '..', 'rules');
}
