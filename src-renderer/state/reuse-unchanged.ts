// Structural sharing for the SaleView the ledger returns: every sale.* command answers the whole sale, so a
// scan on a 100-line cart brings 100 freshly parsed line objects of which one changed. Keeping the previous
// object for every line whose data is the same lets memoised rows (CartTable) skip all but the changed one.
// Pure: plain JSON data in, the same data out (never mutated), only object identities differ.
import type { SaleLineView, SaleView } from '../../src-shared/contract/sale.js';

/** Deep equality of JSON data (what a till answer is made of: objects, arrays, strings, numbers, null). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameJson(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && sameJson(left[key], right[key]));
}

/**
 * `next.lines` with each line that equals the previous view's line of the same id replaced by that previous
 * object; the previous array itself when nothing changed. Returns `next` (with those lines) as a new view.
 */
export function reuseUnchangedLines(previous: SaleView | null, next: SaleView): SaleView {
  if (!previous || previous.id !== next.id) return next;
  const before = new Map(previous.lines.map((line) => [line.id, line]));
  let changed = next.lines.length !== previous.lines.length;
  const lines = next.lines.map((line, i): SaleLineView => {
    const old = before.get(line.id);
    const kept = old !== undefined && sameJson(old, line) ? old : line;
    if (kept !== previous.lines[i]) changed = true;
    return kept;
  });
  return { ...next, lines: changed ? lines : previous.lines };
}
