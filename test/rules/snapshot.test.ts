import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRuleFiles } from '../../src/rules/load/files';
import { parseRuleText } from '../../src/rules/load/rule-file';
import { SNAPSHOT_FILE, textHash, type RuleSnapshot } from '../../src/rules/load/snapshot';
import { REPO } from '../e2e/run-cli';

/** The bundle reads the shipped rules from dist/rules-snapshot.json; it must say what the YAML says. */
describe('the rule snapshot the build writes beside the bundle', () => {
  const snapshot = JSON.parse(readFileSync(path.join(REPO, 'dist', SNAPSHOT_FILE), 'utf8')) as RuleSnapshot;
  const rulesDir = path.join(REPO, 'rules');
  const files = listRuleFiles(rulesDir).map((source) => ({ source, packPath: path.relative(rulesDir, source).split(path.sep).join('/') }));

  it('has exactly the shipped rule files (run npm run build after adding or removing one)', () => {
    expect(Object.keys(snapshot).sort()).toEqual(files.map((f) => f.packPath).sort());
  });

  it.each(files.map((f) => [f.packPath, f.source]))('%s: same text, same validated rule (run npm run build after editing it)', (packPath, source) => {
    const text = readFileSync(source, 'utf8');
    const entry = snapshot[packPath];
    expect(entry.sha1).toBe(textHash(text));
    const parsed = parseRuleText(text, source, `rules/${packPath}`, 'builtin');
    expect(parsed.errors).toEqual([]);
    expect(entry.raw).toEqual(JSON.parse(JSON.stringify(parsed.raw)));
    expect(entry.id).toEqual({ start: parsed.idRange?.start, end: parsed.idRange?.end });
  });
});
