import path from 'node:path';
import { LineTable, type Position, type Range } from '../../model';
import type { ConfigFile } from './config-files';
import type { Attribute, Block, Body, Span } from './hcl/ast';
import type { NoticeSink } from './notices';

/**
 * Override files (`override.tf`, `*_override.tf` and their `.tf.json` forms), merged into a
 * module's other files as Terraform merges them, so that what is scanned is what Terraform would
 * deploy: an override that switches off encryption must be judged, not skipped. This is a file of
 * its own because the merge is a rewrite of the parsed files, done once before the module's
 * declarations are read (see `readModuleConfig`); nothing after it knows that overrides exist.
 *
 * Terraform skips override files while loading, then applies each in name order, and each of
 * its top-level blocks in file order, onto the block of the same type and labels in the normal
 * files (an override with no such block is an error: a warning here, and the block is skipped):
 *
 * - an argument replaces the argument of that name;
 * - a nested block type (a `dynamic "x"` block counts as type `x`) replaces every block of that
 *   type, static or dynamic; nested blocks are not merged into each other, except a resource's
 *   `lifecycle`, which is merged argument by argument;
 * - `locals` merge value by value, whichever `locals` block holds them;
 * - `depends_on` may not be overridden (resources, data sources, outputs): a warning, ignored.
 *
 * `variable` blocks merge like any block: the merged `type` and `default` are then read together,
 * so a default is converted to an overriding type. `provider`, `terraform` (required_providers,
 * backend, cloud) and other block types are not merged: the scanner does not evaluate them.
 *
 * A merged block mixes nodes of two or more files, whose offsets index different texts. The
 * override's nodes are copied with their offsets moved into a band of their own (one per override
 * file), and the merged file gets a line table that maps each band back to its file: a replaced
 * argument is placed in the override file, an untouched one where it was written.
 */

/** Whether Terraform treats the file as an override file. */
export function isOverrideFile(rel: string): boolean {
  const base = path.posix.basename(rel).replace(/\.json$/, '');
  return base === 'override.tf' || base.endsWith('_override.tf');
}

export interface MergedFiles {
  /** The normal files, in their order, each merged with the overrides of its blocks. */
  files: ConfigFile[];
  /** The override files (relative paths) that changed each merged top-level block. */
  overriddenBy: Map<Block, string[]>;
}

/** Top-level block types merged by type and labels. */
const MERGED = new Set(['resource', 'data', 'module', 'variable', 'output']);
/** Where `depends_on` in an override is an error. */
const NO_DEPENDS_ON = new Set(['resource', 'data', 'output']);

/**
 * Offsets of override file `i` (in merge order) start at `(i + 1) * BAND`; the normal file's own
 * are below `BAND`. No file the scanner reads comes near 2^32 characters.
 */
const BAND = 2 ** 32;

type Item = Attribute | Block;

/** Where a top-level block (or a `locals` block holding a value) sits in the normal files. */
interface Place {
  file: ConfigFile;
  index: number;
}

export function mergeOverrideFiles(files: ConfigFile[], notices: NoticeSink): MergedFiles {
  const normal = files.filter((file) => !isOverrideFile(file.rel));
  const overrides = files.filter((file) => isOverrideFile(file.rel)).sort((a, b) => compareNames(path.posix.basename(a.rel), path.posix.basename(b.rel)));
  const merge = new Merge(normal, overrides.map((file) => file.lines), notices);
  overrides.forEach((file, i) => merge.apply(file, i));
  return merge.result();
}

/** Terraform orders file names by their bytes, not by locale. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class Merge {
  /** Blocks by `type label...`, and local values by name: the first declaration, as `readModuleConfig` uses. */
  private readonly blocks = new Map<string, Place>();
  private readonly locals = new Map<string, Place>();
  /** The items of the normal files whose blocks were merged, copied on first change. */
  private readonly items = new Map<ConfigFile, Item[]>();
  private readonly overriddenBy = new Map<Block, string[]>();

  constructor(
    private readonly normal: ConfigFile[],
    private readonly overrideLines: LineTable[],
    private readonly notices: NoticeSink,
  ) {
    for (const file of normal) {
      file.body.items.forEach((item, index) => {
        if (item.type !== 'Block') return;
        if (item.blockType === 'locals') {
          for (const local of item.body.items) if (local.type === 'Attribute' && !this.locals.has(local.name)) this.locals.set(local.name, { file, index });
        } else if (MERGED.has(item.blockType)) {
          const key = headerKey(item);
          if (!this.blocks.has(key)) this.blocks.set(key, { file, index });
        }
      });
    }
  }

  /** Merges override file `order` (its place in name order). */
  apply(file: ConfigFile, order: number): void {
    const band = (order + 1) * BAND;
    const at = (span: Span): Range => file.lines.range(span.start - band, span.end - band);
    const body = shifted(file.body, band);
    for (const block of body.items) {
      if (block.type !== 'Block') continue;
      if (block.blockType === 'locals') {
        for (const local of block.body.items) if (local.type === 'Attribute') this.overrideLocal(local, file, at);
        continue;
      }
      if (!MERGED.has(block.blockType)) continue;
      const place = this.blocks.get(headerKey(block));
      const header = `${block.blockType}${block.labels.map((l) => ` "${l.value}"`).join('')}`;
      if (!place) {
        const last = block.labels[block.labels.length - 1] ?? block.typeSpan;
        this.missingBase(header, file, at({ start: block.start, end: last.end }));
        continue;
      }
      let overrideBody = block.body;
      if (NO_DEPENDS_ON.has(block.blockType)) {
        const dependsOn = overrideBody.items.find((item) => item.type === 'Attribute' && item.name === 'depends_on');
        if (dependsOn) {
          this.notices.warn('override-depends-on', `depends_on cannot be set in an override block (${header} in ${file.rel}); Terraform would stop here. It was ignored.`, at(dependsOn));
          overrideBody = { ...overrideBody, items: overrideBody.items.filter((item) => item !== dependsOn) };
        }
      }
      const base = this.current(place) as Block;
      const merged: Block = { ...base, body: mergeBody(base.body, overrideBody, base.blockType === 'resource' || base.blockType === 'data') };
      this.replace(place, merged);
      this.overriddenBy.set(merged, [...(this.overriddenBy.get(base) ?? []), file.rel]);
      this.overriddenBy.delete(base);
    }
  }

  result(): MergedFiles {
    const files = this.normal.map((file) => {
      const items = this.items.get(file);
      if (!items) return file;
      return { rel: file.rel, lines: new StitchedLines([file.lines, ...this.overrideLines]), body: { ...file.body, items } };
    });
    return { files, overriddenBy: this.overriddenBy };
  }

  private overrideLocal(local: Attribute, file: ConfigFile, at: (span: Span) => Range): void {
    const place = this.locals.get(local.name);
    if (!place) {
      this.missingBase(`local.${local.name}`, file, at(local.nameSpan));
      return;
    }
    const block = this.current(place) as Block;
    const items = block.body.items.map((item) => (item.type === 'Attribute' && item.name === local.name ? local : item));
    this.replace(place, { ...block, body: { ...block.body, items } });
  }

  /** Terraform refuses an override with nothing to override; the scan goes on without it. */
  private missingBase(what: string, file: ConfigFile, at: Range): void {
    this.notices.warn('override-without-base', `${what} in the override file ${file.rel} overrides nothing: no other file of this module declares it. Terraform would stop here; the override was skipped.`, at);
  }

  private current(place: Place): Item {
    return (this.items.get(place.file) ?? place.file.body.items)[place.index];
  }

  private replace(place: Place, block: Block): void {
    let items = this.items.get(place.file);
    if (!items) this.items.set(place.file, (items = [...place.file.body.items]));
    items[place.index] = block;
  }
}

function headerKey(block: Block): string {
  return [block.blockType, ...block.labels.map((l) => l.value)].join('\u0000');
}

/** The block type a nested block makes: `dynamic "x"` makes `x` blocks. */
function madeType(block: Block): string {
  return block.blockType === 'dynamic' && block.labels[0] ? block.labels[0].value : block.blockType;
}

/**
 * The base body with the override's arguments and nested block types in place of its own. A
 * name is replaced whichever form it takes on either side (JSON cannot always tell a map argument
 * from a block). `lifecycle` merges argument by argument where `mergeLifecycle` is set.
 */
function mergeBody(base: Body, override: Body, mergeLifecycle: boolean): Body {
  const attributes = new Map<string, Attribute>();
  const blockTypes = new Set<string>();
  for (const item of override.items) {
    if (item.type === 'Attribute') attributes.set(item.name, item);
    else blockTypes.add(madeType(item));
  }
  const items: Item[] = [];
  const placed = new Set<string>();
  for (const item of base.items) {
    const name = item.type === 'Attribute' ? item.name : madeType(item);
    const replacement = attributes.get(name);
    if (replacement) {
      // The override's argument takes the original's place; a duplicate original is dropped.
      if (!placed.has(name)) items.push(replacement);
      placed.add(name);
    } else if (!blockTypes.has(name)) items.push(item);
  }
  const baseLifecycle = mergeLifecycle ? base.items.find((item): item is Block => item.type === 'Block' && item.blockType === 'lifecycle') : undefined;
  for (const item of override.items) {
    if (item.type === 'Attribute') {
      if (!placed.has(item.name)) items.push(item);
    } else if (baseLifecycle && item.blockType === 'lifecycle') {
      items.push({ ...item, body: mergeBody(baseLifecycle.body, item.body, false) });
    } else items.push(item);
  }
  return { ...base, items };
}

/** A copy of a syntax tree with every offset moved by `by`. */
function shifted<T>(node: T, by: number): T {
  if (Array.isArray(node)) return node.map((item: unknown) => shifted(item, by)) as T;
  if (node === null || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'start' || key === 'end') && typeof value === 'number') copy[key] = value + by;
    else if (key === 'lineStarts' && Array.isArray(value)) copy[key] = value.map((offset: number) => offset + by);
    else copy[key] = shifted(value, by);
  }
  return copy as T;
}

/** The line table of a merged file: offsets in band `i` belong to `tables[i]` (0: the file itself). */
class StitchedLines extends LineTable {
  constructor(private readonly tables: LineTable[]) {
    super(tables[0].file, '');
  }

  override position(offset: number): Position {
    const band = Math.floor(offset / BAND);
    return this.tables[band].position(offset - band * BAND);
  }

  override range(start: number, end: number): Range {
    const band = Math.floor(start / BAND);
    // A span never crosses files; should one, it is cut to its start.
    const inBand = Math.floor(end / BAND) === band ? end : start;
    return this.tables[band].range(start - band * BAND, inBand - band * BAND);
  }
}
