// Shared by test/bench/hcl-parse.mjs and test/conformance/hcl-oracle.mjs: finding .tf files and
// loading TypeScript modules of this repository, bundled the way production code is.
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Every `.tf` file under `dir`, recursively. */
export function tfFiles(dir, into = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) tfFiles(full, into);
    else if (entry.isFile() && entry.name.endsWith('.tf')) into.push(full);
  }
  return into;
}

/** Bundles a TypeScript entry point with esbuild into a temporary file and imports it. */
export async function importBundled(entry) {
  const out = mkdtempSync(path.join(tmpdir(), 'hcl-script-'));
  const bundle = path.join(out, 'bundle.mjs');
  try {
    // The banner is the production build's: CommonJS dependencies (yaml) call require, which ESM lacks.
    const banner = { js: "import { createRequire as __iacScanCreateRequire } from 'node:module'; const require = __iacScanCreateRequire(import.meta.url);" };
    await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile: bundle, logLevel: 'warning', banner });
    return await import(pathToFileURL(bundle).href);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
