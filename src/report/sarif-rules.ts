import type { ReportingDescriptor } from 'sarif';
import type { ControlCatalog, Finding, Rule } from '../model';
import { SECURITY_SEVERITY, SEVERITY_LEVEL } from './levels';
import { helpUri } from './names';
import { helpMarkdown, helpText } from './rule-help';

/** GitHub code scanning keeps at most this many tags per rule. */
const MAX_TAGS = 10;

export interface RuleTable {
  descriptors: ReportingDescriptor[];
  /** Rule id → index in `descriptors`, for `result.ruleIndex`. */
  index: Map<string, number>;
}

/**
 * The rules that ran, sorted by id so indexes are stable across runs. A finding's rule is added
 * even if it is missing from the run's list, so every `ruleIndex` points somewhere.
 */
export function ruleTable(rules: readonly Rule[], findings: readonly Finding[], catalog: ControlCatalog): RuleTable {
  const byId = new Map<string, Rule>();
  for (const r of rules) byId.set(r.id, r);
  for (const f of findings) if (!byId.has(f.rule.id)) byId.set(f.rule.id, f.rule);
  const sorted = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    descriptors: sorted.map((rule) => ruleDescriptor(rule, catalog)),
    index: new Map(sorted.map((r, i) => [r.id, i])),
  };
}

function ruleDescriptor(rule: Rule, catalog: ControlCatalog): ReportingDescriptor {
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: helpText(rule, catalog), markdown: helpMarkdown(rule, catalog) },
    helpUri: helpUri(rule),
    defaultConfiguration: { level: SEVERITY_LEVEL[rule.severity] },
    properties: {
      'security-severity': SECURITY_SEVERITY[rule.severity],
      precision: 'high',
      tags: ruleTags(rule),
    },
  };
}

/** `aws-s3-versioning` → `AwsS3Versioning`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

/**
 * `security`, the owner, then ISO controls. Controls beyond the tag limit are dropped, taking
 * 27001 and 27017 in turn (each sorted) so both standards stay represented; the help text
 * keeps the full list.
 */
export function ruleTags(rule: Rule): string[] {
  const fixed = ['security', `owner:${rule.owner}`];
  const iso27001 = [...new Set(rule.controls.iso27001)].sort().map((c) => `iso27001:${c}`);
  const iso27017 = [...new Set(rule.controls.iso27017)].sort().map((c) => `iso27017:${c}`);
  const room = MAX_TAGS - fixed.length;
  const kept01: string[] = [];
  const kept17: string[] = [];
  for (let i = 0; kept01.length + kept17.length < room; i++) {
    if (i >= iso27001.length && i >= iso27017.length) break;
    if (i < iso27001.length) kept01.push(iso27001[i]);
    if (i < iso27017.length && kept01.length + kept17.length < room) kept17.push(iso27017[i]);
  }
  return [...fixed, ...kept01, ...kept17];
}
