import type { ResourceGraph } from '../graph/graph';
import { compareFindings, type Check, type CheckFamily, type Finding, type Resource, type Rule, type Severity } from '../model';
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

/**
 * Every check of every rule against every resource of its family and types. A resource the
 * `where` does not pass (fail or unknown) is skipped; each failure of `assert` is a finding.
 * Findings come sorted by file, line, column and rule id.
 */
export function evaluateRules(rules: Rule[], graph: ResourceGraph, options: EvaluateOptions): Finding[] {
  const env: Env = { graph, strict: options.strict };
  const findings: Finding[] = [];
  for (const rule of rules) {
    const severity = options.severityOverrides?.get(rule.id) ?? rule.severity;
    const fingerprints = new Fingerprints();
    for (const family of FAMILIES) {
      for (const check of rule.checks[family] ?? []) {
        for (const resource of candidates(graph, family, check.resource)) {
          for (const failure of checkResource(check, resource, env)) {
            findings.push(toFinding(rule, severity, check, resource, failure, fingerprints));
          }
        }
      }
    }
  }
  return findings.sort(compareFindings);
}

function candidates(graph: ResourceGraph, family: CheckFamily, types: string[]): Resource[] {
  if (types.includes('*')) return graph.resources.filter((r) => r.family === family);
  const out: Resource[] = [];
  for (const type of new Set(types)) for (const r of graph.ofType(type)) if (r.family === family) out.push(r);
  return out;
}

/** The failures of one check on one resource; under `strict`, passes relying on provider defaults fail. */
export function checkResource(check: Check, resource: Resource, env: Env): Failure[] {
  const scope = resourceScope(resource);
  if (check.where && evaluate(check.where, scope, { ...env, strict: false }).kind !== 'pass') return [];
  const outcome = evaluate(check.assert, scope, env);
  if (outcome.kind === 'fail') return outcome.failures;
  if (outcome.kind === 'pass' && env.strict) {
    return outcome.defaults.map((d) => ({ resource: d.resource, at: d.at, path: d.path, message: d.message, related: [] }));
  }
  return [];
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
