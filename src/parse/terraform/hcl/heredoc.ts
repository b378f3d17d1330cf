import { isSpace, leadingSpaces } from './chars';
import { type Piece, PieceKind } from './pieces';

/**
 * If the line starting at `i` closes a heredoc with `marker` (only spaces around the marker, then
 * a newline: HCL never closes a heredoc at the end of the file), returns the end of the closing
 * token: the line without its `\n` or `\r\n`. Otherwise -1.
 */
export function closingMarkerEnd(text: string, i: number, marker: string): number {
  while (i < text.length && text.charCodeAt(i) !== 10 && isSpace(text.charCodeAt(i))) i++;
  if (!text.startsWith(marker, i)) return -1;
  let end = i + marker.length;
  while (end < text.length && text.charCodeAt(end) !== 10 && isSpace(text.charCodeAt(end))) end++;
  if (text.charCodeAt(end) !== 10) return -1;
  return text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/**
 * The `<<-` rule, applied to pieces after strip markers as HCL does: find the fewest leading spaces
 * of any line-leading literal (a line starting with `${` or `%{` counts as none; a blank line does
 * not count) and remove that many from each of them. Blank lines keep their spaces.
 */
export function flushIndentation(pieces: Piece[]): void {
  let least = Infinity;
  let lineStart = true;
  const indented: Piece[] = [];
  for (const piece of pieces) {
    const literal = piece.kind === PieceKind.Literal;
    if (lineStart) {
      lineStart = false;
      if (!literal) {
        least = 0;
      } else {
        const spaces = leadingSpaces(piece.value);
        const blank = spaces === piece.value.length && piece.value.endsWith('\n');
        if (!blank) {
          indented.push(piece);
          if (spaces < least) least = spaces;
        }
      }
    }
    if (literal && piece.value.endsWith('\n')) lineStart = true;
  }
  if (least === 0 || least === Infinity) return;
  for (const piece of indented) {
    piece.value = piece.value.slice(least);
    piece.start += least;
  }
}
