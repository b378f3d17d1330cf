import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Notice } from '../model';

export type ReadOutcome = { bytes: Uint8Array } | { notice: Notice };

/**
 * Reads one file, never more than `maxBytes`. The file is opened without blocking and judged by
 * the descriptor's own stat, so a FIFO named `x.yaml` cannot hang the scan and a file swapped
 * between the walk and the read cannot slip past the size limit.
 */
export function readBounded(file: string, rel: string, maxBytes: number): ReadOutcome {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { notice: unreadable(rel, stat.isDirectory() ? 'it is a folder' : 'it is not a regular file') };
    if (stat.size > maxBytes) return { notice: tooLarge(rel, stat.size, maxBytes) };
    // Read what stat announced and no more: a file that grows meanwhile is cut, not followed.
    const bytes = new Uint8Array(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const got = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (got === 0) break;
      filled += got;
    }
    return { bytes: bytes.subarray(0, filled) };
  } catch (err) {
    return { notice: unreadable(rel, osReason(err)) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `ENOENT: no such file or directory`, without the path Node appends (the notice names the file). */
export function osReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const message = e.message ?? String(err);
  const cut = e.syscall ? message.indexOf(`, ${e.syscall}`) : -1;
  return cut === -1 ? message : message.slice(0, cut);
}

export function unreadable(rel: string, reason: string): Notice {
  return {
    level: 'warning',
    code: 'unreadable',
    file: rel,
    message: `this file could not be read (${reason}); it was not scanned. Check that it exists and is a readable file, or exclude it in .iac-scan.yml.`,
  };
}

function tooLarge(rel: string, size: number, limit: number): Notice {
  return {
    level: 'warning',
    code: 'file-too-large',
    file: rel,
    message: `this file is ${mebibytes(size)} (${size} bytes), over the ${mebibytes(limit)} limit for one file; it was not read. Exclude it in .iac-scan.yml, or split it.`,
  };
}

function mebibytes(n: number): string {
  return `${(n / 1048576).toFixed(1)} MiB`;
}
