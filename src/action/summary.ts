import { OWNERS, SEVERITIES, type Finding, type Notice, type ScanResult } from '../model';
import { bySeverityDesc } from '../report/levels';
import { qualifiedAddress } from '../report/names';
import { plural, type ReportSummary } from '../report/summary';
import { ANNOTATION_LIMIT } from './annotations';
import type { AnnotationLevel } from './commands';
import { mdTable, mdText } from './markdown';

/** Findings listed in the job summary; the report file has them all. */
export const TOP_FINDINGS = 20;

export interface SummaryContext {
  /** `https://github.com/owner/repo/blob/<sha>/`, for links to lines; unset outside GitHub. */
  blobBase?: string;
  /** Turns scan-root paths into repository paths. */
  prefix: string;
  /** The report file the step wrote, as the user named it. */
  reportFile: string;
  omitted: Record<AnnotationLevel, number>;
}

/** The job summary: verdict, counts by severity and owner, the top findings, and input problems. */
export function jobSummary(result: ScanResult, s: ReportSummary, ctx: SummaryContext): string {
  const parts = [`## iac-scan: ${verdict(s)}`, overview(s, ctx)];
  if (s.findings) {
    parts.push(
      mdTable(['Severity', 'Findings'], SEVERITIES.map((sev) => [sev, String(s.bySeverity[sev])]), ['l', 'r']),
      mdTable(['Owner', 'Findings'], OWNERS.map((o) => [o, String(s.byOwner[o])]), ['l', 'r']),
      topFindings(result.findings.filter((f) => !f.suppression), ctx),
    );
  }
  if (result.notices.length) parts.push(problems(result.notices, ctx));
  const left = omittedNote(ctx.omitted);
  if (left) parts.push(left);
  return `${parts.join('\n\n')}\n`;
}

function verdict(s: ReportSummary): string {
  if (s.exitCode === 2) return 'incomplete (some input could not be scanned)';
  return s.exitCode === 1 ? 'failed' : 'passed';
}

function overview(s: ReportSummary, ctx: SummaryContext): string {
  const threshold =
    s.failOn === 'none'
      ? 'Findings do not fail this run (`fail-on: none`).'
      : `${s.failing ? `**${plural(s.failing, 'finding')}**` : 'Nothing'} at or above \`fail-on: ${s.failOn}\`.`;
  const suppressed = s.suppressed ? `, ${s.suppressed} suppressed` : '';
  return [
    threshold,
    `${plural(s.findings, 'unsuppressed finding')}${suppressed} in ${plural(s.files, 'file')} and ${plural(s.resources, 'resource')}, checked with ${plural(s.rules, 'rule')}.`,
    `Full report: \`${mdText(ctx.reportFile)}\`.`,
  ].join(' ');
}

function topFindings(open: Finding[], ctx: SummaryContext): string {
  const top = bySeverityDesc(open).slice(0, TOP_FINDINGS);
  const rows = top.map((f) => [
    f.severity,
    `\`${f.rule.id}\``,
    mdText(qualifiedAddress(f.resource)),
    lineLink(ctx.prefix + f.at.file, f.at.start.line, ctx),
    mdText(f.message),
  ]);
  const heading = open.length > top.length ? `### Top ${top.length} of ${open.length} findings` : '### Findings';
  return `${heading}\n\n${mdTable(['Severity', 'Rule', 'Resource', 'Location', 'Message'], rows)}`;
}

function problems(notices: Notice[], ctx: SummaryContext): string {
  const rows = notices.map((n) => {
    const file = n.range?.file ?? n.file;
    const where = file === undefined ? '' : lineLink(ctx.prefix + file, n.range?.start.line, ctx);
    return [n.level, `\`${n.code}\``, where, mdText(n.message)];
  });
  return `### Problems with the input\n\n${mdTable(['Level', 'Code', 'Location', 'Message'], rows)}`;
}

/** `file:line` as a link to that line of the commit, when the commit is known. */
function lineLink(file: string, line: number | undefined, ctx: SummaryContext): string {
  const label = mdText(line === undefined ? file : `${file}:${line}`);
  if (!ctx.blobBase) return label;
  const url = `${ctx.blobBase}${file.split('/').map(encodeURIComponent).join('/')}${line === undefined ? '' : `#L${line}`}`;
  return `[${label}](${url})`;
}

function omittedNote(omitted: Record<AnnotationLevel, number>): string {
  const levels = (['error', 'warning', 'notice'] as const).filter((l) => omitted[l] > 0);
  if (!levels.length) return '';
  const total = levels.reduce((n, l) => n + omitted[l], 0);
  const detail = levels.map((l) => plural(omitted[l], l)).join(', ');
  return `> ${plural(total, 'annotation')} left out (${detail}): GitHub shows at most ${ANNOTATION_LIMIT} of each level per step. The most severe were kept; all are in the report and in code scanning.`;
}
