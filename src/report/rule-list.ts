import type { Rule } from '../model';
import { controlList, helpUri } from './names';
import { ruleFormats } from './rule-facts';

/** The formats of `iac-scan rules` and `iac-scan controls`. */
export type ListFormat = 'text' | 'json' | 'markdown';

/** Where a listing links a rule: its page relative to the listing (docs), or its help URI (the CLI). */
export type RuleLink = (rule: Rule) => string | undefined;

/** `iac-scan rules`: the loaded rules, in the order given. */
export function renderRuleList(rules: readonly Rule[], format: ListFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(rules.map(ruleJson), null, 2)}\n`;
    case 'markdown':
      return ruleTableMarkdown(rules, helpUri);
    case 'text':
      return ruleListText(rules);
  }
}

/** One rule as `iac-scan rules --format json` shows it; the shape is documented in the README. */
function ruleJson(rule: Rule) {
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    owner: rule.owner,
    controls: { iso27001: [...rule.controls.iso27001], iso27017: [...rule.controls.iso27017] },
    formats: ruleFormats(rule),
    equivalents: rule.equivalents ?? {},
    helpUri: helpUri(rule) ?? null,
    pack: rule.pack,
  };
}

/** The table of docs/rules.md and of `iac-scan rules --format markdown`. */
export function ruleTableMarkdown(rules: readonly Rule[], link: RuleLink): string {
  const rows = rules.map((rule) => {
    const href = link(rule);
    const id = href ? `[\`${rule.id}\`](${href})` : `\`${rule.id}\``;
    const cells = [id, rule.title, rule.severity, rule.owner, controlList(rule.controls.iso27001), controlList(rule.controls.iso27017)];
    return `| ${cells.map(escapeCell).join(' | ')} |`;
  });
  return ['| id | title | severity | owner | ISO 27001 | ISO 27017 |', '|---|---|---|---|---|---|', ...rows, ''].join('\n');
}

/** A `|` would end the cell. */
export function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/**
 * Two lines a rule, the first in aligned columns:
 * `aws-s3-versioning  medium  customer  S3 buckets keep object versions`, then its controls,
 * formats and (for a rule pack) its pack.
 */
function ruleListText(rules: readonly Rule[]): string {
  const idWidth = Math.max(0, ...rules.map((r) => r.id.length));
  const lines = rules.flatMap((rule) => {
    const details = [
      `ISO 27001 ${controlList(rule.controls.iso27001)}`,
      `ISO 27017 ${controlList(rule.controls.iso27017)}`,
      ruleFormats(rule).join(', '),
      ...(rule.pack === 'builtin' ? [] : [`pack ${rule.pack}`]),
    ];
    return [`${rule.id.padEnd(idWidth)}  ${rule.severity.padEnd(8)}  ${rule.owner.padEnd(8)}  ${rule.title}`, `${' '.repeat(idWidth + 2)}${details.join(' · ')}`];
  });
  return `${[...lines, `${rules.length} rule${rules.length === 1 ? '' : 's'}`].join('\n')}\n`;
}
