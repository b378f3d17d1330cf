import type { Comment } from '../model';
import type { ActiveSuppression } from './written';

/**
 * Finds the inline directives that speak for a line: those in comments at the end of the line,
 * and those in the block of own-line comments directly above it (no blank or code line between).
 */
export class CommentIndex {
  /** Own-line comments by the line they end on. */
  private readonly ownLineByEnd = new Map<string, Comment>();
  /** Comments after code, by their line. */
  private readonly trailingByLine = new Map<string, Comment[]>();

  constructor(
    comments: readonly Comment[],
    private readonly directives: ReadonlyMap<Comment, ActiveSuppression>,
  ) {
    for (const c of comments) {
      if (c.ownLine) this.ownLineByEnd.set(key(c.range.file, c.range.end.line), c);
      else {
        const k = key(c.range.file, c.range.start.line);
        const list = this.trailingByLine.get(k);
        if (list) list.push(c);
        else this.trailingByLine.set(k, [c]);
      }
    }
  }

  at(file: string, line: number): ActiveSuppression[] {
    const found: ActiveSuppression[] = [];
    const take = (c: Comment) => {
      const d = this.directives.get(c);
      if (d) found.push(d);
    };
    this.trailingByLine.get(key(file, line))?.forEach(take);
    // Each step moves above the comment just taken, so the walk ends within the comment count.
    for (let c = this.ownLineByEnd.get(key(file, line - 1)); c; c = this.ownLineByEnd.get(key(file, c.range.start.line - 1))) take(c);
    return found;
  }
}

function key(file: string, line: number): string {
  return `${line}:${file}`;
}
