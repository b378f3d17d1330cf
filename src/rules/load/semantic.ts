import type { CheckFamily, Condition, Notice } from '../../model';
import { BUILTINS } from '../builtins';
import { parsePath, PathSyntaxError } from '../eval/path-syntax';
import { dotted, nodeAt, rangeOf, type RuleDocument } from './yaml-nodes';

type Segment = string | number;

/** A rule as the schema guarantees it, before conversion. */
export interface RawRule {
  id: string;
  remediation: Record<string, string>;
  check: Partial<Record<CheckFamily, RawCheck | RawCheck[]>>;
  [key: string]: unknown;
}

export interface RawCheck {
  resource: string | string[];
  where?: Condition;
  assert: Condition;
  message?: string;
}

const TYPE_FORMS: Record<CheckFamily, { pattern: RegExp; expected: string }> = {
  cloudformation: { pattern: /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/, expected: 'a CloudFormation type such as AWS::S3::Bucket (Vendor::Service::Type)' },
  terraform: { pattern: /^[a-z0-9]+(_[a-z0-9]+)+$/, expected: 'a Terraform type such as aws_s3_bucket (snake_case)' },
};

/**
 * What the schema cannot say: paths that do not parse, regular expressions that do not compile,
 * built-ins that do not exist, resource types of the other family, and a family checked without
 * a remediation for it.
 */
export function semanticNotices(rule: RawRule, rd: RuleDocument): Notice[] {
  const notices: Notice[] = [];
  const report = (segments: Segment[], problem: string) => {
    const { node } = nodeAt(rd, segments);
    notices.push({ level: 'error', code: 'rule-invalid', message: `${dotted(segments)}: ${problem}. Fix the rule file.`, file: rd.file, range: rangeOf(rd, node) });
  };
  for (const family of Object.keys(rule.check) as CheckFamily[]) {
    if (rule.remediation[family] === undefined) {
      report(['remediation'], `missing "${family}": every family the rule checks needs its remediation`);
    }
    const raw = rule.check[family] as RawCheck | RawCheck[];
    const checks = Array.isArray(raw) ? raw.map((c, i) => [c, ['check', family, i]] as const) : [[raw, ['check', family]] as const];
    for (const [check, at] of checks) {
      checkTypes(check.resource, [...at, 'resource'], family, report);
      if (check.where) checkCondition(check.where, [...at, 'where'], family, report);
      checkCondition(check.assert, [...at, 'assert'], family, report);
    }
  }
  return notices;
}

type Report = (segments: Segment[], problem: string) => void;

function checkCondition(c: Condition, at: Segment[], family: CheckFamily, report: Report): void {
  for (const key of ['path', 'absent', 'each'] as const) {
    if (typeof c[key] === 'string') checkPath(c[key] as string, [...at, key], report);
  }
  for (const key of ['matches', 'notMatches'] as const) {
    if (typeof c[key] !== 'string') continue;
    try {
      new RegExp(c[key] as string);
    } catch (err) {
      report([...at, key], `invalid regular expression: ${(err as Error).message}`);
    }
  }
  if (typeof c.builtin === 'string' && !BUILTINS.has(c.builtin)) {
    report([...at, 'builtin'], `unknown built-in "${c.builtin}"; expected one of ${[...BUILTINS.keys()].join(', ')}`);
  }
  for (const key of ['all', 'any'] as const) {
    if (Array.isArray(c[key])) (c[key] as Condition[]).forEach((part, i) => checkCondition(part, [...at, key, i], family, report));
  }
  for (const key of ['not', 'where', 'assert'] as const) {
    if (c[key]) checkCondition(c[key] as Condition, [...at, key], family, report);
  }
  const related = c.related as { type: string | string[]; via: string; assert?: Condition } | undefined;
  if (related) {
    checkTypes(related.type, [...at, 'related', 'type'], family, report);
    checkPath(related.via, [...at, 'related', 'via'], report);
    if (related.assert) checkCondition(related.assert, [...at, 'related', 'assert'], family, report);
  }
  const target = c.target as { type?: string | string[]; path: string; assert: Condition } | undefined;
  if (target) {
    if (target.type !== undefined) checkTypes(target.type, [...at, 'target', 'type'], family, report);
    checkPath(target.path, [...at, 'target', 'path'], report);
    checkCondition(target.assert, [...at, 'target', 'assert'], family, report);
  }
}

function checkPath(text: string, at: Segment[], report: Report): void {
  try {
    parsePath(text);
  } catch (err) {
    if (!(err instanceof PathSyntaxError)) throw err;
    report(at, `${err.message}; expected keys joined by "." with "[*]", "[N]" or ".*"`);
  }
}

function checkTypes(types: string | string[], at: Segment[], family: CheckFamily, report: Report): void {
  const list = typeof types === 'string' ? [types] : types;
  list.forEach((type, i) => {
    if (type === '*' || TYPE_FORMS[family].pattern.test(type)) return;
    report(typeof types === 'string' ? at : [...at, i], `"${type}" is not ${TYPE_FORMS[family].expected}`);
  });
}
