import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FormatParser } from '../../src/parse/format';

/** Makes a real folder with the given files (text or bytes) and returns its real path. */
export function makeTree(files: Record<string, string | Uint8Array>): string {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'iac-scan-discover-')));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return root;
}

/** Stand-ins for real parsers: they claim by a marker in the text, as real ones claim by content. */
export function fakeParser(id: FormatParser['id'], extensions: string[], marker: string, syntax: 'yaml' | 'json' | 'hcl' = 'yaml'): FormatParser {
  return {
    id,
    extensions,
    claims: (_rel, text) => (text.includes(marker) ? syntax : undefined),
    parse: () => ({ resources: [], notices: [], comments: [] }),
  };
}

export const CFN = fakeParser('cloudformation', ['.yaml', '.yml', '.json', '.template'], 'Resources');
