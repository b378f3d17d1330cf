import { SEVERITY_RANK, type Owner, type Severity } from '../model';

export { SEVERITY_RANK };

/** How code scanning (SARIF `level`) and workflow annotations show a severity. */
export const SEVERITY_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};

/** GitHub sorts and filters alerts by this number (CVSS-like: critical ≥ 9, high ≥ 7, medium ≥ 4). */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
};

/** One sentence per owner, so a reader knows who acts on a finding. */
export const OWNER_MEANING: Record<Owner, string> = {
  customer: 'the protection is off until the customer\'s code turns it on',
  shared: 'the provider protects by default, and only the customer\'s code can switch the protection off',
  provider: 'the provider operates this control; the code only records the choice',
};

/** Most severe first; a stable sort keeps the incoming order among equals. */
export function bySeverityDesc<T extends { severity: Severity }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
}
