import type * as A from './ast';
import { trimEndSpace, trimStartSpace } from './chars';

/*
 * Templates are scanned in two steps, as HCL does: first a flat list of pieces (literal text,
 * interpolations, directive markers), then the pieces are paired into the template tree. Strip
 * markers (`~`) and the indentation of `<<-` heredocs act on the pieces, so HCL's granularity
 * matters: heredoc and bare-template text is cut after every newline, and `${~` trims only the
 * piece right before it.
 */

export const enum PieceKind {
  Literal,
  Interpolation,
  If,
  Else,
  EndIf,
  For,
  EndFor,
}

export class Piece {
  /** Decoded literal text. */
  value = '';
  /** OR of the literal's char codes: below 0x300 the text is already in NFC. */
  bits = 0;
  stripLeft = false;
  stripRight = false;
  /** The interpolated expression, the `if` condition or the `for` collection. */
  expr: A.Expression | undefined = undefined;
  keyVar: string | undefined = undefined;
  valueVar = '';

  constructor(
    readonly kind: PieceKind,
    public start: number,
    public end: number,
  ) {}
}

/** `${~` trims the literal piece just before it, `~}` the one just after, as HCL does. */
export function applyStripMarkers(pieces: Piece[]): void {
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k];
    if (piece.stripLeft && k > 0 && pieces[k - 1].kind === PieceKind.Literal) {
      pieces[k - 1].value = trimEndSpace(pieces[k - 1].value);
    }
    if (piece.stripRight && k + 1 < pieces.length && pieces[k + 1].kind === PieceKind.Literal) {
      pieces[k + 1].value = trimStartSpace(pieces[k + 1].value);
    }
  }
}
