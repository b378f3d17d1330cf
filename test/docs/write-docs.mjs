#!/usr/bin/env node
// npm run docs: writes the generated documentation (test/docs/generate-docs.ts) into docs/, and
// removes the pages of rules that no longer exist. Run it after adding or changing a rule or
// the controls catalog; test/docs/docs.test.ts fails until the committed docs match.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importBundled } from '../parse/terraform/hcl/scripts.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { generateDocs, RULE_DOCS_DIR } = await importBundled(path.join(repo, 'test/docs/generate-docs.ts'));

const files = generateDocs(repo);
let changed = 0;
for (const [rel, text] of files) {
  const file = path.join(repo, rel);
  if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  changed++;
  console.log(`docs: wrote ${rel}`);
}
for (const name of readdirSync(path.join(repo, RULE_DOCS_DIR))) {
  const rel = `${RULE_DOCS_DIR}/${name}`;
  if (files.has(rel)) continue;
  rmSync(path.join(repo, rel));
  changed++;
  console.log(`docs: removed ${rel} (no such rule)`);
}
console.log(`docs: ${files.size} files, ${changed} changed`);
