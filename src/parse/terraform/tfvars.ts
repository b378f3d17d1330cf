import { LineTable, type Value } from '../../model';
import { readJson } from '../document/read-json';
import type { ParseLimits } from '../format';
import type { Workspace } from '../workspace';
import type { Evaluator } from './evaluator';
import { parseHcl } from './hcl';
import type { Expression } from './hcl/ast';
import { literalExpression } from './json-syntax';
import type { NoticeSink } from './notices';
import type { Scope } from './scope';

/** A variable definitions file: `name = value` lines (`.tfvars`) or a JSON object (`.tfvars.json`). */
export interface VarsFile {
  rel: string;
  /** Each assignment's value, evaluated where it is written (no names are in scope: tfvars hold values only). */
  values: Map<string, (ev: Evaluator) => Value>;
}

/** Every variable definitions file of a scan, each parsed once: a root's tfvars, `--var-file`s shared by all roots. */
export class VarsFiles {
  private readonly parsed = new Map<string, VarsFile>();

  constructor(
    private readonly workspace: Workspace,
    private readonly notices: NoticeSink,
    private readonly limits: ParseLimits,
  ) {}

  /** A file inside the scan root; undefined, with a warning, when it cannot be read. */
  read(abs: string): VarsFile | undefined {
    const rel = this.workspace.rel(abs);
    const known = this.parsed.get(rel);
    if (known) return known;
    const read = this.workspace.readText(abs);
    if ('error' in read) {
      this.notices.warn('unreadable-tfvars', `${rel} was not read (${read.error}); its variable values are not used.`);
      return undefined;
    }
    return this.parse(rel, read.text);
  }

  /** A file read before the scan (`--var-file`), by the path users gave. */
  parse(rel: string, text: string): VarsFile {
    const known = this.parsed.get(rel);
    if (known) return known;
    const lines = new LineTable(rel, text);
    const expressions = rel.endsWith('.json') ? this.json(text, lines) : this.hcl(text, lines);
    const scope: Scope = { names: new Map(), rangeOf: (span) => lines.range(span.start, span.end) };
    const values = new Map<string, (ev: Evaluator) => Value>();
    for (const [name, expr] of expressions) values.set(name, (ev) => ev.evaluate(expr, scope));
    const file = { rel, values };
    this.parsed.set(rel, file);
    return file;
  }

  private hcl(text: string, lines: LineTable): Map<string, Expression> {
    const parsed = parseHcl(text);
    for (const error of parsed.errors) {
      this.notices.add('error', 'parse-error', `Invalid HCL: ${error.message}. Fix the variable definitions at this place; the rest of the file was used as far as it could be read.`, lines.range(error.start, error.end));
    }
    const out = new Map<string, Expression>();
    for (const item of parsed.body.items) {
      if (item.type === 'Attribute') out.set(item.name, item.value);
      else this.notices.warn('invalid-tfvars', `a variable definitions file holds only name = value lines; the ${item.blockType} block was skipped.`, lines.range(item.start, item.typeSpan.end));
    }
    return out;
  }

  private json(text: string, lines: LineTable): Map<string, Expression> {
    const read = readJson(text, lines, this.limits);
    for (const notice of read.notices) this.notices.add(notice.level, notice.code, notice.message, notice.range);
    const out = new Map<string, Expression>();
    if (read.root?.kind !== 'map') return out;
    for (const entry of read.root.entries.values()) out.set(entry.key, literalExpression(entry.value));
    return out;
  }
}
