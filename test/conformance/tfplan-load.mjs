#!/usr/bin/env node
// node test/conformance/tfplan-load.mjs [dir]
//
// Loads every .json file of a folder of real Terraform plans (default: ../shared/corpus/tfplan
// next to the repository) the way a scan does: decoded as discovery decodes, claimed by content,
// parsed, put in a resource graph. Prints per file: resources, unknowns, edges, notices. Not part
// of `npm test`: the corpus is not in the repository. The parser is bundled from the sources, so
// no build is needed.
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const dir = path.resolve(process.argv[2] ?? path.join(repo, '../shared/corpus/tfplan'));

const entry = `
export { terraformPlan } from './src/parse/tfplan';
export { Workspace } from './src/parse/workspace';
export { DEFAULT_LIMITS } from './src/parse/format';
export { decode } from './src/discover/decode';
export { ResourceGraph } from './src/graph/graph';
`;
const temp = mkdtempSync(path.join(os.tmpdir(), 'tfplan-load-'));
const bundle = path.join(temp, 'tfplan.mjs');
try {
  const out = await build({ stdin: { contents: entry, resolveDir: repo, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' });
  writeFileSync(bundle, out.outputFiles[0].contents);
  const lib = await import(pathToFileURL(bundle).href);
  report(lib);
} finally {
  rmSync(temp, { recursive: true, force: true });
}

function report({ terraformPlan, Workspace, DEFAULT_LIMITS, decode, ResourceGraph }) {
  const workspace = new Workspace(dir, 10 << 20);
  const totals = { files: 0, claimed: 0, resources: 0, unknowns: 0, secrets: 0, edges: 0, errors: 0 };
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    totals.files++;
    const decoded = decode(new Uint8Array(readFileSync(path.join(dir, name))));
    if (decoded.kind !== 'text') {
      console.log(`${name}\n  not text (${decoded.kind})`);
      continue;
    }
    if (!terraformPlan.claims(name, decoded.text)) {
      console.log(`${name}\n  not claimed (not Terraform JSON)`);
      continue;
    }
    totals.claimed++;
    const file = { path: path.join(dir, name), rel: name, text: decoded.text, format: 'terraform-plan', syntax: 'json' };
    const result = terraformPlan.parse([file], { root: dir, parameters: new Map(), limits: DEFAULT_LIMITS, workspace });
    const graph = new ResourceGraph(result.resources);
    const unknowns = { all: 0, secret: 0, withRefs: 0 };
    for (const r of result.resources) countUnknowns(r.attributes, unknowns);
    const edges = result.resources.reduce((n, r) => n + graph.references(r).length, 0);
    const bom = decoded.text !== readFileSync(path.join(dir, name), 'utf8') ? ' (decoded from a byte-order mark)' : '';
    console.log(`${name}${bom}`);
    console.log(`  resources ${result.resources.length}, unknowns ${unknowns.all} (secret ${unknowns.secret}, with references ${unknowns.withRefs}), edges ${edges}, notices ${result.notices.length}`);
    for (const n of result.notices) console.log(`  ${n.level} ${n.code} ${n.range ? `${n.range.start.line}:${n.range.start.column}` : '-'} ${n.message}`);
    totals.resources += result.resources.length;
    totals.unknowns += unknowns.all;
    totals.secrets += unknowns.secret;
    totals.edges += edges;
    totals.errors += result.notices.filter((n) => n.level === 'error').length;
  }
  console.log(`\n${totals.files} files, ${totals.claimed} claimed: ${totals.resources} resources, ${totals.unknowns} unknowns (${totals.secrets} secret), ${totals.edges} edges, ${totals.errors} errors`);
}

function countUnknowns(value, counts) {
  if (value.kind === 'unknown') {
    counts.all++;
    if (value.secret) counts.secret++;
    if (value.refs?.length) counts.withRefs++;
  } else if (value.kind === 'list') value.items.forEach((v) => countUnknowns(v, counts));
  else if (value.kind === 'map') value.entries.forEach((v) => countUnknowns(v, counts));
}
