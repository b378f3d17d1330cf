import { OWNERS, SEVERITIES, type FailOn, type Owner, type ScanResult, type Severity } from '../model';
import { exitCode, failingFindings } from '../scan/verdict';

/** The counts every report shows, from one place so the formats never disagree. */
export interface ReportSummary {
  files: number;
  resources: number;
  rules: number;
  /** Unsuppressed findings. */
  findings: number;
  suppressed: number;
  bySeverity: Record<Severity, number>;
  byOwner: Record<Owner, number>;
  failOn: FailOn;
  /** Unsuppressed findings at or above `failOn`. */
  failing: number;
  errors: number;
  warnings: number;
  exitCode: 0 | 1 | 2;
}

export function summarize(result: ScanResult, failOn: FailOn): ReportSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byOwner = Object.fromEntries(OWNERS.map((o) => [o, 0])) as Record<Owner, number>;
  let suppressed = 0;
  for (const f of result.findings) {
    if (f.suppression) {
      suppressed++;
      continue;
    }
    bySeverity[f.severity]++;
    byOwner[f.rule.owner]++;
  }
  return {
    files: result.stats.files,
    resources: result.stats.resources,
    rules: result.rules.length,
    findings: result.findings.length - suppressed,
    suppressed,
    bySeverity,
    byOwner,
    failOn,
    failing: failingFindings(result.findings, failOn).length,
    errors: result.notices.filter((n) => n.level === 'error').length,
    warnings: result.notices.filter((n) => n.level === 'warning').length,
    exitCode: exitCode(result, failOn),
  };
}

/** "1 critical, 2 high" — zero counts left out; "none" when all are zero. */
export function countList<K extends string>(counts: Record<K, number>, order: readonly K[]): string {
  const parts = order.filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`);
  return parts.length ? parts.join(', ') : 'none';
}

/** `1 file`, `3 files`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
