import { parseArgs } from 'node:util';
import type { ListFormat } from '../report/rule-list';
import { UsageError } from './args';

/** The listing commands; each is the command only as the first argument (`iac-scan ./rules` scans a folder). */
export type ListCommand = 'rules' | 'controls';
export const LIST_COMMANDS: readonly ListCommand[] = ['rules', 'controls'];

const LIST_FORMATS: readonly ListFormat[] = ['text', 'json', 'markdown'];

export interface ListArgs {
  format: ListFormat;
  configPath?: string;
  rulePacks: string[];
  help: boolean;
}

const OPTIONS_HELP = `Options:
  -f, --format FORMAT  text, json or markdown (default: text)
  -c, --config FILE    config file: its packs and rule selection apply (default: .iac-scan.yml)
      --rules DIR      add a rule pack folder (repeatable)
  -h, --help           print this help`;

export const LIST_HELP: Record<ListCommand, string> = {
  rules: `Usage: iac-scan rules [options]

Lists the rules a scan with the same options would run: id, severity (after the config's
overrides), owner, ISO/IEC 27001 and 27017 controls, and the formats each rule judges.

${OPTIONS_HELP}`,
  controls: `Usage: iac-scan controls [options]

Lists the controls catalog: ISO/IEC 27001:2022 Annex A, the ISO/IEC 27017 cloud controls and the
ISO/IEC 27002:2013 clauses the rules name (marked where 27017 adds no cloud guidance), each with
its owner per service model (infrastructure, container, abstracted) and the rules that evidence
it; provider-operated controls are marked as inherited.

${OPTIONS_HELP}`,
};

export function parseListArgs(command: ListCommand, argv: string[]): ListArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        rules: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}. Run iac-scan ${command} --help for the options.`);
  }
  const v = parsed.values;
  const format = v.format ?? 'text';
  if (!(LIST_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format ${JSON.stringify(format)} is not valid for iac-scan ${command}; expected one of ${LIST_FORMATS.join(', ')}.`);
  }
  return { format: format as ListFormat, configPath: v.config, rulePacks: v.rules ?? [], help: v.help ?? false };
}
