import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report';
import { validateSarif } from '../helpers/sarif-multitool';
import { sampleResult } from '../helpers/scan-result';

const OPTIONS = { category: 'iac-scan', toolVersion: '1.2.3', color: false, failOn: 'low' as const, cwd: '/work/repo' };

describe('SARIF report validity (sarif-multitool, SARIF and GitHub rules)', () => {
  it('has no errors for findings with related locations, a suppression and a parse error', () => {
    const sarif = renderReport('sarif', sampleResult(), OPTIONS);
    const v = validateSarif(sarif);
    expect(v.errors, v.output).toEqual([]);
  });

  it('has no errors for a scan with nothing to report', () => {
    const empty = { ...sampleResult(), findings: [], notices: [], rules: [] };
    const v = validateSarif(renderReport('sarif', empty, OPTIONS));
    expect(v.errors, v.output).toEqual([]);
  });

  it('detects an invalid log, so a clean verdict means something', () => {
    const log = JSON.parse(renderReport('sarif', sampleResult(), OPTIONS));
    delete log.runs[0].tool.driver.rules[0].shortDescription;
    const v = validateSarif(JSON.stringify(log));
    expect(v.errors.map((e) => e.ruleId)).toEqual(['GH2012']);
  });
});
