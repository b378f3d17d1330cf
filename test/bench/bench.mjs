#!/usr/bin/env node
// npm run bench -- [corpus] [--no-peer] [--runs N]
//
// Speed and memory of the built CLI (dist/cli.js) on a corpus of real templates, and of cfn-lint
// on the same templates in the same run; then Terraform: the HCL parser's MB/s against the
// reference parser's, the whole scan of the corpus's Terraform repos, and its plans.
// Not a test: figures go into the issue notes.
// The corpus defaults to ../shared/corpus; nothing here runs when it is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureHclParse } from './hcl-speed.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const cli = path.join(repo, 'dist/cli.js');

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const corpus = path.resolve(argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--runs') ?? path.join(repo, '../shared/corpus'));
const runs = Number(option('--runs', '3'));

if (!existsSync(corpus)) {
  console.log(`bench: no corpus at ${corpus}; pass its path: npm run bench -- /path/to/corpus`);
  process.exit(0);
}
if (!existsSync(cli)) {
  console.error('bench: dist/cli.js is missing; run npm run build first.');
  process.exit(2);
}

/** CloudFormation files of one corpus repo, from its manifest (judged by content there). */
function manifestFiles(repoDir, kind) {
  const manifest = JSON.parse(readFileSync(`${repoDir}.manifest.json`, 'utf8'));
  return manifest.manifest.filter((f) => f.kind === kind).map((f) => f.path);
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs the CLI over a folder `runs` times; returns the median wall time and its own stats. */
function scanFolder(dir) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, '.', '--format', 'json', '--output', '/dev/null', '--fail-on', 'none', '--quiet', '--stats'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const statsLine = r.stderr.trim().split('\n').pop() ?? '{}';
    let stats;
    try {
      stats = JSON.parse(statsLine);
    } catch {
      throw new Error(`bench: iac-scan failed in ${dir} (exit ${r.status}):\n${r.stderr.slice(0, 2000)}`);
    }
    samples.push({ seconds, stats });
  }
  const seconds = median(samples.map((s) => s.seconds));
  const { stats } = samples.find((s) => s.seconds === seconds);
  return { seconds, stats };
}

/** Error notices of one scan, by code: parse failures and files that could not be read. */
function errorCodes(dir) {
  const r = spawnSync(process.execPath, [cli, '.', '--format', 'json', '--fail-on', 'none', '--quiet'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const report = JSON.parse(r.stdout);
  const codes = {};
  for (const n of report.notices ?? []) if (n.level === 'error') codes[n.code] = (codes[n.code] ?? 0) + 1;
  return { count: Object.values(codes).reduce((a, b) => a + b, 0), codes };
}

const errorText = ({ count, codes }) => `${count} errors${count ? ` (${Object.entries(codes).map(([c, n]) => `${n} ${c}`).join(', ')})` : ''}`;

function row(label, files, bytes, seconds, rssMb, extra = '') {
  const mb = bytes / 1e6;
  console.log(
    `${label.padEnd(44)} ${String(files).padStart(6)} files ${mb.toFixed(2).padStart(7)} MB ${seconds.toFixed(2).padStart(7)} s ${(mb / seconds).toFixed(2).padStart(7)} MB/s ${rssMb === undefined ? '' : `${String(rssMb).padStart(5)} MB peak RSS`} ${extra}`,
  );
}

const real = path.join(corpus, 'real');
const cfnRepos = ['aws-cloudformation+aws-cloudformation-templates', 'aws-samples+serverless-patterns', 'aws-samples+ecs-refarch-cloudformation', 'aws-samples+aws-refarch-wordpress', 'widdix+aws-cf-templates', 'aws-cloudformation+cfn-lint'];

console.log(`iac-scan bench — node ${process.version}, ${runs} runs each (median), corpus ${corpus}\n`);
console.log('CloudFormation, whole scan (discover + parse + rules + report):');
const results = {};
for (const name of cfnRepos) {
  const dir = path.join(real, name);
  if (!existsSync(dir)) continue;
  const { seconds, stats } = scanFolder(dir);
  results[name] = { seconds, stats };
  row(name, stats.files, stats.bytes, seconds, stats.peakRssMb, errorText(errorCodes(dir)));
}
const whole = scanFolder(real);
row('all of real/ (CloudFormation and Terraform)', whole.stats.files, whole.stats.bytes, whole.seconds, whole.stats.peakRssMb);
if (existsSync(path.join(corpus, 'cfn_nag'))) {
  const nag = scanFolder(path.join(corpus, 'cfn_nag'));
  row('cfn_nag test templates', nag.stats.files, nag.stats.bytes, nag.seconds, nag.stats.peakRssMb, errorText(errorCodes(path.join(corpus, 'cfn_nag'))));
}

const peerRepo = 'aws-cloudformation+aws-cloudformation-templates';
const peerDir = path.join(real, peerRepo);
if (!flag('--no-peer') && existsSync(peerDir) && results[peerRepo]) {
  const files = manifestFiles(peerDir, 'cloudformation');
  const bytes = files.reduce((n, f) => n + statSync(path.join(peerDir, f)).size, 0);
  const which = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
  if (which.status !== 0) {
    console.log('\ncfn-lint is not installed; skipping the comparison.');
  } else {
    console.log(`\nPeer, same run: ${which.stdout.trim()} on the ${files.length} templates of ${peerRepo}`);
    const t0 = process.hrtime.bigint();
    spawnSync('cfn-lint', ['--', ...files], { cwd: peerDir, encoding: 'utf8', maxBuffer: 1 << 28 });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    row('cfn-lint', files.length, bytes, seconds);
    const ours = results[peerRepo].seconds;
    console.log(`\niac-scan is ${(seconds / ours).toFixed(1)}x faster than cfn-lint on these templates (target 25x, goal 100x).`);
  }
}

const tfRepos = ['vpc', 's3-bucket', 'eks', 'rds', 'security-group', 'iam'].map((m) => `terraform-aws-modules+terraform-aws-${m}`);
console.log('\nTerraform parser (src/parse/terraform/hcl), parse only, every .tf file under real/:');
const hcl = await measureHclParse(real);
row(`iac-scan HCL parser, ${hcl.failures} files failed to parse`, hcl.files, hcl.mb * 1e6, hcl.seconds);
console.log(`${(hcl.mbPerSecond / 4).toFixed(1)}x the reference parser's 4 MB/s (hashicorp/hcl, native Go, measured on this machine; target 3x).`);

console.log('\nTerraform, whole scan (discover + parse + evaluate + rules + report):');
for (const name of tfRepos) {
  const dir = path.join(real, name);
  if (!existsSync(dir)) continue;
  const { seconds, stats } = scanFolder(dir);
  row(name, stats.files, stats.bytes, seconds, stats.peakRssMb, `${stats.resources} resources, ${errorText(errorCodes(dir))}`);
}

const plans = path.join(corpus, 'tfplan');
if (existsSync(plans)) {
  console.log('\nTerraform plans (terraform show -json):');
  const { seconds, stats } = scanFolder(plans);
  row('tfplan/', stats.files, stats.bytes, seconds, stats.peakRssMb, `${stats.resources} resources, ${errorText(errorCodes(plans))}`);
}
