/**
 * The Action's only call into the pipeline, kept apart so that a change to `scan`'s signature
 * touches one small file.
 */
import type { FailOn, Notice, ScanResult } from '../model';
import { ConfigError, scan } from '../scan';
import type { ActionInputs } from './inputs';

export type ScanCall =
  | { ok: true; result: ScanResult; failOn: FailOn; category: string }
  | { ok: false; notices: Notice[] };

export async function runScan(inputs: ActionInputs, cwd: string): Promise<ScanCall> {
  try {
    const outcome = await scan({
      paths: inputs.paths,
      cwd,
      configPath: inputs.configPath,
      failOn: inputs.failOn,
      category: inputs.category,
      vars: inputs.vars,
      varFiles: inputs.varFiles,
      today: inputs.scanDate,
    });
    return { ok: true, result: outcome.result, failOn: outcome.failOn, category: outcome.category ?? 'iac-scan' };
  } catch (err) {
    // A broken config or rule pack: nothing was scanned, and the notices say where and why.
    if (err instanceof ConfigError) return { ok: false, notices: err.notices };
    throw err;
  }
}
