import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * fixtures/cdk-app/cdk.out is committed so that the CDK tests need no synthesis. This test
 * synthesizes the app again, into a temporary folder, and fails when the two differ: the app
 * (or aws-cdk-lib) changed and the committed assembly was not regenerated.
 *
 * The only difference allowed is where the repository is: stack traces hold absolute paths of the
 * machine that ran the synthesis, so the committed repository path is replaced by this one.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');
const APP = 'fixtures/cdk-app';
const COMMITTED = path.join(ROOT, APP, 'cdk.out');
const SCRIPT = path.join(ROOT, 'test/cdk/synth-fixture.mjs');
const REFRESH = `Run \`npm run synth:fixtures\` to regenerate ${APP}/cdk.out from ${APP}, then commit it.`;

/** Files under dir, as sorted forward-slash paths relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name), `${prefix}${entry.name}/`) : entry.isFile() ? [`${prefix}${entry.name}`] : []))
    .sort();
}

/** The repository path the committed stack traces were recorded under, as it is written in JSON. */
function recordedRoot(texts: string[]): string | undefined {
  const frame = /\(([^"()]*?)(?:\/|\\\\)fixtures(?:\/|\\\\)cdk-app(?:\/|\\\\)bin(?:\/|\\\\)app\.js:\d+:\d+\)/;
  for (const text of texts) {
    const match = frame.exec(text);
    if (match) return match[1];
  }
  return undefined;
}

/** Where two texts first differ (line and column), with a little of each side from there. */
function firstDifference(committed: string, fresh: string): string {
  let i = 0;
  while (i < committed.length && committed[i] === fresh[i]) i++;
  const before = committed.slice(0, i);
  const line = before.split('\n').length;
  const column = i - before.lastIndexOf('\n');
  const from = Math.max(0, i - 20);
  const excerpt = (text: string) => JSON.stringify(`${from > 0 ? '…' : ''}${text.slice(from, i + 60)}${text.length > i + 60 ? '…' : ''}`);
  return `${line}:${column}: committed ${excerpt(committed)}, synthesized ${excerpt(fresh)}`;
}

describe(`${APP}/cdk.out`, () => {
  it('is what the app synthesizes today', () => {
    expect(fs.existsSync(path.join(COMMITTED, 'manifest.json')), `${APP}/cdk.out/manifest.json is missing. ${REFRESH}`).toBe(true);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iac-scan-cdk-app-'));
    try {
      const fresh = path.join(tmp, 'cdk.out');
      execFileSync(process.execPath, [SCRIPT, fresh], { cwd: ROOT, stdio: 'pipe' });

      const committedFiles = filesUnder(COMMITTED);
      const freshFiles = filesUnder(fresh);
      const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');
      const committedTexts = new Map(committedFiles.map((rel) => [rel, read(COMMITTED, rel)]));
      // Paths as JSON writes them (backslashes doubled on Windows).
      const from = recordedRoot([...committedTexts.values()]);
      const to = JSON.stringify(ROOT).slice(1, -1);

      const problems = [
        ...freshFiles.filter((rel) => !committedTexts.has(rel)).map((rel) => `${rel}: synthesized but not committed`),
        ...committedFiles.filter((rel) => !freshFiles.includes(rel)).map((rel) => `${rel}: committed but no longer synthesized`),
      ];
      for (const rel of freshFiles) {
        const committed = committedTexts.get(rel);
        if (committed === undefined) continue;
        const normalized = from === undefined ? committed : committed.split(`${from}/`).join(`${to}/`).split(`${from}\\\\`).join(`${to}\\\\`);
        const synthesized = read(fresh, rel);
        if (normalized !== synthesized) problems.push(`${rel}: differs at ${firstDifference(normalized, synthesized)}`);
      }
      if (problems.length > 0) {
        expect.fail(`${APP}/cdk.out is out of date with ${APP} (or with the installed aws-cdk-lib):\n  ${problems.join('\n  ')}\n${REFRESH}`);
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});
