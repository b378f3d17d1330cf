import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Range } from '../../model';
import { toRule } from './convert';
import type { ParsedRule } from './rule-file';
import type { RawRule } from './semantic';

/**
 * The shipped rules, parsed and validated when the bundle was built, beside it in `dist/`.
 * Parsing 60-odd YAML files and compiling the rule schema costs a few hundred milliseconds on
 * every run, which a pre-commit hook pays on every commit; the snapshot costs one JSON read.
 * Each entry is keyed by the hash of the file's text, so an edited rule file is parsed afresh.
 */
export const SNAPSHOT_FILE = 'rules-snapshot.json';

export interface SnapshotEntry {
  sha1: string;
  raw: RawRule;
  id: Pick<Range, 'start' | 'end'>;
}

/** Entries by the rule file's path inside the shipped pack (`aws/s3/aws-s3-versioning.yaml`). */
export type RuleSnapshot = Record<string, SnapshotEntry>;

export function textHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

let shipped: RuleSnapshot | null | undefined;

/** None when running from the sources (tests), or when the file is missing or unreadable. */
function shippedSnapshot(): RuleSnapshot | undefined {
  if (shipped === undefined) {
    try {
      shipped = JSON.parse(fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), SNAPSHOT_FILE), 'utf8')) as RuleSnapshot;
    } catch {
      shipped = null;
    }
  }
  return shipped ?? undefined;
}

/** The shipped rule file as the build parsed it, when its text is unchanged since. */
export function fromSnapshot(packPath: string, text: string, source: string, file: string): ParsedRule | undefined {
  const entry = shippedSnapshot()?.[packPath];
  if (!entry || entry.sha1 !== textHash(text)) return undefined;
  return { rule: toRule(entry.raw, source, 'builtin'), idRange: { file, ...entry.id }, errors: [] };
}
