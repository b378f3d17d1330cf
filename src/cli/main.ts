#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, scan } from '../scan';
import { exitCode } from '../scan/verdict';
import { formatNotice } from '../scan/notices';
import { renderReport } from '../report';
import { VERSION } from '../version';
import { HELP, UsageError } from './args';
import { parseCommandLine, type Command } from './command';
import { runList } from './list';
import { Progress } from './progress';

async function main(argv: string[]): Promise<number> {
  let command: Command;
  try {
    command = parseCommandLine(argv, process.env);
  } catch (err) {
    return usageFailure(err);
  }
  if (command.name !== 'scan') return runList(command.name, command.args);
  const { args } = command;
  if (args.help) return print(HELP);
  if (args.version) return print(VERSION);

  const progress = new Progress(!args.quiet && process.stderr.isTTY === true);
  const cwd = process.cwd();
  let outcome;
  try {
    outcome = await scan({
      paths: args.paths,
      cwd,
      configPath: args.configPath,
      strict: args.strict,
      failOn: args.failOn,
      rulePacks: args.rulePacks,
      params: args.params,
      parameterFiles: args.parameterFiles,
      vars: args.vars,
      varFiles: args.varFiles,
      environment: process.env,
      category: args.category,
      today: args.scanDate,
      onProgress: (stage, done, total) => progress.update(stage, done, total),
    });
  } catch (err) {
    progress.clear();
    if (err instanceof ConfigError) {
      for (const n of err.notices) process.stderr.write(`iac-scan: ${formatNotice(n)}\n`);
      return 2;
    }
    throw err;
  }
  progress.clear();

  const { result, failOn, category } = outcome;
  for (const target of args.reports) {
    const toStdout = target.destination === '-';
    const text = renderReport(target.format, result, {
      category,
      failOn,
      toolVersion: VERSION,
      cwd,
      quiet: args.quiet,
      color: toStdout && colorWanted(),
    });
    if (toStdout) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    else writeFileSync(path.resolve(cwd, target.destination), text);
  }
  if (args.stats) {
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    process.stderr.write(`${JSON.stringify({ ...result.stats, peakRssMb: Math.round(peakRssMb) })}\n`);
  }
  return exitCode(result, failOn);
}

/** Colour on a terminal only, and never when NO_COLOR is set (https://no-color.org). */
function colorWanted(): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return process.stdout.isTTY === true;
}

function print(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}

function usageFailure(err: unknown): number {
  if (!(err instanceof UsageError)) throw err;
  process.stderr.write(`iac-scan: ${err.message}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`iac-scan: internal error: ${(err as Error)?.stack ?? String(err)}\nPlease report this.\n`);
    process.exitCode = 2;
  },
);
