#!/usr/bin/env node
// Part of `npm run build`: writes dist/rules-snapshot.json, the shipped rules parsed and
// validated (see src/rules/load/snapshot.ts). A rule with errors stops the build with them.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importBundled } from '../parse/terraform/hcl/scripts.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { parseRuleText } = await importBundled(path.join(repo, 'src/rules/load/rule-file.ts'));
const { listRuleFiles } = await importBundled(path.join(repo, 'src/rules/load/files.ts'));
const { textHash, SNAPSHOT_FILE } = await importBundled(path.join(repo, 'src/rules/load/snapshot.ts'));
const { loadControlCatalog } = await importBundled(path.join(repo, 'src/controls/load.ts'));

const { catalog, errors: catalogErrors } = loadControlCatalog(path.join(repo, 'controls'));
if (!catalog) throw new Error(`rule snapshot: the controls catalog has errors:\n${JSON.stringify(catalogErrors, null, 2)}`);

const rulesDir = path.join(repo, 'rules');
const snapshot = {};
for (const source of listRuleFiles(rulesDir)) {
  const packPath = path.relative(rulesDir, source).split(path.sep).join('/');
  const text = readFileSync(source, 'utf8');
  const parsed = parseRuleText(text, source, `rules/${packPath}`, 'builtin', catalog);
  if (!parsed.rule) throw new Error(`rule snapshot: rules/${packPath} has errors:\n${JSON.stringify(parsed.errors, null, 2)}`);
  snapshot[packPath] = { sha1: textHash(text), raw: parsed.raw, id: { start: parsed.idRange.start, end: parsed.idRange.end } };
}
writeFileSync(path.join(repo, 'dist', SNAPSHOT_FILE), `${JSON.stringify(snapshot)}\n`);
