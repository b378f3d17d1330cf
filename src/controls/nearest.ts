import { editDistance } from '../config/closest';

/** How many suggestions a message offers at most. */
const MAX_SUGGESTIONS = 3;

/**
 * The known ids closest to an unknown one: fewest single-character edits, and among those the
 * longest common start (a sibling: `12.4.2` → 12.4.1, 12.4.3, 12.4.4 before 12.1.2), then
 * catalog order. Always some when any are known, so a message can name where to look.
 */
export function nearestIds(id: string, known: Iterable<string>): string[] {
  const scored = [...known].map((candidate, order) => ({ candidate, order, distance: editDistance(id, candidate), shared: commonStart(id, candidate) }));
  const best = Math.min(...scored.map((s) => s.distance));
  return scored
    .filter((s) => s.distance === best)
    .sort((a, b) => b.shared - a.shared || a.order - b.order)
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => s.candidate);
}

function commonStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
