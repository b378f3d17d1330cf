/**
 * A table-driven tester for rules, after ESLint's RuleTester: a rule (YAML text, a Rule, or just
 * its `check` with placeholder metadata) and tables of `valid` and `invalid` cases. Each case is
 * a resource written as a plain object, optionally with other resources for relations. Rules
 * given as YAML or as a check go through the real loader, so they are schema-checked too.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Finding, Rule } from '../../src/model';
import { builtinRulesDir, evaluateRules, loadRules, parseRuleText } from '../../src/rules';
import { template, textAt, type ResourceSpec, type Template } from '../helpers/resources';

export interface RuleCase {
  name: string;
  /** The resource under test; its address defaults to `Subject`. */
  resource: Omit<ResourceSpec, 'address'> & { address?: string };
  /** Other resources in the same template, for `related` and `target`. */
  others?: ResourceSpec[];
  /** Template parameters with a Default, for `paramDefault(...)`. */
  parameters?: Record<string, string | number | boolean>;
  strict?: boolean;
}

export interface ExpectedFinding {
  /** The finding's property path. */
  path: string;
  /** The checked resource; defaults to the case's resource. */
  address?: string;
  /** A part of the message, or a pattern it matches. */
  message?: string | RegExp;
  /** The exact template text the finding's range covers. */
  at?: string;
}

export interface InvalidCase extends RuleCase {
  /** Every expected finding, in report order; a string is a path. */
  errors: (string | ExpectedFinding)[];
}

type RuleInput = Rule | string | { check: Record<string, unknown>; id?: string };

const PLACEHOLDER = {
  id: 'test-rule',
  title: 'A rule under test',
  description: 'Written by the rule tester.',
  severity: 'high',
  owner: 'customer',
  controls: { iso27001: ['A.8.9'], iso27017: ['CLD.9.5.1'] },
  remediation: { cloudformation: 'Fix the template.', terraform: 'Fix the configuration.' },
  references: ['https://example.com/rule'],
};

/** Loads a rule through the real loader, failing the test with the loader's messages when it is invalid. */
export function loadRule(input: RuleInput): Rule {
  if (typeof input === 'object' && 'checks' in input) return input;
  const text = typeof input === 'string' ? input : stringify({ ...PLACEHOLDER, ...input });
  const parsed = parseRuleText(text, '/virtual/test-rule.yaml', 'test-rule.yaml', 'test');
  if (!parsed.rule) throw new Error(`the rule under test is invalid:\n${parsed.errors.map((e) => e.message).join('\n')}`);
  return parsed.rule;
}

let shipped: Map<string, Rule> | undefined;

/** A rule shipped in `rules/`, by id, loaded once with the real loader. */
export function shippedRule(id: string): Rule {
  if (!shipped) {
    const loaded = loadRules([{ dir: builtinRulesDir(), pack: 'builtin' }]);
    shipped = new Map(loaded.rules.map((r) => [r.id, r]));
  }
  const rule = shipped.get(id);
  if (!rule) throw new Error(`no shipped rule ${id}`);
  return rule;
}

/** The scan of one case: its template and the rule's findings. */
export function runCase(rule: Rule, c: RuleCase): { t: Template; findings: Finding[] } {
  const subject = { ...c.resource, address: c.resource.address ?? 'Subject' };
  const t = template([subject, ...(c.others ?? [])], { parameters: c.parameters });
  return { t, findings: evaluateRules([rule], t.graph, { strict: c.strict ?? false }) };
}

export function ruleTester(title: string, input: RuleInput, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(title, () => {
    const rule = loadRule(input);
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const { findings } = runCase(rule, c);
        expect(findings.map((f) => `${f.resource.address} ${f.path}: ${f.message}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const { t, findings } = runCase(rule, c);
        const subject = c.resource.address ?? 'Subject';
        const expected = c.errors.map((e) => (typeof e === 'string' ? { path: e } : e));
        expect(findings.map((f) => `${f.resource.address} ${f.path}`)).toEqual(expected.map((e) => `${e.address ?? subject} ${e.path}`));
        expected.forEach((e, i) => {
          const f = findings[i];
          if (typeof e.message === 'string') expect(f.message).toContain(e.message);
          else if (e.message) expect(f.message).toMatch(e.message);
          if (e.at !== undefined) expect(textAt(t, f.at)).toBe(e.at);
        });
      });
    }
  });
}
