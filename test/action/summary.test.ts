import { describe, expect, it } from 'vitest';
import { jobSummary, type SummaryContext } from '../../src/action/summary';
import { summarize } from '../../src/report/summary';
import type { Finding } from '../../src/model';
import { finding, range, resource, rule, sampleResult } from '../helpers/scan-result';

const CTX: SummaryContext = {
  blobBase: 'https://github.com/acme/infra/blob/abc123/',
  prefix: '',
  reportFile: 'iac-scan.sarif',
  omitted: { error: 0, warning: 0, notice: 0 },
};

function render(result = sampleResult(), ctx: Partial<SummaryContext> = {}, failOn: 'high' | 'none' | 'low' = 'high'): string {
  return jobSummary(result, summarize(result, failOn), { ...CTX, ...ctx });
}

/** The rows of the Markdown table under a heading (or starting at a header line). */
function tableAfter(md: string, headerStart: string): string[][] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith(headerStart));
  expect(start, headerStart).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i].startsWith('|'); i++) {
    rows.push(lines[i].slice(2, -2).split(/(?<!\\) \| /));
  }
  return rows;
}

describe('job summary', () => {
  it('states the verdict and the fail-on threshold', () => {
    const md = render();
    expect(md.split('\n')[0]).toBe('## iac-scan: incomplete (some input could not be scanned)');
    expect(md).toContain('**1 finding** at or above `fail-on: high`.');
    expect(md).toContain('2 unsuppressed findings, 1 suppressed in 3 files and 3 resources, checked with 4 rules.');
    const noErrors = { ...sampleResult(), notices: [] };
    expect(render(noErrors).split('\n')[0]).toBe('## iac-scan: failed');
    expect(render(noErrors, {}, 'none').split('\n')[0]).toBe('## iac-scan: passed');
  });

  it('counts unsuppressed findings by severity and by owner', () => {
    const md = render();
    expect(tableAfter(md, '| Severity | Findings |')).toEqual([
      ['critical', '1'],
      ['high', '0'],
      ['medium', '0'],
      ['low', '1'],
    ]);
    expect(tableAfter(md, '| Owner | Findings |')).toEqual([
      ['customer', '2'],
      ['shared', '0'],
      ['provider', '0'],
    ]);
  });

  it('lists findings most severe first with links to their lines', () => {
    const rows = tableAfter(render(), '| Severity | Rule |');
    expect(rows.map((r) => r[0])).toEqual(['critical', 'low']);
    expect(rows[0][1]).toBe('`aws-iam-no-admin-policy`');
    expect(rows[0][2]).toBe('AppStack/AdminRole');
    expect(rows[0][3]).toBe('[templates/app.yaml:10](https://github.com/acme/infra/blob/abc123/templates/app.yaml#L10)');
    expect(rows[1][3]).toBe('[logs dir/logs.json:3](https://github.com/acme/infra/blob/abc123/logs%20dir/logs.json#L3)');
  });

  it('writes plain locations when the commit is unknown, and prefixes repository paths', () => {
    const rows = tableAfter(render(sampleResult(), { blobBase: undefined, prefix: 'infra/' }), '| Severity | Rule |');
    expect(rows[0][3]).toBe('infra/templates/app.yaml:10');
  });

  it('shows the top 20 of many findings', () => {
    const r = rule('aws-low', 'low');
    const many: Finding[] = Array.from({ length: 24 }, (_, i) => {
      const at = range('m.yaml', i + 1, 1, i + 1, 5);
      return finding(r, resource('m.yaml', `R${i}`, 'T', at), at);
    });
    const result = { ...sampleResult(), findings: [...many, ...sampleResult().findings] };
    const md = render(result);
    expect(md).toContain('### Top 20 of 26 findings');
    const rows = tableAfter(md, '| Severity | Rule |');
    expect(rows).toHaveLength(20);
    expect(rows[0][0]).toBe('critical');
  });

  it('lists problems with the input, linked to their line', () => {
    expect(tableAfter(render(), '| Level | Code |')).toEqual([
      [
        'error',
        '`parse-error`',
        '[broken.yaml:5](https://github.com/acme/infra/blob/abc123/broken.yaml#L5)',
        'broken.yaml:5:18: expected a closing \\] before the end of the file; close the flow sequence.',
      ],
      ['warning', '`unknown-rule`', '', 'config ignore names rule aws-nope, which does not exist.'],
    ]);
  });

  it('says how many annotations were left out', () => {
    expect(render()).not.toContain('left out');
    const md = render(sampleResult(), { omitted: { error: 3, warning: 0, notice: 1 } });
    expect(md).toContain('> 4 annotations left out (3 errors, 1 notice): GitHub shows at most 10 of each level per step.');
  });

  it('keeps hostile names and messages from becoming markup or breaking the table', () => {
    const result = sampleResult();
    const evil = resource('templates/app.yaml', 'A|B<img src=x onerror=alert(1)>[x](http://e.vil)', 'T', result.findings[0].at);
    result.findings[0] = { ...result.findings[0], resource: evil, message: 'line one\nline two | `code` **bold**' };
    const md = render(result);
    const row = tableAfter(md, '| Severity | Rule |')[0];
    expect(row).toHaveLength(5);
    expect(row[2]).toBe('A\\|B&lt;img src=x onerror=alert(1)&gt;\\[x\\](http://e.vil)');
    expect(row[4]).toBe('line one line two \\| \\`code\\` \\*\\*bold\\*\\*');
    expect(md).not.toContain('<img');
  });
});
