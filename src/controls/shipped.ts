import type { ControlCatalog } from '../model';
import { builtinControlsDir } from '../rules/builtin-dir';
import { formatNotice } from '../scan/notices';
import { loadControlCatalog } from './load';

let shipped: ControlCatalog | undefined;

/**
 * The catalog shipped in `controls/`, loaded once. It is part of the tool, so an error in it is
 * a broken install or a broken change to it, and throws with every error's file and line.
 */
export function shippedCatalog(): ControlCatalog {
  if (shipped) return shipped;
  const { catalog, errors } = loadControlCatalog(builtinControlsDir());
  if (!catalog) throw new Error(`the controls catalog has errors:\n${errors.map(formatNotice).join('\n')}`);
  shipped = catalog;
  return catalog;
}
