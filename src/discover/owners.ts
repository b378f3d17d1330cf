import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../model';
import type { FormatParser } from '../parse/format';
import { relativePath } from '../config/paths';
import { isOutside, type Candidate } from './walk';

/**
 * The folders that one file makes a single input (`FormatParser.folderOwner`: a cloud assembly's
 * `manifest.json` owns `cdk.out/`). A candidate below such a folder is replaced by the outermost
 * owner above it, so a template under `cdk.out/` is read as part of its assembly and never as a
 * loose template, and naming only that template (pre-commit passes the changed files) still
 * scans the assembly it belongs to. Only folders inside the scan root are looked at, and an owner
 * file that leads outside the root is not one.
 */
export class FolderOwners {
  private readonly owners: readonly FormatParser[];
  /** The outermost owner at or above each folder asked about; null for none. */
  private readonly outermost = new Map<string, SourceFile | null>();
  private readonly realRoot?: string;

  constructor(
    private readonly root: string,
    parsers: readonly FormatParser[],
    /** Reads and claims a file as discovery does; undefined when it is not claimed. */
    private readonly load: (candidate: Candidate) => SourceFile | undefined,
  ) {
    this.owners = parsers.filter((p) => p.folderOwner);
    try {
      this.realRoot = realpathSync(root);
    } catch {
      // A root that does not exist holds no owners.
    }
  }

  ownerOf(candidate: Candidate): SourceFile | undefined {
    if (!this.owners.length) return undefined;
    const fromRoot = path.relative(this.root, path.dirname(candidate.path));
    if (isOutside(fromRoot)) return undefined;
    // From the root down, so the outermost owner wins and each folder is probed once per scan.
    const folders = [this.root];
    if (fromRoot) for (const part of fromRoot.split(path.sep)) folders.push(path.join(folders[folders.length - 1], part));
    let owner: SourceFile | null = null;
    for (const folder of folders) {
      let known = this.outermost.get(folder);
      if (known === undefined) {
        known = owner ?? this.ownerIn(folder) ?? null;
        this.outermost.set(folder, known);
      }
      owner = known;
    }
    return owner ?? undefined;
  }

  private ownerIn(dir: string): SourceFile | undefined {
    for (const parser of this.owners) {
      const abs = path.join(dir, parser.folderOwner!);
      const real = this.realFileInRoot(abs);
      if (real === undefined) continue;
      const file = this.load({ path: abs, rel: relativePath(this.root, abs), real, parsers: [parser], byExtension: true });
      if (file) return file;
    }
    return undefined;
  }

  private realFileInRoot(abs: string): string | undefined {
    if (this.realRoot === undefined) return undefined;
    try {
      if (!statSync(abs).isFile()) return undefined;
      const real = realpathSync(abs);
      return isOutside(path.relative(this.realRoot, real)) ? undefined : real;
    } catch {
      return undefined;
    }
  }
}
