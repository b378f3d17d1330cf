import path from 'node:path';
import { type Comment, LineTable, type SourceFile } from '../../model';
import type { ParseLimits } from '../format';
import type { Workspace } from '../workspace';
import { parseHcl } from './hcl';
import type { Body } from './hcl/ast';
import { readTerraformJson } from './json-syntax';
import type { NoticeSink } from './notices';

/** One configuration file, parsed: `.tf` (native syntax) or `.tf.json`, both as the same tree. */
export interface ConfigFile {
  /** Relative to the scan root. */
  rel: string;
  lines: LineTable;
  body: Body;
}

function isConfigFileName(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.tf.json');
}

/**
 * Every configuration file of a scan, each read and parsed once however many root modules use
 * it: the files discovery found, and the folders of the modules they call (read through the
 * workspace, so never outside the scan root). Their comments and syntax errors are collected once.
 */
export class ConfigFiles {
  readonly comments: Comment[] = [];
  private readonly parsed = new Map<string, ConfigFile>();
  private readonly discovered: Map<string, SourceFile>;

  constructor(
    private readonly workspace: Workspace,
    private readonly notices: NoticeSink,
    private readonly limits: ParseLimits,
    discovered: SourceFile[],
  ) {
    this.discovered = new Map(discovered.map((f) => [f.rel, f]));
  }

  /** A file discovery handed over. */
  source(file: SourceFile): ConfigFile {
    return this.parse(file.rel, file.text);
  }

  /** The configuration files of a module folder, in name order; undefined when the folder cannot be listed. */
  folder(dir: string): ConfigFile[] | undefined {
    const names = this.workspace.list(dir);
    if (!names) return undefined;
    const files: ConfigFile[] = [];
    for (const name of names.filter(isConfigFileName)) {
      const abs = path.join(dir, name);
      const rel = this.workspace.rel(abs);
      const known = this.parsed.get(rel) ?? this.discovered.get(rel);
      if (known) {
        files.push('body' in known ? known : this.source(known));
        continue;
      }
      const read = this.workspace.readText(abs);
      if ('error' in read) this.notices.warn('unreadable-module-file', `${rel} was not read (${read.error}); the module is scanned without it.`);
      else files.push(this.parse(read.rel, read.text));
    }
    return files;
  }

  private parse(rel: string, text: string): ConfigFile {
    const cached = this.parsed.get(rel);
    if (cached) return cached;
    const lines = new LineTable(rel, text);
    const file: ConfigFile = { rel, lines, body: rel.endsWith('.json') ? this.json(text, lines) : this.hcl(text, lines) };
    this.parsed.set(rel, file);
    return file;
  }

  private hcl(text: string, lines: LineTable): Body {
    const parsed = parseHcl(text);
    for (const error of parsed.errors) {
      this.notices.add(
        'error',
        'parse-error',
        `Invalid HCL: ${error.message}. Fix the HCL at this place; the rest of the file was scanned as far as it could be read.`,
        lines.range(error.start, error.end),
      );
    }
    for (const c of parsed.comments) this.comments.push({ range: lines.range(c.start, c.end), text: c.text, ownLine: c.ownLine });
    return parsed.body;
  }

  private json(text: string, lines: LineTable): Body {
    const read = readTerraformJson(text, lines, this.limits);
    for (const notice of read.notices) this.notices.add(notice.level, notice.code, notice.message, notice.range);
    return read.body;
  }
}
