#!/usr/bin/env node
// node test/bench/hcl-parse.mjs [corpus-dir]
//
// Speed of the HCL parser (src/parse/terraform/hcl) over every .tf file of a corpus, as bundled
// for production by esbuild. Prints the files, megabytes (10^6 bytes of UTF-8), the median seconds
// of three passes after a warm-up pass, MB/s, and how many files had syntax errors.
// Not a test: the corpus defaults to ../shared/corpus/real, and nothing runs when it is absent.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importBundled, tfFiles } from '../parse/terraform/hcl/scripts.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const corpus = path.resolve(process.argv[2] ?? path.join(repo, '../shared/corpus/real'));

if (!existsSync(corpus)) {
  console.log(`hcl-parse: no corpus at ${corpus}; pass its path: node test/bench/hcl-parse.mjs /path/to/corpus`);
  process.exit(0);
}

const { parseHcl } = await importBundled(path.join(repo, 'src/parse/terraform/hcl/index.ts'));
const texts = tfFiles(corpus).map((file) => readFileSync(file, 'utf8'));
const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);

function pass() {
  let failures = 0;
  const t0 = process.hrtime.bigint();
  for (const text of texts) if (parseHcl(text).errors.length > 0) failures++;
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, failures };
}

pass(); // warm-up: let the JIT see the code
const runs = [pass(), pass(), pass()].sort((a, b) => a.seconds - b.seconds);
const median = runs[1];
const mb = bytes / 1e6;
console.log(`files     ${texts.length}`);
console.log(`MB        ${mb.toFixed(2)}`);
console.log(`seconds   ${median.seconds.toFixed(3)} (median of 3)`);
console.log(`MB/s      ${(mb / median.seconds).toFixed(1)}`);
console.log(`failures  ${median.failures}`);
