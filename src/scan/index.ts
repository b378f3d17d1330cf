/**
 * The pipeline, one way through:
 * discover → parse (per format) → resource graph → rules → suppressions → (reports, by the caller).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { compareFindings, type Comment, type ControlCatalog, type FailOn, type Notice, type Resource, type Rule, type ScanResult, type SourceFile } from '../model';
import { discover } from '../discover';
import { isOutside } from '../discover/walk';
import { loadConfig, loadParameterFile, loadVariables, parseParamFlag, type Config } from '../config';
import { DEFAULT_LIMITS, type ParseOptions, type SuppliedParameter, type SuppliedVariables } from '../parse/format';
import { Workspace } from '../parse/workspace';
import { PARSERS } from '../parse/registry';
import { ResourceGraph } from '../graph/graph';
import { assessRules, dropRepeats, evaluationsOnce, resourcesOnce, type Assessment } from '../rules';
import { applySuppressions, cdkNagEquivalents } from '../suppress';
import { inventory } from './inventory';
import { SnippetStore } from './snippets';
import { compareNotices, formatNotice } from './notices';
import { loadRuleSet } from './rule-set';

export interface ScanOptions {
  /** Files and folders to scan, relative to `cwd` or absolute. Default: `.`. */
  paths: string[];
  /** The scan root: reports show paths relative to it, and `.iac-scan.yml` is looked for there. */
  cwd: string;
  configPath?: string;
  /** Overrides the config's `strict`. */
  strict?: boolean;
  /** Overrides the config's `fail-on`. */
  failOn?: FailOn;
  /** Rule pack folders given on the command line, in addition to the config's `packs`. */
  rulePacks?: string[];
  /** `Key=Value` CloudFormation parameters; they win over parameter files and the config. */
  params?: string[];
  parameterFiles?: string[];
  /** `NAME=VALUE` Terraform variables; they win over variable files, tfvars and the config. */
  vars?: string[];
  /** Terraform variable definitions files, relative to `cwd` or absolute; they win over the config's. */
  varFiles?: string[];
  /** The environment `TF_VAR_<name>` values are read from (the CLI passes the process's). */
  environment?: Record<string, string | undefined>;
  /** Overrides the config's SARIF category. */
  category?: string;
  /**
   * The scan's date (YYYY-MM-DD): suppressions expire by it and reports that show a date show it.
   * Default: today (UTC). The CLI and the Action resolve `--scan-date` and SOURCE_DATE_EPOCH
   * into it (src/scan/date.ts); the scan does not read the environment for it.
   */
  today?: string;
  /** Largest file read, in bytes. */
  maxFileBytes?: number;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface ScanOutcome {
  result: ScanResult;
  failOn: FailOn;
  category: string;
}

/** A problem that stops the scan before it starts: a broken config, rule pack or flag. Exit code 2. */
export class ConfigError extends Error {
  constructor(readonly notices: Notice[]) {
    super(notices.map(formatNotice).join('\n'));
    this.name = 'ConfigError';
  }
}

const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export async function scan(options: ScanOptions): Promise<ScanOutcome> {
  const t0 = performance.now();
  const root = path.resolve(options.cwd);
  const setup = prepare(root, options);
  const tSetup = performance.now();
  const progress = options.onProgress ?? (() => {});

  progress('finding files', 0, 0);

  const discovered = await discover(options.paths.length ? options.paths : ['.'], {
    root,
    include: setup.config.include ?? [],
    exclude: setup.config.exclude ?? [],
    parsers: [...PARSERS],
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
  });
  const t1 = performance.now();

  const notices: Notice[] = [...setup.notices, ...discovered.notices];
  progress('parsing files', 0, discovered.files.length);
  const workspace = new Workspace(root, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, namedOutside(root, options.paths));
  const parsed = parseAll(discovered.files, { root, parameters: setup.parameters, variables: setup.variables, limits: DEFAULT_LIMITS, workspace }, notices);
  const t2 = performance.now();

  progress('checking resources', 0, parsed.resources.length);
  const graph = new ResourceGraph(parsed.resources);
  const assessed = assessEachRule(setup.rules, graph, setup.strict, setup.config, notices);
  const once = dropRepeats(assessed.findings);
  notices.push(...once.notices);
  const t3 = performance.now();

  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const suppressed = applySuppressions(once.findings, {
    comments: parsed.comments,
    configIgnores: setup.config.ignore ?? [],
    today,
    knownRuleIds: new Set(setup.allRuleIds),
    resources: parsed.resources,
    cdkNagEquivalents: setup.cdkNagEquivalents,
  });
  notices.push(...suppressed.notices);
  const t4 = performance.now();

  // One resource per place: a plan's view of a configured resource is not listed twice.
  const kept = resourcesOnce(parsed.resources);
  const snippets = new SnippetStore(discovered.files, suppressed.findings, notices, workspace);
  const result: ScanResult = {
    root,
    files: discovered.files.map((f) => f.rel),
    findings: suppressed.findings,
    resources: inventory(kept),
    evaluations: evaluationsOnce(assessed.evaluations, parsed.resources, kept),
    notices: notices.sort(compareNotices),
    rules: setup.rules,
    catalog: setup.catalog,
    snippet: (range) => snippets.get(range),
    stats: {
      files: discovered.files.length,
      bytes: discovered.files.reduce((n, f) => n + Buffer.byteLength(f.text), 0),
      resources: parsed.resources.length,
      ms: { setup: tSetup - t0, discover: t1 - tSetup, parse: t2 - t1, rules: t3 - t2, suppress: t4 - t3, total: performance.now() - t0 },
    },
    date: today,
  };
  return {
    result,
    failOn: options.failOn ?? setup.config['fail-on'] ?? 'low',
    category: options.category ?? setup.config.category ?? 'iac-scan',
  };
}

interface Setup {
  config: Config;
  catalog: ControlCatalog;
  rules: Rule[];
  allRuleIds: string[];
  /** Our rule ids by the cdk-nag rule each declares equivalent, from every rule loaded. */
  cdkNagEquivalents: Map<string, string[]>;
  parameters: Map<string, SuppliedParameter>;
  variables: SuppliedVariables;
  strict: boolean;
  notices: Notice[];
}

/** Config, rules, parameters and variables: everything that must be right before a single file is read. */
function prepare(root: string, options: ScanOptions): Setup {
  const errors: Notice[] = [];
  const loaded = loadConfig(root, options.configPath);
  errors.push(...loaded.notices.filter((n) => n.level === 'error'));
  const config = loaded.config;

  const { ruleSet, errors: ruleErrors } = loadRuleSet(root, config, options.rulePacks ?? []);
  errors.push(...ruleErrors);
  // Without the controls catalog no rule can be checked: stop with what is known so far.
  if (!ruleSet) throw new ConfigError(errors);

  const parameters = new Map<string, SuppliedParameter>();
  for (const [name, value] of Object.entries(config.parameters ?? {})) {
    parameters.set(name, { value: String(value), from: 'config' });
  }
  for (const file of [...(config['parameter-files'] ?? []), ...(options.parameterFiles ?? [])]) {
    const fromFile = loadParameterFile(path.resolve(root, file), root);
    errors.push(...fromFile.notices.filter((n) => n.level === 'error'));
    for (const [name, value] of fromFile.parameters) parameters.set(name, value);
  }
  for (const flag of options.params ?? []) {
    const parsed = parseParamFlag(flag);
    if ('error' in parsed) errors.push({ level: 'error', code: 'usage', message: parsed.error });
    else parameters.set(parsed.name, parsed.parameter);
  }
  const variables = loadVariables(
    {
      config: config.variables,
      files: [...(config['var-files'] ?? []), ...(options.varFiles ?? []).map((file) => path.resolve(root, file))],
      flags: options.vars ?? [],
      environment: options.environment,
    },
    root,
  );
  errors.push(...variables.notices);
  if (errors.length) throw new ConfigError(errors);

  return {
    config,
    catalog: ruleSet.catalog,
    rules: ruleSet.selected,
    allRuleIds: ruleSet.all.map((r) => r.id),
    cdkNagEquivalents: cdkNagEquivalents(ruleSet.all),
    parameters,
    variables: variables.variables,
    strict: options.strict ?? config.strict ?? false,
    notices: loaded.notices.filter((n) => n.level !== 'error'),
  };
}

interface Parsed {
  resources: Resource[];
  comments: Comment[];
}

/**
 * Each format parses its own files. A parser that throws loses nothing else: its files are
 * retried one by one, so the file that broke it is named and the others still count.
 */
function parseAll(files: SourceFile[], options: ParseOptions, notices: Notice[]): Parsed {
  const out: Parsed = { resources: [], comments: [] };
  for (const parser of PARSERS) {
    const mine = files.filter((f) => f.format === parser.id);
    if (!mine.length) continue;
    const batches = guarded(() => [parser.parse(mine, options)]) ??
      mine.map((file) => guarded(() => parser.parse([file], options)) ?? crashNotice(file));
    for (const r of batches) {
      out.resources.push(...r.resources);
      out.comments.push(...r.comments);
      notices.push(...r.notices);
    }
  }
  return out;
}

function crashNotice(file: SourceFile) {
  return {
    resources: [],
    comments: [],
    notices: [
      {
        level: 'error' as const,
        code: 'internal-error',
        file: file.rel,
        message: 'iac-scan failed while parsing this file; the other files were scanned. Please report this with the file attached.',
      },
    ],
  };
}

function guarded<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

/** Rules run one at a time so that one rule's crash is named and the other rules' findings kept. */
function assessEachRule(
  rules: Rule[],
  graph: ResourceGraph,
  strict: boolean,
  config: Config,
  notices: Notice[],
): Assessment {
  const severityOverrides = new Map(Object.entries(config.severity ?? {}));
  const all: Assessment = { findings: [], evaluations: [] };
  for (const rule of rules) {
    try {
      const one = assessRules([rule], graph, { strict, severityOverrides });
      all.findings.push(...one.findings);
      all.evaluations.push(...one.evaluations);
    } catch (err) {
      notices.push({
        level: 'error',
        code: 'internal-error',
        message: `rule ${rule.id} failed (${(err as Error).message}); its findings are missing, all other rules ran. Please report this.`,
      });
    }
  }
  all.findings.sort(compareFindings);
  return all;
}

/**
 * The folders the user named that lie outside the root (a named file stands for its folder, as
 * Terraform reads a folder): parsers may read files there too, as they may under the root.
 */
function namedOutside(root: string, paths: readonly string[]): string[] {
  const folders: string[] = [];
  for (const named of paths) {
    const abs = path.resolve(root, named);
    if (!isOutside(path.relative(root, abs))) continue;
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      continue; // discovery reports a path that does not exist
    }
    folders.push(isDir ? abs : path.dirname(abs));
  }
  return folders;
}
