import { SEVERITY_RANK as RANK, type FailOn, type Finding, type ScanResult } from '../model';

/** Unsuppressed findings at or above the fail-on threshold: the ones that fail a run. */
export function failingFindings(findings: readonly Finding[], failOn: FailOn): Finding[] {
  if (failOn === 'none') return [];
  return findings.filter((f) => !f.suppression && RANK[f.severity] >= RANK[failOn]);
}

/**
 * 2 when an input could not be parsed (or another error notice), since the scan is then
 * incomplete; 1 when findings reach fail-on; 0 otherwise.
 */
export function exitCode(result: ScanResult, failOn: FailOn): 0 | 1 | 2 {
  if (result.notices.some((n) => n.level === 'error')) return 2;
  return failingFindings(result.findings, failOn).length ? 1 : 0;
}
