import type { Rule, Severity } from '../model';
import type { Config, RuleSelector } from './config';

/**
 * The rules to run. A rule is kept when it matches every field of `rules.include` (each field
 * narrows the selection) and no field of `rules.exclude` (each field removes more). Severity is
 * judged after the config's overrides, as the user sees it in reports. Empty lists are ignored.
 */
export function selectRules(rules: Rule[], config: Config): Rule[] {
  const { include, exclude } = config.rules ?? {};
  const severityOf = (rule: Rule): Severity => config.severity?.[rule.id] ?? rule.severity;
  return rules.filter((rule) => {
    const traits = fieldMatches(rule, severityOf(rule));
    const kept = !include || traits(include).every(Boolean);
    return kept && !(exclude && traits(exclude).some(Boolean));
  });
}

/** For each field the selector gives (non-empty), whether the rule matches it. */
function fieldMatches(rule: Rule, severity: Severity) {
  return (selector: RuleSelector): boolean[] => {
    const checks: boolean[] = [];
    if (selector.ids?.length) checks.push(selector.ids.includes(rule.id));
    if (selector.owners?.length) checks.push(selector.owners.includes(rule.owner));
    if (selector.severities?.length) checks.push(selector.severities.includes(severity));
    if (selector.controls?.length) {
      const controls = [...rule.controls.iso27001, ...rule.controls.iso27017];
      checks.push(selector.controls.some((wanted) => controls.some((c) => isControlOrChild(c, wanted))));
    }
    return checks;
  };
}

/** `A.8.24` is selected by `A.8.24` and by `A.8`, not by `A.8.2`; case does not matter. */
function isControlOrChild(control: string, wanted: string): boolean {
  const c = control.toUpperCase();
  const w = wanted.toUpperCase();
  return c === w || c.startsWith(`${w}.`);
}
