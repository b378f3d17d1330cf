import type { ControlCatalog } from './control';
import type { Evaluation, ScannedResource } from './evaluation';
import type { Finding } from './finding';
import type { Rule, Severity } from './rule';
import type { Notice, Range } from './source';

/** What a scan produced: everything a reporter needs, and nothing about syntax. */
export interface ScanResult {
  /** Absolute scan root; every `file` in ranges is relative to it. */
  root: string;
  /** Files that were parsed, relative to the root, sorted. */
  files: string[];
  /** Every finding, suppressed ones included (they carry `suppression`), in a deterministic order. */
  findings: Finding[];
  /** Every resource scanned, once (a plan's view of a configuration resource gives way to it), by file and line. */
  resources: ScannedResource[];
  /** Each rule's outcome on each resource it checked, once per resource of `resources`: passes and undecided ones too. */
  evaluations: Evaluation[];
  notices: Notice[];
  /** The rules that ran (after selection by config). */
  rules: Rule[];
  /** The controls catalog the rules were checked against: control titles and owner splits for reports. */
  catalog: ControlCatalog;
  /** The source text of the line(s) a range covers, for snippets; '' when unavailable. */
  snippet(range: Range): string;
  stats: ScanStats;
  /** The scan's date (YYYY-MM-DD): suppressions expire by it, and reports that show a date show this one. */
  date: string;
}

export interface ScanStats {
  files: number;
  bytes: number;
  resources: number;
  /** Milliseconds spent per stage; `setup` is the config, rules and controls catalog. */
  ms: { setup: number; discover: number; parse: number; rules: number; suppress: number; total: number };
}

/** The threshold at or above which unsuppressed findings fail the run. */
export type FailOn = Severity | 'none';
