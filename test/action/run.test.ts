import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Log } from 'sarif';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScanCall } from '../../src/action/scan-call';
import type { ScanResult } from '../../src/model';
import { sampleResult } from '../helpers/scan-result';

// The pipeline is replaced by a hand-built result: this tests the Action's own work only.
const scanCall = vi.hoisted(() => ({ next: undefined as unknown, calls: [] as unknown[] }));
vi.mock('../../src/action/scan-call', () => ({
  runScan: async (...args: unknown[]) => {
    scanCall.calls.push(args);
    return scanCall.next;
  },
}));
const { runAction } = await import('../../src/action/run');

interface Run {
  code: number;
  log: string;
  dir: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Parses the GITHUB_OUTPUT file as the runner does (`name<<DELIM` … `DELIM`). */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const end = lines.indexOf(m[2], i + 1);
    out[m[1]] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return out;
}

async function act(next: ScanCall, inputs: Record<string, string> = {}): Promise<Run> {
  scanCall.next = next;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iac-scan-action-'));
  const env = {
    ...inputs,
    GITHUB_OUTPUT: path.join(dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
    GITHUB_WORKSPACE: dir,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/infra',
    GITHUB_SHA: 'abc123',
  };
  let log = '';
  const code = await runAction(env, dir, (t) => {
    log += t;
  });
  const read = (f: string) => {
    try {
      return readFileSync(path.join(dir, f), 'utf8');
    } catch {
      return '';
    }
  };
  return { code, log, dir, outputs: parseOutputs(read('output.txt')), summary: read('summary.md') };
}

function scanned(result: ScanResult, failOn: 'low' | 'none' = 'low'): ScanCall {
  return { ok: true, result, failOn, category: 'infra' };
}

const withoutErrors = (): ScanResult => ({ ...sampleResult(), notices: [] });

describe('the Action', () => {
  beforeEach(() => {
    scanCall.calls = [];
  });

  it('passes its inputs to the scan', async () => {
    const run = await act(scanned(withoutErrors()), { INPUT_PATHS: 'a b', INPUT_CONFIG: 'c.yml', 'INPUT_FAIL-ON': 'high' });
    expect(scanCall.calls[0]).toEqual([
      { paths: ['a', 'b'], configPath: 'c.yml', format: 'sarif', output: 'iac-scan.sarif', failOn: 'high', category: undefined, vars: [], varFiles: [] },
      run.dir,
    ]);
  });

  it('writes the SARIF report, the outputs, the summary and annotations, and fails on findings', async () => {
    const run = await act(scanned(withoutErrors()));
    expect(run.code).toBe(1);
    const log = JSON.parse(readFileSync(path.join(run.dir, 'iac-scan.sarif'), 'utf8')) as Log;
    expect(log.runs[0].automationDetails?.id).toBe('infra/');
    expect(log.runs[0].results).toHaveLength(3);
    expect(run.outputs).toEqual({ 'sarif-file': 'iac-scan.sarif', findings: '2', failed: 'true' });
    expect(run.summary).toMatch(/^## iac-scan: failed/);
    expect(run.summary).toContain('https://github.com/acme/infra/blob/abc123/templates/app.yaml#L10');
    expect(run.log).toMatch(/^::error file=templates\/app\.yaml,line=10,/m);
    expect(run.log).toMatch(/^::notice file=logs dir\/logs\.json,line=3,/m);
  });

  it('exits 0 and reports failed=false when nothing reaches fail-on', async () => {
    const run = await act(scanned(withoutErrors(), 'none'));
    expect(run.code).toBe(0);
    expect(run.outputs.failed).toBe('false');
  });

  it('exits 2 when input could not be parsed, and still writes everything', async () => {
    const run = await act(scanned(sampleResult()));
    expect(run.code).toBe(2);
    expect(run.outputs.failed).toBe('true');
    expect(run.log).toMatch(/^::error file=broken\.yaml,line=5,.*title=iac-scan parse-error::/m);
    expect(run.summary).toContain('### Problems with the input');
  });

  it('writes other formats where asked, creating the folder, with no sarif-file output', async () => {
    const run = await act(scanned(withoutErrors()), { INPUT_FORMAT: 'json', INPUT_OUTPUT: 'reports/iac.json' });
    const report = JSON.parse(readFileSync(path.join(run.dir, 'reports/iac.json'), 'utf8'));
    expect(report.summary.findings).toBe(2);
    expect(run.outputs['sarif-file']).toBe('');
  });

  it('turns workflow commands off while it prints scanned text into the log', async () => {
    const result = withoutErrors();
    result.snippet = () => '::add-mask::not-a-secret';
    const run = await act(scanned(result));
    const lines = run.log.split('\n');
    const stop = lines.findIndex((l) => l.startsWith('::stop-commands::'));
    const token = lines[stop].slice('::stop-commands::'.length);
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    const resume = lines.indexOf(`::${token}::`);
    const injected = lines.findIndex((l) => l.includes('::add-mask::'));
    expect(stop).toBeLessThan(injected);
    expect(injected).toBeLessThan(resume);
    // The annotations come after commands are back on.
    expect(lines.findIndex((l) => l.startsWith('::error '))).toBeGreaterThan(resume);
  });

  it('annotates config errors and exits 2 without a report', async () => {
    const run = await act({
      ok: false,
      notices: [{ level: 'error', code: 'config', message: 'fail-on: expected one of …', file: '.iac-scan.yml', range: { file: '.iac-scan.yml', start: { line: 1, column: 10 }, end: { line: 1, column: 19 } } }],
    });
    expect(run.code).toBe(2);
    expect(run.log).toBe('::error file=.iac-scan.yml,line=1,endLine=1,col=10,endColumn=18,title=iac-scan config::fail-on: expected one of …\n');
    expect(run.outputs).toEqual({ 'sarif-file': '', findings: '0', failed: 'true' });
  });

  it('rejects a bad input before scanning', async () => {
    await expect(act(scanned(withoutErrors()), { INPUT_FORMAT: 'html' })).rejects.toThrow(/input format/);
    expect(scanCall.calls).toEqual([]);
  });
});
