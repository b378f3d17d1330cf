import path from 'node:path';
import { LineTable, type Range } from '../../model';
import type { Block, Body, ParsedHcl } from '../terraform/hcl/ast';
import type { Workspace } from '../workspace';
import type { BlockPlace, BodyPlace, ConfigPlaces } from './places';

/** What one module folder's `.tf` files define, by name. */
interface Folder {
  resources: Map<string, BlockPlace>;
  calls: Map<string, Range>;
}

/**
 * `ConfigPlaces` read from `.tf` files with the HCL parser. Every read goes through the
 * workspace, so a module source pointing outside the scan root is never opened. Each folder is
 * read once. Problems in `.tf` files are not reported here: the Terraform parser reports them
 * when it scans those files; a block it cannot find leaves the resource at its plan position.
 */
export class HclPlaces implements ConfigPlaces {
  private readonly folders = new Map<string, Folder>();

  constructor(
    private readonly workspace: Workspace,
    private readonly parse: (text: string) => ParsedHcl,
    /** Deepest nesting of blocks followed, as for every other input. */
    private readonly maxDepth: number,
  ) {}

  resource(dir: string, type: string, name: string): BlockPlace | undefined {
    return this.folder(dir).resources.get(`${type}.${name}`);
  }

  moduleCall(dir: string, name: string): Range | undefined {
    return this.folder(dir).calls.get(name);
  }

  private folder(dir: string): Folder {
    let folder = this.folders.get(dir);
    if (!folder) {
      folder = { resources: new Map(), calls: new Map() };
      for (const name of this.workspace.list(dir) ?? []) if (name.endsWith('.tf')) this.readFile(path.join(dir, name), folder);
      this.folders.set(dir, folder);
    }
    return folder;
  }

  private readFile(file: string, into: Folder): void {
    const read = this.workspace.readText(file);
    if ('error' in read) return;
    let parsed: ParsedHcl;
    try {
      parsed = this.parse(read.text);
    } catch {
      return;
    }
    const lines = new LineTable(read.rel, read.text);
    for (const item of parsed.body.items) {
      if (item.type !== 'Block') continue;
      const labels = item.labels.map((l) => l.value);
      // Terraform rejects a second block of one name, so the first is the one to point at.
      if (item.blockType === 'resource' && labels.length === 2 && !into.resources.has(`${labels[0]}.${labels[1]}`)) {
        into.resources.set(`${labels[0]}.${labels[1]}`, this.block(item, lines, 0));
      } else if (item.blockType === 'module' && labels.length === 1 && !into.calls.has(labels[0])) {
        into.calls.set(labels[0], header(item, lines));
      }
    }
  }

  private block(block: Block, lines: LineTable, depth: number): BlockPlace {
    return { header: header(block, lines), body: this.body(block.body, lines, depth + 1) };
  }

  private body(body: Body, lines: LineTable, depth: number): BodyPlace {
    const place: BodyPlace = { attributes: new Map(), blocks: new Map(), dynamic: new Map() };
    if (depth > this.maxDepth) return place;
    for (const item of body.items) {
      if (item.type === 'Attribute') {
        place.attributes.set(item.name, { name: lines.range(item.nameSpan.start, item.nameSpan.end), value: lines.range(item.value.start, item.value.end) });
      } else if (item.blockType === 'dynamic' && item.labels.length === 1) {
        place.dynamic.set(item.labels[0].value, header(item, lines));
      } else {
        const list = place.blocks.get(item.blockType);
        const nested = this.block(item, lines, depth);
        if (list) list.push(nested);
        else place.blocks.set(item.blockType, [nested]);
      }
    }
    return place;
  }
}

/** `resource "aws_s3_bucket" "b"`: from the block type to the end of its last label. */
function header(block: Block, lines: LineTable): Range {
  const end = block.labels.length ? block.labels[block.labels.length - 1].end : block.typeSpan.end;
  return lines.range(block.start, end);
}
