#!/usr/bin/env node
// node test/conformance/hcl-oracle.mjs [dir]
//
// Parses every .tf file under a directory with our HCL parser and with HashiCorp's
// (@cdktf/hcl2json), converts ours to the oracle's JSON shape, and prints each file where the two
// disagree, then the totals. Not part of `npm test`; the directory defaults to
// ../shared/corpus/real, and nothing runs when it is absent.
import hcl2json from '@cdktf/hcl2json';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importBundled, tfFiles } from '../parse/terraform/hcl/scripts.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const root = path.resolve(process.argv[2] ?? path.join(repo, '../shared/corpus/real'));

if (!existsSync(root)) {
  console.log(`hcl-oracle: no directory at ${root}; pass one: node test/conformance/hcl-oracle.mjs /path/to/dir`);
  process.exit(0);
}

const { compareWithOracle } = await importBundled(path.join(repo, 'test/parse/terraform/hcl/oracle.ts'));

const totals = { match: 0, mismatch: 0, 'both-rejected': 0, 'only-oracle-rejected': 0, 'only-ours-rejected': 0 };
const files = tfFiles(root);
for (const file of files) {
  const { outcome, detail } = await compareWithOracle(hcl2json.parse, readFileSync(file, 'utf8'));
  totals[outcome]++;
  if (outcome !== 'match') console.log(`${outcome}  ${path.relative(root, file)}\n    ${detail}`);
}
console.log(`\nfiles ${files.length}: ${Object.entries(totals).map(([k, v]) => `${k} ${v}`).join(', ')}`);
// The oracle's Go runtime keeps the event loop alive.
process.exit(totals.match + totals['both-rejected'] === files.length ? 0 : 1);
