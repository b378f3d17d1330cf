#!/usr/bin/env node
// node test/bench/hcl-parse.mjs [corpus-dir]
//
// The HCL parser alone (see hcl-speed.mjs). Not a test: the corpus defaults to
// ../shared/corpus/real, and nothing runs when it is absent. `npm run bench` prints the same figure.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureHclParse } from './hcl-speed.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(process.argv[2] ?? path.join(repo, '../shared/corpus/real'));

if (!existsSync(corpus)) {
  console.log(`hcl-parse: no corpus at ${corpus}; pass its path: node test/bench/hcl-parse.mjs /path/to/corpus`);
  process.exit(0);
}

const m = await measureHclParse(corpus);
console.log(`files     ${m.files}`);
console.log(`MB        ${m.mb.toFixed(2)}`);
console.log(`seconds   ${m.seconds.toFixed(3)} (median of 3)`);
console.log(`MB/s      ${m.mbPerSecond.toFixed(1)}`);
console.log(`failures  ${m.failures}`);
