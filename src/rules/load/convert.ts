import type { Check, CheckFamily, Rule } from '../../model';
import type { RawCheck, RawRule } from './semantic';

/** A validated rule file as the engine uses it: every family a list of checks, every `resource` a list. */
export function toRule(raw: RawRule, source: string, pack: string): Rule {
  const checks: Partial<Record<CheckFamily, Check[]>> = {};
  for (const family of Object.keys(raw.check) as CheckFamily[]) {
    const list = raw.check[family] as RawCheck | RawCheck[];
    checks[family] = (Array.isArray(list) ? list : [list]).map(toCheck);
  }
  const rule: Rule = {
    id: raw.id,
    title: raw.title as string,
    description: raw.description as string,
    severity: raw.severity as Rule['severity'],
    owner: raw.owner as Rule['owner'],
    controls: raw.controls as Rule['controls'],
    remediation: raw.remediation,
    references: raw.references as string[],
    checks,
    source,
    pack,
  };
  if (raw.equivalents) rule.equivalents = raw.equivalents as Rule['equivalents'];
  return rule;
}

function toCheck(raw: RawCheck): Check {
  const check: Check = { resource: typeof raw.resource === 'string' ? [raw.resource] : raw.resource, assert: raw.assert };
  if (raw.where) check.where = raw.where;
  if (raw.message) check.message = raw.message;
  return check;
}
