import type { Finding, Notice, Range, ScanResult, Suppression } from '../model';
import { helpUri, qualifiedAddress, TOOL_NAME } from './names';
import type { ReportOptions } from './options';
import { relatedPlaces } from './related';
import { summarize } from './summary';

/** Bumped on any incompatible change to the shape documented in docs/json-report.md. */
export const JSON_REPORT_VERSION = 1;

type Span = Pick<Range, 'start' | 'end'>;

export function renderJson(result: ScanResult, options: ReportOptions): string {
  const summary = summarize(result, options.failOn);
  const report = {
    version: JSON_REPORT_VERSION,
    tool: { name: TOOL_NAME, version: options.toolVersion },
    summary: {
      files: summary.files,
      resources: summary.resources,
      rules: summary.rules,
      findings: summary.findings,
      suppressed: summary.suppressed,
      bySeverity: summary.bySeverity,
      byOwner: summary.byOwner,
      failOn: summary.failOn,
      failing: summary.failing,
      errors: summary.errors,
      warnings: summary.warnings,
      exitCode: summary.exitCode,
    },
    findings: result.findings.map(jsonFinding),
    notices: result.notices.map(jsonNotice),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function span(range: Range): Span {
  return { start: { ...range.start }, end: { ...range.end } };
}

function jsonFinding(f: Finding) {
  return {
    ruleId: f.rule.id,
    title: f.rule.title,
    severity: f.severity,
    owner: f.rule.owner,
    controls: { iso27001: [...f.rule.controls.iso27001], iso27017: [...f.rule.controls.iso27017] },
    file: f.at.file,
    range: span(f.at),
    address: qualifiedAddress(f.resource),
    resourceType: f.resource.type,
    path: f.path,
    message: f.message,
    related: relatedPlaces(f).map((r) => ({ file: r.range.file, range: span(r.range), message: r.message })),
    fingerprint: f.fingerprint,
    helpUri: helpUri(f.rule),
    suppression: f.suppression ? jsonSuppression(f.suppression) : null,
  };
}

export function jsonSuppression(s: Suppression) {
  return {
    kind: s.kind,
    justification: s.justification,
    until: s.until ?? null,
    file: s.location?.file ?? null,
    range: s.location ? span(s.location) : null,
  };
}

export function jsonNotice(n: Notice) {
  return {
    level: n.level,
    code: n.code,
    message: n.message,
    file: n.range?.file ?? n.file ?? null,
    range: n.range ? span(n.range) : null,
  };
}
