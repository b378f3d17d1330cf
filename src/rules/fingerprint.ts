import { createHash } from 'node:crypto';

/**
 * Fingerprints stay stable when lines move: they hash the rule, file, resource address and
 * property path, never a line number. Failures that share all four are told apart by their
 * order of evaluation (`|2`, `|3`...), which follows the order they are written in.
 */
export class Fingerprints {
  private readonly seen = new Map<string, number>();

  next(ruleId: string, file: string, address: string, path: string): string {
    const base = `${ruleId}|${file}|${address}|${path}`;
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return fingerprint(n === 1 ? base : `${base}|${n}`);
  }
}

function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
