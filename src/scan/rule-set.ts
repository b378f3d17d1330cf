import path from 'node:path';
import type { ControlCatalog, Notice, Rule } from '../model';
import { selectRules, type Config } from '../config';
import { loadControlCatalog } from '../controls';
import { builtinControlsDir, builtinRulesDir, loadRules } from '../rules';

export interface RuleSet {
  catalog: ControlCatalog;
  /** Every rule of every pack. */
  all: Rule[];
  /** The rules the config selects: the ones a scan runs. */
  selected: Rule[];
}

/**
 * The controls catalog and the rules checked against it: the shipped pack, the config's
 * `packs`, then `rulePacks` (relative to `root`). Without a catalog no rule can be checked, so
 * there is then no rule set, only the catalog's errors.
 */
export function loadRuleSet(root: string, config: Config, rulePacks: readonly string[]): { ruleSet?: RuleSet; errors: Notice[] } {
  const { catalog, errors } = loadControlCatalog(builtinControlsDir());
  if (!catalog) return { errors };
  const packs = [
    { dir: builtinRulesDir(), pack: 'builtin' },
    ...(config.packs ?? []).map((dir) => ({ dir, pack: dir })),
    ...rulePacks.map((dir) => ({ dir: path.resolve(root, dir), pack: dir })),
  ];
  const loaded = loadRules(packs, catalog);
  return { ruleSet: { catalog, all: loaded.rules, selected: selectRules(loaded.rules, config) }, errors: loaded.errors };
}
