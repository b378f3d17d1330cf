import type { Finding, Notice, Range } from '../model';
import { SEVERITY_LEVEL, SEVERITY_RANK } from '../report/levels';
import { controlList, helpUri } from '../report/names';
import { workflowCommand, type AnnotationLevel, type AnnotationProperties } from './commands';

/** GitHub shows at most this many annotations of each level per step; the rest are dropped. */
export const ANNOTATION_LIMIT = 10;

export interface Annotations {
  /** Workflow command lines, most severe first within each level. */
  commands: string[];
  /** How many were left out per level because of the limit. */
  omitted: Record<AnnotationLevel, number>;
}

interface Candidate {
  level: AnnotationLevel;
  /** Higher comes first: notices about the input, then findings by severity. */
  rank: number;
  command: string;
}

/** A problem with the input outranks any finding: it means part of the code went unchecked. */
const NOTICE_RANK = 10;

/** Workflow commands call SARIF's and our `note` a `notice`. */
const ANNOTATION_LEVEL: Record<Notice['level'], AnnotationLevel> = { error: 'error', warning: 'warning', note: 'notice' };

/**
 * Annotations for unsuppressed findings and notices, within GitHub's per-level limit.
 * `prefix` turns scan-root paths into repository paths (`''` when the root is the workspace).
 */
export function buildAnnotations(findings: readonly Finding[], notices: readonly Notice[], prefix: string): Annotations {
  const candidates: Candidate[] = [
    ...notices.map((n) => noticeCandidate(n, prefix)),
    ...findings.filter((f) => !f.suppression).map((f) => findingCandidate(f, prefix)),
  ];
  const omitted: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const shown: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const commands: string[] = [];
  // A stable sort keeps the scan's file and line order among equals.
  for (const c of [...candidates].sort((a, b) => b.rank - a.rank)) {
    if (shown[c.level] < ANNOTATION_LIMIT) {
      shown[c.level]++;
      commands.push(c.command);
    } else {
      omitted[c.level]++;
    }
  }
  return { commands, omitted };
}

function findingCandidate(f: Finding, prefix: string): Candidate {
  const level = ANNOTATION_LEVEL[SEVERITY_LEVEL[f.severity]];
  const rule = f.rule;
  const message = [
    f.message,
    `Owner: ${rule.owner} · ISO 27001: ${controlList(rule.controls.iso27001)} · ISO 27017: ${controlList(rule.controls.iso27017)}`,
    helpUri(rule),
  ]
    .filter((line) => line !== undefined)
    .join('\n');
  const title = `${rule.id} (${f.severity}): ${rule.title}`;
  return { level, rank: SEVERITY_RANK[f.severity], command: workflowCommand(level, { ...place(f.at, prefix), title }, message) };
}

function noticeCandidate(n: Notice, prefix: string): Candidate {
  const level = ANNOTATION_LEVEL[n.level];
  const file = n.range?.file ?? n.file;
  const where: AnnotationProperties = n.range
    ? place(n.range, prefix)
    : file !== undefined
      ? { file: prefix + file }
      : {};
  return { level, rank: NOTICE_RANK, command: workflowCommand(level, { ...where, title: `iac-scan ${n.code}` }, n.message) };
}

/**
 * Columns only on one-line ranges: GitHub rejects them otherwise. Its end column is the last
 * character (inclusive), where ranges end just after it.
 */
function place(range: Range, prefix: string): AnnotationProperties {
  const props: AnnotationProperties = { file: prefix + range.file, line: range.start.line, endLine: Math.max(range.end.line, range.start.line) };
  if (props.endLine === range.start.line) {
    props.col = range.start.column;
    props.endColumn = Math.max(range.end.column - 1, range.start.column);
  }
  return props;
}
