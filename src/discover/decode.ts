import { firstInvalidUtf8 } from './utf8';

/** How far binary detection looks, as git does. */
const BINARY_PROBE_BYTES = 8192;
const NEWLINE = 0x0a;

export type Decoded =
  | { kind: 'text'; text: string }
  | { kind: 'binary' }
  /** Where the first bad byte is: known for UTF-8 only. */
  | { kind: 'invalid'; encoding: string; at?: BadByte };

export interface BadByte {
  /** From the start of the file, byte-order mark included. */
  offset: number;
  /** 1-based, as editors show them. */
  line: number;
  column: number;
}

/**
 * File bytes to text. A byte-order mark decides the encoding (UTF-8, UTF-16 LE/BE: Windows tools
 * write Terraform plans as UTF-16) and is dropped; without one the file must be UTF-8, and a NUL
 * byte near the start marks it binary.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16('utf-16be', bytes.subarray(2));
  if (bytes.subarray(0, BINARY_PROBE_BYTES).indexOf(0) !== -1) return { kind: 'binary' };
  return utf8(bytes, 0);
}

function utf8(bytes: Uint8Array, skipped: number): Decoded {
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    // A negative fromIndex would count from the end, hence the guard.
    const lineStart = offset > 0 ? bytes.lastIndexOf(NEWLINE, offset - 1) + 1 : 0;
    let line = 1;
    for (let i = bytes.indexOf(NEWLINE); i !== -1 && i < offset; i = bytes.indexOf(NEWLINE, i + 1)) line++;
    // The bytes before `offset` are valid, so their UTF-16 length is the editor's column.
    const column = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
    return { kind: 'invalid', encoding: 'UTF-8', at: { offset: offset + skipped, line, column } };
  }
}

function utf16(label: 'utf-16le' | 'utf-16be', bytes: Uint8Array): Decoded {
  try {
    return { kind: 'text', text: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { kind: 'invalid', encoding: label.toUpperCase() };
  }
}
