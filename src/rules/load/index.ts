import fs from 'node:fs';
import path from 'node:path';
import type { ControlCatalog, Notice, Range, Rule } from '../../model';
import { shippedCatalog } from '../../controls/shipped';
import { displayPath, listRuleFiles } from './files';
import { parseRuleText } from './rule-file';
import { fromSnapshot } from './snapshot';

export interface RulePackDir {
  /** Absolute folder. */
  dir: string;
  /** `builtin`, or the pack folder as the user named it. */
  pack: string;
}

/**
 * Loads every `*.yaml|*.yml` under each folder (recursively, in a fixed order). A file with
 * errors yields no rule; every error names the file, line and column and what to fix. An id
 * defined twice, in one pack or across packs, is an error naming both files, and so is a control
 * missing from `catalog` (the shipped one unless given).
 */
export function loadRules(dirs: RulePackDir[], catalog: ControlCatalog = shippedCatalog()): { rules: Rule[]; errors: Notice[] } {
  const rules: Rule[] = [];
  const errors: Notice[] = [];
  const byId = new Map<string, { rule: Rule; file: string }>();
  for (const { dir, pack } of dirs) {
    const files = listPack(dir, pack, errors);
    for (const source of files) {
      const file = displayPath(source);
      let text: string;
      try {
        text = fs.readFileSync(source, 'utf8');
      } catch (err) {
        errors.push({ level: 'error', code: 'rule-invalid', file, message: `cannot read the rule file (${(err as Error).message}).` });
        continue;
      }
      const packPath = path.relative(dir, source).split(path.sep).join('/');
      const parsed = (pack === 'builtin' && fromSnapshot(packPath, text, source, file)) || parseRuleText(text, source, file, pack, catalog);
      errors.push(...parsed.errors);
      if (!parsed.rule) continue;
      const first = byId.get(parsed.rule.id);
      if (first) {
        errors.push(duplicate(parsed.rule, file, parsed.idRange, first));
        continue;
      }
      parsed.rule.packPath = packPath;
      byId.set(parsed.rule.id, { rule: parsed.rule, file });
      rules.push(parsed.rule);
    }
  }
  return { rules, errors };
}

function listPack(dir: string, pack: string, errors: Notice[]): string[] {
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    errors.push({
      level: 'error',
      code: 'rule-pack-missing',
      message: `rule pack "${pack}": the folder ${displayPath(dir)} does not exist; check --rules and "packs" in .iac-scan.yml.`,
    });
    return [];
  }
  return listRuleFiles(dir);
}

function duplicate(rule: Rule, file: string, at: Range | undefined, first: { rule: Rule; file: string }): Notice {
  return {
    level: 'error',
    code: 'rule-duplicate-id',
    file,
    range: at,
    message: `id: rule id "${rule.id}" is already defined in ${first.file} (pack ${first.rule.pack}); give one of the two rules another id.`,
  };
}
