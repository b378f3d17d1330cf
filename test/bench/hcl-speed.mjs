// Speed of the HCL parser (src/parse/terraform/hcl) over every .tf file of a corpus, as bundled
// for production by esbuild: the median of three passes after a warm-up pass. Shared by
// bench.mjs and hcl-parse.mjs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importBundled, tfFiles } from '../parse/terraform/hcl/scripts.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Files, megabytes (10^6 bytes of UTF-8), median seconds, MB/s and files with syntax errors. */
export async function measureHclParse(corpus) {
  const { parseHcl } = await importBundled(path.join(repo, 'src/parse/terraform/hcl/index.ts'));
  const texts = tfFiles(corpus).map((file) => readFileSync(file, 'utf8'));
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const pass = () => {
    let failures = 0;
    const t0 = process.hrtime.bigint();
    for (const text of texts) if (parseHcl(text).errors.length > 0) failures++;
    return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, failures };
  };
  pass(); // warm-up: let the JIT see the code
  const median = [pass(), pass(), pass()].sort((a, b) => a.seconds - b.seconds)[1];
  const mb = bytes / 1e6;
  return { files: texts.length, mb, seconds: median.seconds, mbPerSecond: mb / median.seconds, failures: median.failures };
}
