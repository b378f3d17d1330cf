import type { Resource } from './resource';
import type { Rule, Severity } from './rule';
import type { Range } from './source';

export interface RelatedLocation {
  range: Range;
  /** What this place is: "value comes from the Default of parameter DbPassword". */
  message: string;
}

export interface Suppression {
  kind: 'inline' | 'metadata' | 'config';
  justification: string;
  /** ISO date after which the suppression no longer applies. */
  until?: string;
  /** Where the suppression is written, when it is written in a file. */
  location?: Range;
}

export interface Finding {
  rule: Rule;
  /** The rule's severity after config overrides. */
  severity: Severity;
  resource: Resource;
  /** The offending property's range, or the resource's range when the property is missing. */
  at: Range;
  /** The property path that decided it, e.g. `VersioningConfiguration.Status`; empty for the resource itself. */
  path: string;
  message: string;
  related: RelatedLocation[];
  /** Stable across line moves: from rule, file, resource address and property path. */
  fingerprint: string;
  /** Set when a valid suppression covers the finding; suppressed findings stay in reports. */
  suppression?: Suppression;
}

/** The order every report shows findings in: by file, position, rule, then fingerprint. Deterministic. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.at.file, b.at.file) ||
    a.at.start.line - b.at.start.line ||
    a.at.start.column - b.at.start.column ||
    compareText(a.rule.id, b.rule.id) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

/** Code-unit order, the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
