import path from 'node:path';
import { OWNERS, SEVERITIES, type Finding, type Notice, type Range, type ScanResult, type Severity } from '../model';
import { printable, styles, type Styles } from './ansi';
import { controlList, qualifiedAddress } from './names';
import type { ReportOptions } from './options';
import { relatedPlaces } from './related';
import { countList, plural, summarize, type ReportSummary } from './summary';

/** A terminal report: findings grouped by file, then suppressed ones, problems and a summary. */
export function renderText(result: ScanResult, options: ReportOptions): string {
  const st = styles(options.color);
  const show = (file: string) => printable(displayPath(result.root, options.cwd, file));
  const where = (range: Range) => `${show(range.file)}:${range.start.line}:${range.start.column}`;
  const out: string[] = [];

  const open = result.findings.filter((f) => !f.suppression);
  for (const [file, findings] of groupByFile(open)) {
    out.push(st.bold(show(file)));
    for (const f of findings) out.push(...findingLines(f, result, st, where), '');
  }

  const suppressed = options.quiet ? [] : result.findings.filter((f) => f.suppression);
  if (suppressed.length) {
    out.push(st.dim(`Suppressed (${suppressed.length})`));
    for (const f of suppressed) out.push(...suppressedLines(f, st, where));
    out.push('');
  }

  const notices = options.quiet ? result.notices.filter((n) => n.level !== 'note') : result.notices;
  if (notices.length) {
    out.push(st.bold(`Problems (${notices.length})`));
    for (const n of notices) out.push(noticeLine(n, st, show));
    out.push('');
  }

  out.push(...summaryLines(summarize(result, options.failOn), st));
  return `${out.join('\n')}\n`;
}

/** Paths relative to where the user stands, so terminals and editors can open them. */
function displayPath(root: string, cwd: string, file: string): string {
  const rel = path.relative(cwd, path.join(root, file));
  return rel.split(path.sep).join('/');
}

function groupByFile(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.at.file);
    if (list) list.push(f);
    else groups.set(f.at.file, [f]);
  }
  return groups;
}

function severityLabel(severity: Severity, st: Styles): string {
  const label = severity.toUpperCase().padEnd(8);
  switch (severity) {
    case 'critical':
      return st.bold(st.magenta(label));
    case 'high':
      return st.bold(st.red(label));
    case 'medium':
      return st.yellow(label);
    case 'low':
      return st.cyan(label);
  }
}

function findingLines(f: Finding, result: ScanResult, st: Styles, where: (r: Range) => string): string[] {
  const rule = f.rule;
  const lines = [
    `  ${severityLabel(f.severity, st)} ${st.bold(rule.id)}  ${printable(rule.title)}`,
    `    ${where(f.at)}  ${printable(qualifiedAddress(f.resource))}`,
    `    owner: ${rule.owner} · ISO 27001: ${controlList(rule.controls.iso27001)} · ISO 27017: ${controlList(rule.controls.iso27017)}`,
    `    ${printable(f.message)}`,
    ...snippetLines(f.at, result.snippet(f.at), st),
  ];
  for (const r of relatedPlaces(f)) lines.push(st.dim(`    related: ${where(r.range)}  ${printable(r.message)}`));
  return lines;
}

/** The offending line(s) with a line-number gutter, and a caret under a one-line range. */
function snippetLines(range: Range, snippet: string, st: Styles): string[] {
  if (!snippet) return [];
  const lines = snippet.split('\n');
  const width = String(range.start.line + lines.length - 1).length;
  const out = lines.map((text, i) => `      ${st.dim(`${String(range.start.line + i).padStart(width)} |`)} ${printable(text)}`);
  if (range.start.line === range.end.line && range.end.column > range.start.column && lines.length === 1) {
    // Keep tabs from the line itself so the caret lines up however the terminal expands them.
    const lead = lines[0].slice(0, range.start.column - 1).replace(/[^\t]/g, ' ');
    const marks = '^'.repeat(Math.max(1, Math.min(range.end.column, lines[0].length + 1) - range.start.column));
    out.push(`      ${st.dim(`${' '.repeat(width)} |`)} ${lead}${st.red(marks)}`);
  }
  return out;
}

function suppressedLines(f: Finding, st: Styles, where: (r: Range) => string): string[] {
  const s = f.suppression!;
  const until = s.until ? `, until ${s.until}` : '';
  return [
    st.dim(`  ${f.severity.padEnd(8)} ${f.rule.id}  ${where(f.at)}  ${printable(qualifiedAddress(f.resource))}`),
    st.dim(`    suppressed (${s.kind}${until}): ${printable(s.justification)}`),
  ];
}

function noticeLine(n: Notice, st: Styles, show: (file: string) => string): string {
  const file = n.range?.file ?? n.file;
  const pos = n.range ? `:${n.range.start.line}:${n.range.start.column}` : '';
  const loc = file !== undefined ? `${show(file)}${pos}  ` : '';
  const level = n.level === 'error' ? st.red(n.level) : n.level === 'warning' ? st.yellow(n.level) : st.dim(n.level);
  return `  ${loc}${level} ${n.code}: ${printable(n.message)}`;
}

function summaryLines(s: ReportSummary, st: Styles): string[] {
  const findings = s.findings
    ? `${plural(s.findings, 'finding')} (${countList(s.bySeverity, SEVERITIES)}) · by owner: ${countList(s.byOwner, OWNERS)}`
    : 'No findings';
  const suppressed = s.suppressed ? ` · ${s.suppressed} suppressed` : '';
  const problems = s.errors ? ` · ${plural(s.errors, 'error')} in the input` : '';
  const verdict =
    s.failOn === 'none'
      ? 'fail-on none: findings do not fail the run.'
      : `${s.failing ? plural(s.failing, 'finding') : 'nothing'} at or above fail-on ${s.failOn}.`;
  return [
    st.bold(`${findings}${suppressed}${problems}`),
    `Scanned ${plural(s.files, 'file')}, ${plural(s.resources, 'resource')} with ${plural(s.rules, 'rule')}; ${verdict}`,
  ];
}
