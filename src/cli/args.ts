import { parseArgs } from 'node:util';
import type { FailOn } from '../model';
import { REPORT_FORMATS, type ReportFormat } from '../report/options';
import { chooseScanDate } from '../scan/date';

const FAIL_ON: readonly FailOn[] = ['critical', 'high', 'medium', 'low', 'none'];

/** One report to write: a format and where it goes (`-` is standard output). */
export interface ReportTarget {
  format: ReportFormat;
  destination: string;
}

export interface CliArgs {
  paths: string[];
  reports: ReportTarget[];
  failOn?: FailOn;
  configPath?: string;
  rulePacks: string[];
  params: string[];
  parameterFiles: string[];
  vars: string[];
  varFiles: string[];
  category?: string;
  strict?: boolean;
  /** YYYY-MM-DD from `--scan-date`, else from SOURCE_DATE_EPOCH; unset: today. */
  scanDate?: string;
  quiet: boolean;
  stats: boolean;
  help: boolean;
  version: boolean;
}

/** A mistake on the command line. Exit code 2. */
export class UsageError extends Error {}

export const HELP = `Usage: iac-scan [options] [paths...]
       iac-scan rules [--format text|json|markdown] [--rules DIR] [-c FILE]
       iac-scan controls [--format text|json|markdown] [--rules DIR] [-c FILE]

Scans CloudFormation templates (YAML and JSON) and Terraform configurations (.tf, .tf.json)
under the given files and folders (default: .)
against cloud-security rules mapped to ISO/IEC 27001:2022 Annex A and ISO/IEC 27017.

Commands (only as the first argument; iac-scan ./rules scans a folder named rules):
  rules       list the rules a scan would run, with controls, owner and formats
  controls    list the controls catalog: owner per service model, and the rules evidencing each

Options:
  -f, --format FORMAT[=FILE]  text, json, sarif, or soa / soa-json (Statement-of-Applicability
                              evidence, Markdown / JSON); repeat for several reports (default: text)
  -o, --output FILE           where the last format without =FILE is written (default: stdout)
      --fail-on LEVEL         critical, high, medium, low or none (default: low)
  -c, --config FILE           config file (default: .iac-scan.yml in the current folder)
      --rules DIR             add a rule pack folder (repeatable)
      --param KEY=VALUE       CloudFormation parameter value (repeatable)
      --param-file FILE       CloudFormation parameter file (repeatable)
      --var NAME=VALUE        Terraform variable value (repeatable; wins over --var-file)
      --var-file FILE         Terraform variable definitions file (repeatable)
      --category NAME         SARIF category, for several analyses of one repository
      --strict                also flag settings left to the provider's default
      --scan-date YYYY-MM-DD  the date of the evidence: shown in the SoA, and the day suppressions'
                              until dates are judged by (default: the UTC day of SOURCE_DATE_EPOCH
                              when set, else today)
  -q, --quiet                 no progress, no suppressed findings or notes in the text report
      --stats                 print timings and peak memory as JSON on stderr
  -v, --version               print the version
  -h, --help                  print this help

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above --fail-on;
2 a usage or config error, or an input that could not be parsed (the rest is still reported).

Examples:
  iac-scan templates/
  iac-scan -f text -f sarif=iac-scan.sarif --fail-on high .
  iac-scan -f soa=evidence.md -f sarif=iac-scan.sarif infra/
  iac-scan --param Environment=prod --strict stack.yaml`;

/** `env` is read for SOURCE_DATE_EPOCH only. */
export function parseCliArgs(argv: string[], env: Record<string, string | undefined> = {}): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', multiple: true },
        output: { type: 'string', short: 'o' },
        'fail-on': { type: 'string' },
        config: { type: 'string', short: 'c' },
        rules: { type: 'string', multiple: true },
        param: { type: 'string', multiple: true },
        'param-file': { type: 'string', multiple: true },
        var: { type: 'string', multiple: true },
        'var-file': { type: 'string', multiple: true },
        category: { type: 'string' },
        strict: { type: 'boolean' },
        'scan-date': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        stats: { type: 'boolean' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}. Run iac-scan --help for the options.`);
  }
  const v = parsed.values;
  const scanDate = chooseScanDate({ name: '--scan-date', value: v['scan-date'] }, env.SOURCE_DATE_EPOCH);
  if (scanDate.problem !== undefined) throw new UsageError(`${scanDate.problem}.`);
  return {
    paths: parsed.positionals,
    reports: reportTargets(v.format ?? [], v.output),
    failOn: v['fail-on'] === undefined ? undefined : oneOf('--fail-on', v['fail-on'], FAIL_ON),
    configPath: v.config,
    rulePacks: v.rules ?? [],
    params: v.param ?? [],
    parameterFiles: v['param-file'] ?? [],
    vars: v.var ?? [],
    varFiles: v['var-file'] ?? [],
    category: v.category,
    strict: v.strict,
    scanDate: scanDate.date,
    quiet: v.quiet ?? false,
    stats: v.stats ?? false,
    help: v.help ?? false,
    version: v.version ?? false,
  };
}

/** `--format sarif=out.sarif` names its own file; `--output` serves the last format that does not. */
function reportTargets(formats: string[], output: string | undefined): ReportTarget[] {
  const targets = (formats.length ? formats : ['text']).flatMap((spec) =>
    spec.split(',').map((part) => {
      const eq = part.indexOf('=');
      const format = oneOf('--format', eq < 0 ? part : part.slice(0, eq), REPORT_FORMATS);
      return { format, destination: eq < 0 ? '' : part.slice(eq + 1) };
    }),
  );
  if (output !== undefined) {
    const open = targets.filter((t) => !t.destination);
    if (!open.length) throw new UsageError('--output has no format to write: every --format already names its file.');
    open[open.length - 1].destination = output;
  }
  for (const t of targets) if (!t.destination) t.destination = '-';
  if (targets.filter((t) => t.destination === '-').length > 1) {
    throw new UsageError(
      'more than one report would go to standard output; give the others a file, e.g. --format sarif=iac-scan.sarif.',
    );
  }
  return targets;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} ${JSON.stringify(value)} is not valid; expected one of ${allowed.join(', ')}.`);
}
