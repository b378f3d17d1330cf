import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Log, Result } from 'sarif';

export interface SarifProblem {
  ruleId: string;
  level: 'error' | 'warning' | 'note' | 'none';
  message: string;
}

export interface SarifValidation {
  errors: SarifProblem[];
  warnings: SarifProblem[];
  /** The validator's console output, for a failing test's message. */
  output: string;
}

/**
 * The native validator binary, resolved from the npm package. The package's own bin script runs
 * it through a shell, which breaks on paths with spaces; calling the binary directly does not.
 */
function multitoolBinary(): string {
  const require = createRequire(import.meta.url);
  return require('@microsoft/sarif-multitool') as string;
}

/**
 * Validates SARIF text against the SARIF 2.1.0 schema and rules (`Sarif`) and GitHub code
 * scanning's ingestion rules (`Gh`). The tool exits 0 even when it finds errors, so the verdict
 * is read from the SARIF log it writes.
 */
export function validateSarif(sarif: string): SarifValidation {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iac-scan-sarif-'));
  try {
    const input = path.join(dir, 'input.sarif');
    const output = path.join(dir, 'validation.sarif');
    writeFileSync(input, sarif);
    const run = spawnSync(
      multitoolBinary(),
      ['validate', input, '--rule-kind', 'Sarif;Gh', '--output', output],
      {
        encoding: 'utf8',
        // The .NET binary needs ICU for culture data unless told to run culture-invariant;
        // validation does not depend on culture, so the invariant mode avoids the dependency.
        env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
        maxBuffer: 1 << 24,
      },
    );
    const console = `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}`;
    if (run.status !== 0) throw new Error(`sarif-multitool failed (exit ${run.status}):\n${console}`);
    const log = JSON.parse(readFileSync(output, 'utf8')) as Log;
    const problems = (log.runs[0]?.results ?? []).map(problem);
    return {
      errors: problems.filter((p) => p.level === 'error'),
      warnings: problems.filter((p) => p.level === 'warning'),
      output: console,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function problem(r: Result): SarifProblem {
  const args = r.message.arguments ?? [];
  // Messages come as a template id plus arguments; the console text is what people read.
  const text = r.message.text ?? `${r.message.id ?? ''} ${args.join(' ')}`;
  return { ruleId: r.ruleId ?? '', level: r.level ?? 'warning', message: text };
}
