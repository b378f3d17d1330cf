/**
 * One run of the Action: scan, write the report, set outputs, write the job summary and
 * annotate. Returns the exit code: 1 when findings reach fail-on, 2 when input could not be
 * scanned, else 0. `log` receives what goes to the step's log (annotations included).
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderReport } from '../report';
import { summarize } from '../report/summary';
import { VERSION } from '../version';
import { buildAnnotations } from './annotations';
import { readInputs } from './inputs';
import { formatOutputs } from './outputs';
import { runScan } from './scan-call';
import { jobSummary } from './summary';

export async function runAction(env: NodeJS.ProcessEnv, cwd: string, log: (text: string) => void): Promise<number> {
  const inputs = readInputs(env);
  const prefix = repoPrefix(env.GITHUB_WORKSPACE, cwd);
  const scanned = await runScan(inputs, cwd);
  if (!scanned.ok) {
    annotate(log, buildAnnotations([], scanned.notices, prefix).commands);
    setOutputs(env, { 'sarif-file': '', findings: '0', failed: 'true' });
    return 2;
  }

  const { result, failOn, category } = scanned;
  const options = { category, failOn, toolVersion: VERSION, cwd, color: false };
  const reportPath = path.resolve(cwd, inputs.output);
  mkdirSync(path.dirname(reportPath), { recursive: true });
  writeFileSync(reportPath, renderReport(inputs.format, result, options));
  logUntrusted(log, 'iac-scan report', renderReport('text', result, options));

  const summary = summarize(result, failOn);
  const annotations = buildAnnotations(result.findings, result.notices, prefix);
  annotate(log, annotations.commands);
  if (env.GITHUB_STEP_SUMMARY) {
    appendFileSync(
      env.GITHUB_STEP_SUMMARY,
      jobSummary(result, summary, { blobBase: blobBase(env), prefix, reportFile: inputs.output, omitted: annotations.omitted }),
    );
  }
  setOutputs(env, {
    'sarif-file': inputs.format === 'sarif' ? inputs.output : '',
    findings: String(summary.findings),
    failed: String(summary.exitCode !== 0),
  });
  return summary.exitCode;
}

/** Scan-root paths are relative to `cwd`; annotations and links need them relative to the repository. */
function repoPrefix(workspace: string | undefined, cwd: string): string {
  if (!workspace) return '';
  const rel = path.relative(workspace, cwd).split(path.sep).join('/');
  return rel && !rel.startsWith('..') ? `${rel}/` : '';
}

function blobBase(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = env;
  return server && repo && sha ? `${server}/${repo}/blob/${sha}/` : undefined;
}

/**
 * The text report in the log, for people reading the run. It quotes scanned files, and the
 * runner treats any line starting with `::` (after spaces) as a command, so commands are
 * switched off around it with a token the scanned code cannot guess.
 */
function logUntrusted(log: (text: string) => void, title: string, text: string): void {
  const token = randomUUID();
  log(`::group::${title}\n::stop-commands::${token}\n${text}::${token}::\n::endgroup::\n`);
}

function annotate(log: (text: string) => void, commands: string[]): void {
  if (commands.length) log(`${commands.join('\n')}\n`);
}

function setOutputs(env: NodeJS.ProcessEnv, outputs: Record<string, string>): void {
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, formatOutputs(outputs, `ghadelimiter_${randomUUID()}`));
}

