import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report';
import type { ReportOptions } from '../../src/report';
import { sampleResult } from '../helpers/scan-result';

const OPTIONS: ReportOptions = { category: 'iac-scan', toolVersion: '1.2.3', color: false, failOn: 'high', cwd: '/work/repo' };
const ESC = '\x1b';

function text(options: Partial<ReportOptions> = {}, result = sampleResult()): string {
  return renderReport('text', result, { ...OPTIONS, ...options });
}

/** The lines between a heading line and the next blank line. */
function block(report: string, heading: string): string[] {
  const lines = report.split('\n');
  const start = lines.findIndex((l) => l === heading);
  expect(start, `heading ${heading}`).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end);
}

describe('text report', () => {
  it('groups findings by file with severity, rule, title, owner, controls, place and message', () => {
    const app = block(text(), 'templates/app.yaml');
    expect(app[0]).toMatch(/^\s+CRITICAL\s+aws-iam-no-admin-policy\s+Title of aws-iam-no-admin-policy$/);
    expect(app[1]).toMatch(/templates\/app\.yaml:10:89\s+AppStack\/AdminRole/);
    expect(app[2]).toContain('owner: customer');
    expect(app[2]).toContain('ISO 27001: A.5.15, A.8.2');
    expect(app[2]).toContain('ISO 27017: CLD.9.5.1');
    expect(app[3].trim()).toBe('Role AdminRole allows every action ("*") on every resource');
    expect(block(text(), 'logs dir/logs.json')[0]).toMatch(/LOW\s+aws-logs-retention/);
  });

  it('shows the offending line with its number and a caret under the range', () => {
    const app = block(text(), 'templates/app.yaml');
    const line = app.find((l) => l.includes('10 |'))!;
    expect(line).toContain('Action: "*"');
    const caret = app[app.indexOf(line) + 1];
    // The caret sits under `"*"`: same column in the printed line.
    const codeStart = line.indexOf('| ') + 2;
    expect(caret.indexOf('^') - codeStart).toBe(88);
    expect(caret.match(/\^+/)![0]).toHaveLength(3);
  });

  it('lists related places', () => {
    const app = block(text(), 'templates/app.yaml');
    expect(app).toContainEqual(expect.stringMatching(/related: templates\/app\.yaml:5:14\s+value comes from the Default/));
    expect(app).toContainEqual(expect.stringMatching(/related: bin\/app\.ts:12:5\s+AdminRole is declared here/));
  });

  it('lists suppressed findings apart, with their justification, and leaves them out when quiet', () => {
    const report = text();
    expect(block(report, 'templates/app.yaml').join('\n')).not.toContain('aws-s3-versioning');
    const suppressed = block(report, 'Suppressed (1)');
    expect(suppressed[0]).toMatch(/aws-s3-versioning\s+templates\/app\.yaml:11:3\s+Bucket/);
    expect(suppressed[1]).toContain('suppressed (inline, until 2027-03-31): scratch data');
    expect(text({ quiet: true })).not.toContain('Suppressed');
  });

  it('lists problems with file and line', () => {
    const problems = block(text(), 'Problems (2)');
    expect(problems[0]).toMatch(/^\s+broken\.yaml:5:18\s+error parse-error: /);
    expect(problems[1]).toMatch(/^\s+warning unknown-rule: config ignore/);
  });

  it('ends with counts by severity and owner, what was scanned, and the fail-on verdict', () => {
    const lines = text().trimEnd().split('\n');
    expect(lines.at(-2)).toBe('2 findings (1 critical, 1 low) · by owner: 2 customer · 1 suppressed · 1 error in the input');
    expect(lines.at(-1)).toBe('Scanned 3 files, 3 resources with 4 rules; 1 finding at or above fail-on high.');
    expect(text({ failOn: 'critical' }).trimEnd().split('\n').at(-1)).toContain('1 finding at or above fail-on critical');
    const clean = { ...sampleResult(), findings: [], notices: [] };
    expect(text({}, clean).trimEnd().split('\n')).toEqual([
      'No findings',
      'Scanned 3 files, 3 resources with 4 rules; nothing at or above fail-on high.',
    ]);
  });

  it('shows paths relative to the working folder', () => {
    const report = text({ cwd: '/work' });
    expect(report).toContain('repo/templates/app.yaml:10:89');
    expect(report).toContain('repo/broken.yaml:5:18');
  });

  it('uses colour only when asked', () => {
    expect(text()).not.toContain(ESC);
    const coloured = text({ color: true });
    expect(coloured).toContain(`${ESC}[`);
    // Same words either way: colour adds nothing a reader without it would miss.
    expect(coloured.replace(/\x1b\[\d+m/g, '')).toBe(text());
  });

  it('prints control characters from scanned files as escapes, never raw', () => {
    const result = sampleResult();
    const evil = 'Role \x1b]8;;http://x\x07 allows \x9b2J everything';
    result.findings[0] = { ...result.findings[0], message: evil };
    result.snippet = () => 'Action: "\x1b[2J*"';
    const report = text({}, result);
    expect(report).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(report).toContain('Role \\x1b]8;;http://x\\x07 allows \\x9b2J everything');
    expect(report).toContain('Action: "\\x1b[2J*"');
  });
});
