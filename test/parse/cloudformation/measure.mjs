#!/usr/bin/env node
// node test/parse/cloudformation/measure.mjs [corpus/real] [repo-filter]   (SHOW=<notice code> lists some)
//
// Parse+resolve throughput of the CloudFormation parser on the real corpus, YAML and JSON
// separately, and the files that fail with the reason. Run by hand; not a test. The parser is
// bundled with esbuild first, as the CLI is. The corpus defaults to ../shared/corpus/real.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = path.resolve(process.argv[2] ?? path.join(repo, '../shared/corpus/real'));
const only = process.argv[3];
if (!existsSync(corpus)) {
  console.log(`measure: no corpus at ${corpus}`);
  process.exit(0);
}

const out = path.join(mkdtempSync(path.join(tmpdir(), 'cfn-measure-')), 'parser.mjs');
await build({ entryPoints: [path.join(repo, 'src/parse/cloudformation/index.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning',
  // As the CLI build does: yaml's CommonJS build requires node built-ins.
  banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" } });
const { cloudformation } = await import(pathToFileURL(out).href);
const options = { root: corpus, parameters: new Map(), limits: { maxAliasCount: 1000, maxDepth: 200 } };

const files = [];
for (const name of readdirSync(corpus).filter((f) => f.endsWith('.manifest.json'))) {
  const dir = name.slice(0, -'.manifest.json'.length);
  if (only && !dir.includes(only)) continue;
  const manifest = JSON.parse(readFileSync(path.join(corpus, name), 'utf8'));
  for (const f of manifest.manifest.filter((m) => m.kind === 'cloudformation')) {
    const rel = `${dir}/${f.path}`;
    const text = readFileSync(path.join(corpus, rel), 'utf8');
    const syntax = cloudformation.claims(rel, text);
    files.push({ path: path.join(corpus, rel), rel, text, format: 'cloudformation', syntax: syntax ?? (text.trimStart().startsWith('{') ? 'json' : 'yaml'), claimed: syntax !== undefined });
  }
}

const unclaimed = files.filter((f) => !f.claimed);
console.log(`${files.length} CloudFormation files (manifest), ${unclaimed.length} not claimed by claims()`);
for (const f of unclaimed.slice(0, 20)) console.log(`  not claimed: ${f.rel}`);

for (const syntax of ['yaml', 'json']) {
  const group = files.filter((f) => f.syntax === syntax);
  const bytes = group.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const samples = [];
  let result;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    result = cloudformation.parse(group, options);
    samples.push(performance.now() - t0);
  }
  const first = samples[0];
  const best = Math.min(...samples);
  const mb = bytes / 1e6;
  console.log(`${syntax}: ${group.length} files, ${mb.toFixed(2)} MB, ${result.resources.length} resources; ` +
    `first run ${first.toFixed(0)} ms (${(mb / (first / 1000)).toFixed(2)} MB/s), best ${best.toFixed(0)} ms (${(mb / (best / 1000)).toFixed(2)} MB/s)`);
  const errors = result.notices.filter((n) => n.level === 'error');
  const byCode = new Map();
  for (const n of result.notices) byCode.set(`${n.level} ${n.code}`, (byCode.get(`${n.level} ${n.code}`) ?? 0) + 1);
  console.log(`  notices: ${[...byCode].map(([k, v]) => `${k}=${v}`).join(', ') || 'none'}`);
  for (const n of result.notices.filter((n) => process.env.SHOW && n.code === process.env.SHOW).slice(0, 8)) console.log(`  ${n.range?.file}:${n.range?.start.line}: ${n.message}`);
  for (const n of errors) console.log(`  ${n.range?.file}:${n.range?.start.line}: [${n.code}] ${n.message}`);
}
