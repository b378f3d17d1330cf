#!/usr/bin/env node
// npm run conformance -- [corpus] [--json] [--verbose] [--rule ID]... [--jobs N] [--no-soa]
//
// Agreement with Checkov on Checkov's own per-check AWS test fixtures. For every rule of ours
// with `equivalents.checkov`, the fixture folders of those check ids (from the corpus's
// expected.json) are scanned with the built CLI (dist/cli.js --format json, plus --format
// soa-json for each rule's outcome per resource when the build has it), one folder per scan as
// Checkov's tests do, and each resource Checkov labels is compared with our verdict: a finding
// of the rule on the resource is `fail`, an outcome of passed or not-applicable is `pass`.
// Resources we cannot decide (a value left unknown, not found in our scan, in a file that did
// not parse) are counted apart, and so are resource types the rule does not check.
//
// Checks whose expected.json has only `summary_counts` get per-resource labels when the
// fixtures' names give them unambiguously (a resource or file named PASSED/FAILED whose totals
// equal Checkov's counts, or counts where every resource passes or every one fails); otherwise
// only the counts are compared, outside the agreement figures.
//
// A report, not a test: it exits 0 whatever the agreement; 2 when dist/cli.js or the corpus is
// missing. Nothing in the corpus is run: files are only read and scanned.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const cli = path.join(repo, 'dist/cli.js');

// ---------------------------------------------------------------------------------------------
// Arguments

const USAGE = `usage: npm run conformance -- [corpus] [--json] [--verbose] [--rule ID]... [--jobs N] [--no-soa]
  corpus     Checkov's AWS fixtures (the folder holding expected.json), or the corpus root
             holding checkov-aws/ (default: ../shared/corpus/checkov-aws)
  --json     machine-readable output on stdout
  --verbose  list every disagreement and undecided resource with file and resource
  --rule ID  only this rule (repeatable)
  --jobs N   scans run at once (default 2)
  --no-soa   do not ask the CLI for --format soa-json outcomes; judge undecided resources from
             the JSON report's notices only`;

const argv = process.argv.slice(2);
const opts = { json: false, verbose: false, rules: [], jobs: 2, corpus: undefined, soa: true };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--json') opts.json = true;
  else if (a === '--verbose' || a === '-v') opts.verbose = true;
  else if (a === '--rule') opts.rules.push(argv[++i]);
  else if (a === '--jobs') opts.jobs = Math.max(1, Number(argv[++i]) || 1);
  else if (a === '--no-soa') opts.soa = false;
  else if (a === '--help' || a === '-h') {
    console.log(USAGE);
    process.exit(0);
  } else if (a.startsWith('-')) {
    console.error(`conformance: unknown option ${a}\n${USAGE}`);
    process.exit(2);
  } else opts.corpus = a;
}

function corpusDir() {
  const given = path.resolve(opts.corpus ?? path.join(repo, '../shared/corpus/checkov-aws'));
  if (existsSync(path.join(given, 'expected.json'))) return given;
  if (existsSync(path.join(given, 'checkov-aws', 'expected.json'))) return path.join(given, 'checkov-aws');
  return undefined;
}

if (!existsSync(cli)) {
  console.error(`conformance: ${path.relative(process.cwd(), cli) || cli} is missing; run npm run build first.`);
  process.exit(2);
}
const corpus = corpusDir();
if (!corpus) {
  const shown = opts.corpus ?? '../shared/corpus/checkov-aws';
  console.error(`conformance: no Checkov corpus at ${shown} (expected.json not found); pass its path: npm run conformance -- /path/to/corpus/checkov-aws`);
  process.exit(2);
}

// yaml is a dev dependency of this repository; it reads our rule files and the fixtures'
// CloudFormation templates (for the resource inventory).
const YAML = await import('yaml');

// ---------------------------------------------------------------------------------------------
// Our rules: ids, Checkov equivalents, and the resource types each checks

function listRules() {
  const r = spawnSync(process.execPath, [cli, 'rules', '--format', 'json'], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) {
    console.error(`conformance: iac-scan rules failed (exit ${r.status}):\n${r.stderr}`);
    process.exit(2);
  }
  return JSON.parse(r.stdout);
}

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

/** Rule id -> { cloudformation: Set|'*', terraform: Set|'*' } from the shipped rule files. */
function ruleTypes() {
  const types = new Map();
  const dir = path.join(repo, 'rules');
  if (!existsSync(dir)) return types;
  for (const file of walk(dir).filter((f) => /\.ya?ml$/.test(f))) {
    let rule;
    try {
      rule = YAML.parse(readFileSync(file, 'utf8'), { logLevel: 'silent' });
    } catch {
      continue;
    }
    if (!rule?.id || !rule.check) continue;
    const entry = { text: {} };
    for (const family of ['cloudformation', 'terraform']) {
      const checks = [rule.check[family] ?? []].flat();
      entry.text[family] = JSON.stringify(checks);
      const set = new Set();
      let any = false;
      for (const c of checks) for (const t of [c?.resource ?? []].flat()) t === '*' ? (any = true) : set.add(t);
      entry[family] = any ? '*' : set;
    }
    types.set(rule.id, entry);
  }
  return types;
}

function ruleChecksType(types, ruleId, family, type) {
  const t = types.get(ruleId)?.[family];
  if (!t) return true; // unknown (e.g. a pack rule): do not second-guess
  return t === '*' || t.has(type);
}

// ---------------------------------------------------------------------------------------------
// Scanning

/**
 * The CLI's own per-rule outcomes: `--format soa-json` lists, per control, a row per resource and
 * rule with its state (failed, undecided, accepted, passed, not-applicable). Builds without that
 * format fall back on the inventory and notices below.
 */
const soaSupported = opts.soa && (() => {
  const r = spawnSync(process.execPath, [cli, '--help'], { cwd: repo, encoding: 'utf8' });
  return /soa-json/.test(r.stdout ?? '');
})();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'iac-scan-conformance-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
let scanCount = 0;

function scan(dir) {
  const soaFile = soaSupported ? path.join(tmp, `soa-${scanCount++}.json`) : undefined;
  const args = [cli, '.', '--format', 'json', '--fail-on', 'none', '--quiet'];
  if (soaFile) args.push('--format', `soa-json=${soaFile}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: dir });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      let report;
      try {
        report = JSON.parse(stdout);
      } catch {
        resolve({ error: `iac-scan exited ${code} without a JSON report: ${Buffer.concat(err).toString('utf8').slice(0, 500)}`, exit: code });
        return;
      }
      let soa;
      if (soaFile) {
        try {
          soa = JSON.parse(readFileSync(soaFile, 'utf8'));
        } catch {
          soa = undefined;
        }
      }
      resolve({ report, soa, exit: code });
    });
  });
}

async function pool(items, n, fn) {
  const results = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  });
  await Promise.all(workers);
  return results;
}

// ---------------------------------------------------------------------------------------------
// Resource inventory of a fixture folder. The JSON report's own `resources` (when the report
// carries them) are preferred; otherwise the folder's files are read here: Terraform blocks by
// their header line, CloudFormation resources from the template's Resources map.

const TF_HEADER = /^\s*(resource|data)\s+"?([A-Za-z0-9_-]+)"?\s+"?([A-Za-z0-9_-]+)"?\s*\{/;

function lineOf(text, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** [{ file, family, type, name, block, start, end }]: block is `type.name` / `data.type.name`. */
function inventory(dir) {
  const items = [];
  for (const abs of walk(dir)) {
    const file = path.relative(dir, abs).split(path.sep).join('/');
    let text;
    try {
      text = readFileSync(abs, 'utf8');
    } catch {
      continue;
    }
    if (file.endsWith('.tf')) {
      const lines = text.split('\n');
      const found = [];
      lines.forEach((l, i) => {
        const m = TF_HEADER.exec(l);
        if (m) found.push({ kind: m[1], type: m[2], name: m[3], start: i + 1 });
      });
      found.forEach((b, i) => {
        const end = i + 1 < found.length ? found[i + 1].start - 1 : lines.length;
        const block = b.kind === 'data' ? `data.${b.type}.${b.name}` : `${b.type}.${b.name}`;
        items.push({ file, family: 'terraform', type: b.type, name: b.name, block, start: b.start, end });
      });
    } else if (file.endsWith('.tf.json')) {
      try {
        const j = JSON.parse(text);
        for (const [kind, key] of [['resource', ''], ['data', 'data.']]) {
          for (const [type, byName] of Object.entries(j[kind] ?? {})) {
            for (const name of Object.keys(byName ?? {})) items.push({ file, family: 'terraform', type, name, block: `${key}${type}.${name}`, start: 1, end: Infinity });
          }
        }
      } catch {
        /* not ours to judge */
      }
    } else if (/\.(ya?ml|json|template)$/i.test(file)) {
      let doc;
      try {
        doc = YAML.parseDocument(text, { logLevel: 'silent', uniqueKeys: false, strict: false });
      } catch {
        continue;
      }
      const resources = doc.contents && YAML.isMap(doc.contents) ? doc.contents.get('Resources', true) : undefined;
      if (!resources || !YAML.isMap(resources)) continue;
      const pairs = resources.items;
      pairs.forEach((pair, i) => {
        const name = String(YAML.isScalar(pair.key) ? pair.key.value : pair.key);
        const value = pair.value;
        const type = YAML.isMap(value) ? value.get('Type') : undefined;
        if (typeof type !== 'string') return;
        const start = pair.key?.range ? lineOf(text, pair.key.range[0]) : 1;
        const nextKey = pairs[i + 1]?.key;
        const end = nextKey?.range ? lineOf(text, nextKey.range[0]) - 1 : Infinity;
        items.push({ file, family: 'cloudformation', type, name, block: `${type}.${name}`, start, end });
      });
    }
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Matching Checkov's labels to our scan

/** `module.a["x"].aws_s3_bucket.b[0]` -> `aws_s3_bucket.b`; `module.m.data.t.n` -> `data.t.n`. */
function tfBlockOf(label) {
  let rest = label;
  for (;;) {
    const m = /^module\.[A-Za-z0-9_-]+(\[[^\]]*\])?\./.exec(rest);
    if (!m) break;
    rest = rest.slice(m[0].length);
  }
  return rest.replace(/\[[^\]]*\]$/, '');
}

function tfTypeOf(label) {
  const block = tfBlockOf(label);
  return block.startsWith('data.') ? block.split('.')[1] : block.split('.')[0];
}

const normal = (s) => s.replace(/\s+/g, '').replace(/'/g, '"');

/** What one scanned folder tells about resources, shared by every check that uses the folder. */
function folderView(dir, result) {
  const report = result.report;
  const inv = inventory(dir);
  const findings = report?.findings ?? [];
  const notices = report?.notices ?? [];
  const outcomes = outcomeRows(result.soa);
  const parseErrors = new Set(notices.filter((n) => n.level === 'error' && n.file).map((n) => n.file));
  return { dir, error: result.error, inv, findings, notices, outcomes, parseErrors };
}

/**
 * Our verdict for one Checkov label under one rule: { verdict: 'pass'|'fail'|'undecided'|'out-of-scope',
 * why?, file?, line? }.
 */
function verdictFor(view, ruleId, platform, label, types) {
  if (view.error) return { verdict: 'undecided', why: `scan failed: ${view.error}` };
  if (platform === 'terraform') {
    const type = tfTypeOf(label);
    if (!ruleChecksType(types, ruleId, 'terraform', type)) return { verdict: 'out-of-scope', why: `the rule does not check ${type}` };
    const block = tfBlockOf(label);
    const decl = view.inv.filter((r) => r.family === 'terraform' && r.block === block);
    const hits = view.findings.filter((f) => f.ruleId === ruleId && normal(f.address) === normal(label));
    const where = hits[0] ? { file: hits[0].file, line: hits[0].range?.start?.line } : decl[0] ? { file: decl[0].file, line: decl[0].start } : {};
    if (hits.length) return { verdict: 'fail', ...where, message: hits[0].message, suppressed: hits.every((h) => h.suppression) };
    if (view.outcomes) {
      const outcome = outcomeOf(view, ruleId, (r) => normal(r.address) === normal(label));
      if (outcome) return { ...where, ...outcome };
      return { verdict: 'undecided', why: decl.length ? `the rule reports no outcome for ${label} (not scanned?)` : `no ${block} declared in the folder`, ...where };
    }
    if (!decl.length) return { verdict: 'undecided', why: `no ${block} declared in the folder`, ...where };
    const unparsed = decl.find((d) => view.parseErrors.has(d.file));
    if (unparsed) return { verdict: 'undecided', why: `${unparsed.file} did not parse`, ...where };
    const notice = decl.map((d) => noticeIn(view, d, ruleId, types)).find(Boolean);
    if (notice) return { verdict: 'undecided', why: `no finding, but ${notice.code}: ${notice.message}`, file: notice.file, line: notice.range?.start?.line };
    return { verdict: 'pass', ...where };
  }
  // CloudFormation: `Type.LogicalId`, possibly in several templates of the folder.
  const dot = label.lastIndexOf('.');
  const type = label.slice(0, dot);
  const name = label.slice(dot + 1);
  if (!ruleChecksType(types, ruleId, 'cloudformation', type)) return { verdict: 'out-of-scope', why: `the rule does not check ${type}` };
  const decl = view.inv.filter((r) => r.family === 'cloudformation' && r.type === type && r.name === name);
  if (!decl.length) {
    const hits = view.findings.filter((f) => f.ruleId === ruleId && f.resourceType === type && lastSegment(f.address) === name);
    if (hits.length) return { verdict: 'fail', file: hits[0].file, line: hits[0].range?.start?.line, message: hits[0].message };
    return { verdict: 'undecided', why: `no ${type} ${name} found in the folder` };
  }
  const per = decl.map((d) => cfnVerdict(view, ruleId, d, types));
  const kinds = new Set(per.map((p) => p.verdict));
  if (kinds.size === 1) return per[0];
  return { verdict: 'undecided', why: `${name} is in ${decl.length} templates with different verdicts (${per.map((p, i) => `${decl[i].file}: ${p.verdict}`).join(', ')})` };
}

function lastSegment(address) {
  const i = address.lastIndexOf('/');
  return i >= 0 ? address.slice(i + 1) : address;
}

function cfnVerdict(view, ruleId, d, types) {
  const where = { file: d.file, line: d.start };
  const hits = view.findings.filter(
    (f) => f.ruleId === ruleId && f.resourceType === d.type && lastSegment(f.address) === d.name && sameFile(f.file, d.file),
  );
  if (hits.length) return { verdict: 'fail', file: hits[0].file, line: hits[0].range?.start?.line, message: hits[0].message, suppressed: hits.every((h) => h.suppression) };
  if (view.outcomes) {
    const outcome = outcomeOf(view, ruleId, (r) => r.type === d.type && lastSegment(r.address) === d.name && sameFile(r.file, d.file));
    if (outcome) return { ...where, ...outcome };
    return { verdict: 'undecided', why: view.parseErrors.has(d.file) ? `${d.file} did not parse` : 'the rule reports no outcome for it (not scanned?)', ...where };
  }
  if (view.parseErrors.has(d.file)) return { verdict: 'undecided', why: `${d.file} did not parse`, ...where };
  const notice = noticeIn(view, d, ruleId, types);
  if (notice) return { verdict: 'undecided', why: `no finding, but ${notice.code}: ${notice.message}`, ...where };
  return { verdict: 'pass', ...where };
}

function sameFile(a, b) {
  return a === b || (a && b && (a.endsWith(`/${b}`) || b.endsWith(`/${a}`)));
}

/**
 * A warning about the input inside a resource's block (a reference Terraform could not resolve,
 * say) on an attribute the rule reads: the value our verdict rests on is unknown to us. A warning
 * on an attribute the rule never names does not make the verdict undecided.
 */
function noticeIn(view, d, ruleId, types) {
  const ruleText = types.get(ruleId)?.text?.[d.family];
  return view.notices.find((n) => {
    if (n.level === 'error' || !n.range || !sameFile(n.file, d.file) || /suppression|directive|config/.test(n.code)) return false;
    const line = n.range.start.line;
    if (line < d.start || line > d.end) return false;
    if (!ruleText) return true;
    const key = attributeAt(view, d.file, line, d.start);
    return !key || new RegExp(`\\b${key}\\b`).test(ruleText);
  });
}

const fileLines = new Map();
/** The attribute (`key =` in HCL, `Key:` in YAML, `"Key":` in JSON) a line belongs to. */
function attributeAt(view, file, line, start) {
  const abs = path.join(view.dir, file);
  if (!fileLines.has(abs)) {
    try {
      fileLines.set(abs, readFileSync(abs, 'utf8').split('\n'));
    } catch {
      fileLines.set(abs, []);
    }
  }
  const lines = fileLines.get(abs);
  for (let i = line; i >= Math.max(1, start); i--) {
    const m = /^\s*"?([A-Za-z_][\w-]*)"?\s*[=:](?!=)/.exec(lines[i - 1] ?? '');
    if (m) return m[1];
  }
  return undefined;
}

const GRAVITY = { failed: 4, accepted: 3, undecided: 2, passed: 1, 'not-applicable': 0 };

/** One row per (rule, file, type, address) from the SoA JSON, the gravest state when repeated. */
function outcomeRows(soa) {
  if (!soa || !Array.isArray(soa.controls)) return undefined;
  const rows = new Map();
  for (const control of soa.controls) {
    for (const r of control.resources ?? []) {
      if (!r || typeof r.rule !== 'string' || typeof r.address !== 'string' || !(r.state in GRAVITY)) continue;
      const key = `${r.rule}\u0000${r.file}\u0000${r.type}\u0000${r.address}`;
      const had = rows.get(key);
      if (!had || GRAVITY[r.state] > GRAVITY[had.state]) rows.set(key, r);
    }
  }
  return [...rows.values()];
}

/** Our outcome for the rows that match, from the SoA JSON. */
function outcomeOf(view, ruleId, matches) {
  const rows = view.outcomes.filter((r) => r.rule === ruleId && matches(r));
  if (!rows.length) return undefined;
  const worst = rows.reduce((a, b) => (GRAVITY[b.state] > GRAVITY[a.state] ? b : a));
  const where = { file: worst.file, line: worst.range?.start?.line };
  if (worst.state === 'failed' || worst.state === 'accepted') return { verdict: 'fail', ...where, ...(worst.message ? { message: worst.message } : {}) };
  if (worst.state === 'undecided') return { verdict: 'undecided', why: worst.why ?? 'a value left to deployment', ...where };
  return { verdict: 'pass', notApplicable: worst.state === 'not-applicable' };
}

// ---------------------------------------------------------------------------------------------
// Labels for checks with only summary_counts

const HINT = (s) => {
  const t = s.toLowerCase();
  if (/unknown/.test(t)) return 'unknown';
  const pass = /pass/.test(t);
  const fail = /fail/.test(t);
  return pass && !fail ? 'pass' : fail && !pass ? 'fail' : undefined;
};

/**
 * Per-resource labels for a counts-only record when they can be told for sure:
 * { labels: [{ label, expect, item }], basis }; otherwise { counted } for a counts comparison.
 * A label here is one declaration (a logical id in one template), as the same logical id often
 * recurs in a folder's PASSED and FAILED templates.
 */
function inferLabels(record, view) {
  const supported = new Set(record.supported_resources);
  const fam = record.platform;
  const resources = view.inv.filter((r) => r.family === fam && supported.has(r.type));
  const { passed = 0, failed = 0, skipped = 0 } = record.summary_counts ?? {};
  const labelOf = (r) => (fam === 'terraform' ? r.block : `${r.type}.${r.name}`);
  const entry = (r, expect) => ({ label: labelOf(r), expect, item: r });
  const tryHints = (hint, basis) => {
    const hinted = resources.map((r) => ({ r, h: hint(r) }));
    if (!hinted.length || hinted.some((x) => !x.h)) return undefined;
    const counted = hinted.filter((x) => x.h !== 'unknown');
    const p = counted.filter((x) => x.h === 'pass').length;
    const f = counted.filter((x) => x.h === 'fail').length;
    if (p !== passed || f !== failed) return undefined;
    return { labels: counted.map((x) => entry(x.r, x.h)), basis };
  };
  if (skipped === 0) {
    const found =
      tryHints((r) => HINT(r.name), 'resource names') ??
      tryHints((r) => HINT(path.basename(r.file)), 'file names') ??
      tryHints((r) => HINT(r.name) ?? HINT(path.basename(r.file)), 'resource and file names');
    if (found) return found;
    if (resources.length && resources.length === passed + failed && (passed === 0 || failed === 0)) {
      const all = passed === 0 ? 'fail' : 'pass';
      return { labels: resources.map((r) => entry(r, all)), basis: `all ${all}` };
    }
  }
  return { counted: resources };
}

// ---------------------------------------------------------------------------------------------
// Main

const expected = JSON.parse(readFileSync(path.join(corpus, 'expected.json'), 'utf8'));
const rules = listRules().filter((r) => (r.equivalents?.checkov ?? []).length && (!opts.rules.length || opts.rules.includes(r.id)));
const types = ruleTypes();

const plan = rules.map((rule) => ({
  rule,
  checks: rule.equivalents.checkov.map((id) => ({ id, records: expected.records.filter((x) => x.check_id === id) })),
}));
const dirs = [...new Set(plan.flatMap((p) => p.checks.flatMap((c) => c.records.map((r) => r.fixture_dirs[0]))))].sort();

if (!opts.json) process.stderr.write(`conformance: scanning ${dirs.length} Checkov fixture folders with ${opts.jobs} job(s)...\n`);
const t0 = Date.now();
const views = new Map();
await pool(dirs, opts.jobs, async (rel) => {
  const abs = path.join(corpus, rel);
  const result = existsSync(abs) && statSync(abs).isDirectory() ? await scan(abs) : { error: `fixture folder ${rel} is missing` };
  views.set(rel, folderView(abs, result));
});
const seconds = (Date.now() - t0) / 1000;

const empty = () => ({ compared: 0, agree: 0, fp: 0, fn: 0, undecided: 0, outOfScope: 0, labelled: 0 });
const add = (a, b) => {
  for (const k of Object.keys(a)) a[k] += b[k];
};

const results = [];
for (const { rule, checks } of plan) {
  const ruleResult = { rule: rule.id, checkIds: checks.filter((c) => c.records.length).map((c) => c.id), checks: [], totals: empty(), countsOnly: [], missingChecks: [] };
  for (const check of checks) {
    if (!check.records.length) ruleResult.missingChecks.push(check.id);
    for (const record of check.records) {
      const dir = record.fixture_dirs[0];
      const view = views.get(dir);
      const rec = {
        check: check.id,
        platform: record.platform,
        dir,
        test: `${record.test_file}::${record.test_function}`,
        basis: 'expected.json',
        counts: empty(),
        resources: [],
      };
      let labels;
      if (record.passing_resources || record.failing_resources) {
        const byLabel = new Map();
        for (const l of record.passing_resources ?? []) byLabel.set(l, 'pass');
        for (const l of record.failing_resources ?? []) byLabel.set(l, byLabel.get(l) === 'pass' ? 'both' : 'fail');
        labels = [...byLabel].map(([label, expect]) => ({ label, expect }));
      } else {
        const inferred = inferLabels(record, view);
        if (inferred.labels) {
          labels = inferred.labels;
          rec.basis = `inferred from ${inferred.basis} (counts ${record.summary_counts.passed ?? 0}/${record.summary_counts.failed ?? 0} match)`;
        } else {
          // Counts only: our pass/fail over the same resource types.
          const fam = record.platform;
          const ours = { pass: 0, fail: 0, undecided: 0, outOfScope: 0 };
          const resources = [];
          for (const r of inferred.counted) {
            const label = fam === 'terraform' ? r.block : `${r.type}.${r.name}`;
            if (HINT(path.basename(r.file)) === 'unknown' || HINT(r.name) === 'unknown') {
              resources.push({ label, file: r.file, line: r.start, ours: 'not counted', why: 'named UNKNOWN: Checkov leaves it out of its counts' });
              continue;
            }
            const v = fam === 'terraform' ? verdictFor(view, rule.id, fam, label, types) : cfnVerdictScoped(view, rule.id, r, types);
            ours[v.verdict === 'out-of-scope' ? 'outOfScope' : v.verdict]++;
            const row = { label, file: v.file ?? r.file, line: v.line ?? r.start, ours: v.verdict };
            if (v.why) row.why = v.why;
            if (v.message) row.message = v.message;
            resources.push(row);
          }
          const sc = record.summary_counts ?? {};
          const comparable = sc.passed !== undefined && sc.failed !== undefined;
          ruleResult.countsOnly.push({
            check: check.id,
            platform: record.platform,
            dir,
            checkov: { passed: sc.passed ?? null, failed: sc.failed ?? null, skipped: sc.skipped ?? 0 },
            ours,
            agree: comparable ? ours.pass === sc.passed && ours.fail === sc.failed : null,
            resources,
          });
          continue;
        }
      }
      for (const { label, expect, item } of labels) {
        let v;
        if (expect === 'both') v = { verdict: 'undecided', why: 'Checkov lists it as passing and failing (same name in several files)' };
        else if (item && item.family === 'cloudformation') v = cfnVerdictScoped(view, rule.id, item, types);
        else v = verdictFor(view, rule.id, record.platform, label, types);
        const row = { label, checkov: expect, ours: v.verdict, file: v.file ?? item?.file ?? null, line: v.line ?? item?.start ?? null };
        if (v.why) row.why = v.why;
        if (v.message) row.message = v.message;
        rec.counts.labelled++;
        if (v.verdict === 'out-of-scope') rec.counts.outOfScope++;
        else if (v.verdict === 'undecided') rec.counts.undecided++;
        else {
          rec.counts.compared++;
          if (v.verdict === expect) rec.counts.agree++;
          else if (v.verdict === 'fail') rec.counts.fp++;
          else rec.counts.fn++;
        }
        rec.resources.push(row);
      }
      add(ruleResult.totals, rec.counts);
      ruleResult.checks.push(rec);
    }
  }
  results.push(ruleResult);
}

function cfnVerdictScoped(view, ruleId, r, t) {
  if (!ruleChecksType(t, ruleId, 'cloudformation', r.type)) return { verdict: 'out-of-scope', why: `the rule does not check ${r.type}` };
  return cfnVerdict(view, ruleId, r, t);
}

const totals = empty();
for (const r of results) add(totals, r.totals);
const countsOnly = results.flatMap((r) => r.countsOnly.map((c) => ({ rule: r.rule, ...c })));
const pct = (c) => (c.compared ? (100 * c.agree) / c.compared : null);
const scanErrors = [...views.values()].filter((v) => v.error).map((v) => ({ dir: path.relative(corpus, v.dir), error: v.error }));

const summary = {
  corpus: { path: corpus, source: expected.source ?? null, commit: expected.commit ?? null, commitDate: expected.commit_date ?? null },
  date: new Date().toISOString().slice(0, 10),
  folders: dirs.length,
  seconds,
  undecidedSource: [...views.values()].some((v) => v.outcomes) ? 'per-rule outcomes of --format soa-json' : 'inventory read from the fixtures and notices of the JSON report',
  totals: { ...totals, agreementPct: pct(totals) },
  countsOnly: {
    records: countsOnly.length,
    agree: countsOnly.filter((c) => c.agree === true).length,
    disagree: countsOnly.filter((c) => c.agree === false).length,
  },
  rulesWithoutCorpus: results.filter((r) => !r.checks.length && !r.countsOnly.length).map((r) => ({ rule: r.rule, checks: r.missingChecks })),
  scanErrors,
  rules: results.map((r) => ({ ...r, totals: { ...r.totals, agreementPct: pct(r.totals) } })),
};

if (opts.json) {
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Text report

const fmtPct = (v) => (v === null ? '-' : `${v.toFixed(1)}%`);
function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 || i === 1 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const out = [];
out.push(`Checkov conformance: ${expected.source ?? 'checkov'}@${(expected.commit ?? '').slice(0, 12)}, ${dirs.length} fixture folders scanned in ${seconds.toFixed(1)} s`);
out.push('FP: we flag a resource Checkov passes; FN: Checkov flags a resource we pass. Undecided and out-of-scope resources are not compared.');
out.push('');
const rows = summary.rules
  .filter((r) => r.checks.length || r.countsOnly.length)
  .map((r) => {
    const t = r.totals;
    const ids = r.checkIds.join(',');
    const co = r.countsOnly.length ? `${r.countsOnly.filter((c) => c.agree).length}/${r.countsOnly.length}` : '-';
    return [r.rule, ids, t.compared, t.agree, t.fp, t.fn, fmtPct(t.agreementPct), t.undecided, t.outOfScope, co];
  });
rows.push(['TOTAL', '', totals.compared, totals.agree, totals.fp, totals.fn, fmtPct(pct(totals)), totals.undecided, totals.outOfScope, `${summary.countsOnly.agree}/${summary.countsOnly.records}`]);
out.push(table(['rule', 'checkov', 'compared', 'agree', 'FP', 'FN', 'agree%', 'undecided', 'out-of-scope', 'counts ok'], rows));
out.push('');
out.push('counts ok: checks with only summary_counts whose pass/fail counts equal ours (not in the agreement figures).');
if (summary.rulesWithoutCorpus.length) {
  out.push(`No fixtures in the corpus for: ${summary.rulesWithoutCorpus.map((r) => `${r.rule} (${r.checks.join(', ')})`).join('; ')}`);
}
const partlyMissing = results.filter((r) => r.missingChecks.length && (r.checks.length || r.countsOnly.length));
if (partlyMissing.length) out.push(`Check ids without fixtures: ${partlyMissing.map((r) => `${r.rule}: ${r.missingChecks.join(', ')}`).join('; ')}`);
if (scanErrors.length) out.push(`Scans that failed: ${scanErrors.map((e) => `${e.dir}: ${e.error}`).join('; ')}`);

const countsBad = countsOnly.filter((c) => c.agree !== true);
if (countsBad.length) {
  out.push('');
  out.push('Counts-only checks that differ (Checkov passed/failed vs ours):');
  for (const c of countsBad) {
    out.push(`  ${c.rule} ${c.check} ${c.platform} ${c.dir}: Checkov ${c.checkov.passed}/${c.checkov.failed}, ours ${c.ours.pass}/${c.ours.fail}${c.ours.undecided ? ` (+${c.ours.undecided} undecided)` : ''}`);
    if (opts.verbose) {
      for (const x of c.resources) out.push(`      ours ${x.ours.padEnd(9)} ${x.label} ${x.file}:${x.line}${x.why ? ` — ${x.why}` : x.message ? ` — ${x.message}` : ''}`);
    }
  }
}

if (opts.verbose) {
  out.push('');
  out.push('Disagreements and undecided resources:');
  for (const r of summary.rules) {
    for (const c of r.checks) {
      const bad = c.resources.filter((x) => x.ours !== x.checkov && x.ours !== 'out-of-scope');
      const oos = c.resources.filter((x) => x.ours === 'out-of-scope');
      if (!bad.length && !oos.length) continue;
      out.push(`  ${r.rule} / ${c.check} (${c.platform}, ${c.dir}; labels: ${c.basis})`);
      for (const x of bad) {
        const kind = x.ours === 'undecided' ? 'UNDECIDED' : x.ours === 'fail' ? 'FP' : 'FN';
        const at = x.file ? `${x.file}${x.line ? `:${x.line}` : ''}` : '?';
        out.push(`    ${kind.padEnd(9)} ${x.label} [Checkov ${x.checkov}] ${at}${x.why ? ` — ${x.why}` : x.message ? ` — ${x.message}` : ''}`);
      }
      if (oos.length) out.push(`    out of scope: ${oos.map((x) => x.label).join(', ')}`);
    }
  }
}

console.log(out.join('\n'));
process.exit(0);
