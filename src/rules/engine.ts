import type { ResourceGraph } from '../graph/graph';
import { compareFindings, type Check, type CheckFamily, type CheckOutcome, type Evaluation, type Finding, type Resource, type Rule, type Severity } from '../model';
import { evaluate } from './eval/condition';
import type { Env } from './eval/env';
import type { Failure } from './eval/outcome';
import { resourceScope } from './eval/paths';
import { Fingerprints } from './fingerprint';
import { placeInUserCode } from './user-code';

export interface EvaluateOptions {
  /** Fail passes that rely on a provider default ("not set explicitly"). */
  strict: boolean;
  /** Severity by rule id, from the config. */
  severityOverrides?: Map<string, Severity>;
}

const FAMILIES: CheckFamily[] = ['cloudformation', 'terraform'];

/** What the rules made of the resources: the failures as findings, and every rule's outcome on every resource it checked. */
export interface Assessment {
  /** Sorted by file, line, column and rule id. */
  findings: Finding[];
  /** One per rule and resource it checked, by rule, then in the order its checks reached them. */
  evaluations: Evaluation[];
}

/** One rule's outcome on one resource, before it is tied to either. */
type Verdict = Pick<Evaluation, 'outcome' | 'why' | 'byDefault'>;

/** One check's verdict on one resource, and the failures that make it a `fail`. */
interface Judgement {
  verdict: Verdict;
  failures: Failure[];
}

/** Which verdict decides when a rule has several checks for one resource: every check must hold. */
const ALL_OF_RANK: Record<CheckOutcome, number> = { fail: 3, unknown: 2, pass: 1, 'not-applicable': 0 };

/**
 * Every check of every rule against every resource of its family and types. A resource the
 * `where` leaves out is not applicable, one it cannot decide is unknown; each failure of
 * `assert` is a finding.
 */
export function assessRules(rules: Rule[], graph: ResourceGraph, options: EvaluateOptions): Assessment {
  const env: Env = { graph, strict: options.strict };
  const findings: Finding[] = [];
  const evaluations: Evaluation[] = [];
  for (const rule of rules) {
    const severity = options.severityOverrides?.get(rule.id) ?? rule.severity;
    const fingerprints = new Fingerprints();
    const verdicts = new Map<Resource, Verdict>();
    for (const family of FAMILIES) {
      for (const check of rule.checks[family] ?? []) {
        for (const resource of candidates(graph, family, check.resource)) {
          const { verdict, failures } = checkResource(check, resource, env);
          for (const failure of failures) findings.push(toFinding(rule, severity, check, resource, failure, fingerprints));
          verdicts.set(resource, allHold(verdicts.get(resource), verdict));
        }
      }
    }
    for (const [resource, verdict] of verdicts) evaluations.push({ rule: rule.id, resource: resource.key, ...verdict });
  }
  return { findings: findings.sort(compareFindings), evaluations };
}

/** The findings of `assessRules` alone, sorted by file, line, column and rule id. */
export function evaluateRules(rules: Rule[], graph: ResourceGraph, options: EvaluateOptions): Finding[] {
  return assessRules(rules, graph, options).findings;
}

function candidates(graph: ResourceGraph, family: CheckFamily, types: string[]): Resource[] {
  if (types.includes('*')) return graph.resources.filter((r) => r.family === family);
  const out: Resource[] = [];
  for (const type of new Set(types)) for (const r of graph.ofType(type)) if (r.family === family) out.push(r);
  return out;
}

/** One check on one resource; under `strict`, passes relying on provider defaults fail. */
function checkResource(check: Check, resource: Resource, env: Env): Judgement {
  const scope = resourceScope(resource);
  if (check.where) {
    const applies = evaluate(check.where, scope, { ...env, strict: false });
    if (applies.kind === 'fail') return { verdict: { outcome: 'not-applicable' }, failures: [] };
    // Whether the rule applies at all waits for deployment, so its outcome does too.
    if (applies.kind === 'unknown') return { verdict: { outcome: 'unknown', why: `whether the rule applies: ${applies.why}` }, failures: [] };
  }
  const outcome = evaluate(check.assert, scope, env);
  if (outcome.kind === 'fail') return { verdict: { outcome: 'fail' }, failures: outcome.failures };
  if (outcome.kind === 'unknown') return { verdict: { outcome: 'unknown', why: outcome.why }, failures: [] };
  if (!outcome.defaults.length) return { verdict: { outcome: 'pass' }, failures: [] };
  if (!env.strict) return { verdict: { outcome: 'pass', byDefault: true }, failures: [] };
  const failures = outcome.defaults.map((d) => ({ resource: d.resource, at: d.at, path: d.path, message: d.message, related: [] }));
  return { verdict: { outcome: 'fail' }, failures };
}

/** Both checks of a rule must hold: the graver verdict wins, and a pass that needs a provider default marks the pair. */
function allHold(earlier: Verdict | undefined, next: Verdict): Verdict {
  if (!earlier) return next;
  if (ALL_OF_RANK[earlier.outcome] !== ALL_OF_RANK[next.outcome]) return ALL_OF_RANK[earlier.outcome] > ALL_OF_RANK[next.outcome] ? earlier : next;
  return next.byDefault && !earlier.byDefault ? next : earlier;
}

function toFinding(rule: Rule, severity: Severity, check: Check, resource: Resource, failure: Failure, fingerprints: Fingerprints): Finding {
  const inUserCode = placeInUserCode(failure);
  const related = inUserCode ? [inUserCode.related, ...failure.related] : [...failure.related];
  if (failure.resource !== resource) related.push({ range: resource.userCode?.created ?? resource.range, message: `the checked resource ${resource.address}` });
  return {
    rule,
    severity,
    resource,
    at: inUserCode?.at ?? failure.at,
    path: failure.path,
    message: findingMessage(check, resource, failure),
    related,
    fingerprint: fingerprints.next(rule.id, resource.file, resource.address, failure.path),
  };
}

/**
 * The check's message, then the failure's. A CDK user knows a resource by its construct path, not
 * by the logical ID synthesis derived from it, so `{address}` is that path and the message names it.
 */
function findingMessage(check: Check, resource: Resource, failure: Failure): string {
  const constructPath = resource.context?.constructPath;
  const name = constructPath ?? resource.address;
  const text = check.message ? `${check.message.replaceAll('{address}', name).replaceAll('{type}', resource.type)}: ${failure.message}` : failure.message;
  return constructPath && !text.includes(constructPath) ? `${constructPath}: ${text}` : text;
}
