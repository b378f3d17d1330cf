import { SEVERITIES, type FailOn } from '../model';
import type { ReportFormat } from '../report';
import { chooseScanDate } from '../scan/date';

const FORMATS: readonly ReportFormat[] = ['sarif', 'json', 'text', 'soa', 'soa-json'];
const FAIL_ON: readonly FailOn[] = [...SEVERITIES, 'none'];
const DEFAULT_OUTPUT: Record<ReportFormat, string> = {
  sarif: 'iac-scan.sarif',
  json: 'iac-scan.json',
  text: 'iac-scan.txt',
  soa: 'iac-scan-soa.md',
  'soa-json': 'iac-scan-soa.json',
};

/** The Action's inputs (action.yml), validated. Unset and empty inputs are the same to GitHub. */
export interface ActionInputs {
  paths: string[];
  configPath?: string;
  format: ReportFormat;
  output: string;
  /** Unset: the config's `fail-on`, else `low`. */
  failOn?: FailOn;
  /** Unset: the config's category, else `iac-scan`. */
  category?: string;
  /** Terraform `NAME=VALUE` pairs, one a line (a value may hold spaces). */
  vars: string[];
  /** Terraform variable files, relative to the workspace. */
  varFiles: string[];
  /** YYYY-MM-DD from the `scan-date` input, else from SOURCE_DATE_EPOCH; unset: today. */
  scanDate?: string;
}

/** A wrong input value; the message names the input and the values it accepts. */
export class ActionInputError extends Error {}

/** Reads `INPUT_<NAME>` as the runner sets it: the name upper-cased, hyphens kept. */
export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const get = (name: string) => env[`INPUT_${name.toUpperCase()}`]?.trim() || undefined;
  const format = oneOf('format', get('format') ?? 'sarif', FORMATS);
  const failOn = get('fail-on');
  const paths = (get('paths') ?? '').split(/\s+/).filter(Boolean);
  const scanDate = chooseScanDate({ name: 'input scan-date:', value: get('scan-date') }, env.SOURCE_DATE_EPOCH);
  if (scanDate.problem !== undefined) throw new ActionInputError(`${scanDate.problem}. Fix the 'with:' or 'env:' of this step.`);
  return {
    paths: paths.length ? paths : ['.'],
    configPath: get('config'),
    format,
    output: get('output') ?? DEFAULT_OUTPUT[format],
    failOn: failOn === undefined ? undefined : oneOf('fail-on', failOn, FAIL_ON),
    category: get('category'),
    vars: (get('vars') ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean),
    varFiles: (get('var-files') ?? '').split(/\s+/).filter(Boolean),
    scanDate: scanDate.date,
  };
}

function oneOf<T extends string>(input: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ActionInputError(
    `input ${input}: ${JSON.stringify(value)} is not valid; expected one of ${allowed.join(', ')}. Fix the 'with:' of this step.`,
  );
}
