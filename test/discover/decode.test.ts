import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/discover/decode';
import { firstInvalidUtf8 } from '../../src/discover/utf8';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('firstInvalidUtf8', () => {
  it('agrees with the platform decoder on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (b) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(b);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(b) === -1).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds no fault in any encoded string', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => firstInvalidUtf8(new TextEncoder().encode(s)) === -1));
  });

  it('points at the first byte of a bad sequence', () => {
    expect(firstInvalidUtf8(bytes(0x61, 0xc3, 0xa9, 0xff))).toBe(3); // a, é, then a byte never valid
    expect(firstInvalidUtf8(bytes(0x61, 0xe2, 0x82))).toBe(1); // truncated €
    expect(firstInvalidUtf8(bytes(0xc0, 0x80))).toBe(0); // overlong NUL
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0); // a UTF-16 surrogate
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // past U+10FFFF
  });
});

describe('decode', () => {
  it('drops a UTF-8 byte-order mark', () => {
    expect(decode(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ kind: 'text', text: 'a' });
  });

  it('decodes UTF-16 little- and big-endian files by their byte-order mark', () => {
    expect(decode(bytes(0xff, 0xfe, 0x61, 0x00, 0xac, 0x20))).toEqual({ kind: 'text', text: 'a€' });
    expect(decode(bytes(0xfe, 0xff, 0x00, 0x61, 0x20, 0xac))).toEqual({ kind: 'text', text: 'a€' });
  });

  it('calls a NUL byte without a byte-order mark binary', () => {
    expect(decode(bytes(0x61, 0x00, 0x62))).toEqual({ kind: 'binary' });
  });

  it('gives line and column of the first bad UTF-8 byte, counting from after the mark', () => {
    const text = new TextEncoder().encode('a: 1\nbé: ');
    const d = decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...text, 0xff]));
    expect(d).toEqual({ kind: 'invalid', encoding: 'UTF-8', at: { offset: 3 + text.length, line: 2, column: 5 } });
  });

  it('reports a bad first byte at line 1, column 1', () => {
    expect(decode(bytes(0xff, 0x0a, 0x61))).toEqual({ kind: 'invalid', encoding: 'UTF-8', at: { offset: 0, line: 1, column: 1 } });
  });

  it('refuses UTF-16 with a lone surrogate', () => {
    expect(decode(bytes(0xff, 0xfe, 0x00, 0xd8))).toEqual({ kind: 'invalid', encoding: 'UTF-16LE' });
  });
});
