import type { Position, Range } from './source';

/**
 * Turns string offsets into 1-based line/column positions. The line starts are found once per
 * file; each lookup is a binary search, so positions cost nothing until a value needs one.
 */
export class LineTable {
  private readonly starts: number[] = [0];

  constructor(
    readonly file: string,
    text: string,
  ) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1 };
  }

  range(start: number, end: number): Range {
    return { file: this.file, start: this.position(start), end: this.position(end) };
  }
}
