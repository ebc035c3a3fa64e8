// Keyboard-wedge scanners type the barcode as keystrokes followed by Enter. What tells a scan from a person
// is timing (measured in Chromium: a scanner burst arrives at ~11–14 ms per key, a person types at ~120 ms):
// an entry is a scan when it has at least `minLength` characters and EVERY gap — key to key, and the last
// key to Enter — is at most `maxGapMs`. A person typing the same digits is a search, not a scan.
// Pure: the scan field records (key, timeStamp) pairs and asks at Enter.

export interface WedgeOptions {
  /** The longest pause between two keys of one scan (default 50 ms: well above a scanner, far below a person). */
  maxGapMs: number;
  /** Fewer characters are never a scan (default 4: the shortest codes are EAN-8 and short SKUs). */
  minLength: number;
}

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = { maxGapMs: 50, minLength: 4 };

export interface Keystroke {
  /** The character typed (a one-character KeyboardEvent.key). */
  key: string;
  /** KeyboardEvent.timeStamp (ms). */
  at: number;
}

export type EntryKind = 'scan' | 'typed';

/** Classifies what was entered before Enter, from its keystrokes and the Enter's time. */
export function classifyEntry(
  keystrokes: readonly Keystroke[],
  enterAt: number,
  options: WedgeOptions = DEFAULT_WEDGE_OPTIONS,
): EntryKind {
  if (keystrokes.length < options.minLength) return 'typed';
  let previous = keystrokes[0]?.at ?? enterAt;
  for (const stroke of keystrokes.slice(1)) {
    if (stroke.at - previous > options.maxGapMs || stroke.at < previous) return 'typed';
    previous = stroke.at;
  }
  return enterAt - previous <= options.maxGapMs && enterAt >= previous ? 'scan' : 'typed';
}

/**
 * Tracks the keystrokes of the current entry of one input field. `key` records a printable key; `reset`
 * starts over (the field was cleared or edited other than by typing at its end); `enter` classifies.
 */
export class WedgeTracker {
  #strokes: Keystroke[] = [];
  readonly #options: WedgeOptions;

  constructor(options: WedgeOptions = DEFAULT_WEDGE_OPTIONS) {
    this.#options = options;
  }

  key(key: string, at: number): void {
    if (key.length !== 1) return;
    this.#strokes.push({ key, at });
  }

  reset(): void {
    this.#strokes = [];
  }

  /** The text the keystrokes spell (what a scan typed). */
  text(): string {
    return this.#strokes.map((s) => s.key).join('');
  }

  enter(at: number): EntryKind {
    const kind = classifyEntry(this.#strokes, at, this.#options);
    this.reset();
    return kind;
  }
}
