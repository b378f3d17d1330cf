import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Notice, Rule } from '../model';
import { loadConfig, type Config } from '../config';
import { renderControlList } from '../report/control-list';
import { renderRuleList } from '../report/rule-list';
import { loadRuleSet } from '../scan/rule-set';
import { formatNotice } from '../scan/notices';
import { LIST_HELP, type ListArgs, type ListCommand } from './list-args';

/**
 * `iac-scan rules` and `iac-scan controls`: the rules and the controls catalog as a scan from
 * this folder with the same options would load them. Exit code 0, or 2 when the config, a rule
 * pack or the catalog has errors (each printed with its file and line).
 */
export function runList(command: ListCommand, args: ListArgs): number {
  if (args.help) {
    process.stdout.write(`${LIST_HELP[command]}\n`);
    return 0;
  }
  const cwd = process.cwd();
  // The command wins over a path of the same name; say so, since `iac-scan rules` scanned that path before the command existed.
  if (existsSync(path.join(cwd, command))) {
    process.stderr.write(`iac-scan: listing the ${command}; to scan the path "${command}" here, run iac-scan ./${command}\n`);
  }
  const loaded = loadConfig(cwd, args.configPath);
  const { ruleSet, errors } = loadRuleSet(cwd, loaded.config, args.rulePacks);
  const notices: Notice[] = [...loaded.notices, ...errors];
  for (const n of notices) process.stderr.write(`iac-scan: ${formatNotice(n)}\n`);
  if (!ruleSet || notices.some((n) => n.level === 'error')) return 2;

  const rules = ruleSet.selected.map((rule) => withConfiguredSeverity(rule, loaded.config));
  const text = command === 'rules' ? renderRuleList(rules, args.format) : renderControlList(ruleSet.catalog, rules, args.format);
  process.stdout.write(text);
  return 0;
}

/** The severity the config's `severity` map gives the rule, as its findings would carry it. */
function withConfiguredSeverity(rule: Rule, config: Config): Rule {
  const severity = config.severity?.[rule.id];
  return severity ? { ...rule, severity } : rule;
}
