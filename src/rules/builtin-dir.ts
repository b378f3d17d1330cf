import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shipped rules folder. */
export function builtinRulesDir(): string {
  return path.join(shippedDataRoot(), 'rules');
}

/** The shipped controls catalog, beside the rules (see docs/controls.md). */
export function builtinControlsDir(): string {
  return path.join(shippedDataRoot(), 'controls');
}

/**
 * The folder holding `rules/` and `controls/`. The CLI bundle runs from `dist/cli.js` with them
 * beside `dist/`; tests run from `src/rules/`. Both find it as the nearest ancestor holding `rules/aws`.
 */
function shippedDataRoot(): string {
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.statSync(path.join(dir, 'rules', 'aws'), { throwIfNoEntry: false })?.isDirectory()) return dir;
    if (path.dirname(dir) === dir) break;
  }
  // Not found: name the bundle layout's place, so the loaders' "does not exist" says where they looked.
  return path.resolve(start, '..');
}
