// The main thread's wish to write the ledger, and the sync worker's hold of it, shared through a SharedArrayBuffer.
// SQLite's busy handler makes a blocked writer sleep in growing steps (1, 2, 5, 10, 15 … 100 ms), so on its own:
//   - a worker that takes the write lock again as soon as it has committed a pull chunk can starve a waiting
//     sale for a second or more: so a sale announces itself (enter) before BEGIN IMMEDIATE and leaves after
//     COMMIT, and between two chunks the worker waits while a sale is announced;
//   - a sale that arrives during a 15 ms chunk sleeps 1 + 2 + 5 + 10 = 18 ms, then 15 more if it just missed
//     the end: so the worker marks the chunk it is writing (hold … release), and an announced sale waits for
//     exactly that release (Atomics.wait) instead of the busy handler's steps. A sale waits at most the rest
//     of one chunk;
//   - a sale is several calls (start, add items, tender, complete), each a transaction, often back to back: so
//     the worker also waits until no write has ended for GRACE_MS, and a burst of calls goes through whole.
const ANNOUNCED = 0;
const HELD = 1;
/** Float64 slot (byte offset 8): when the last announced write ended (ms since the epoch, sub-ms precision). */
const LAST_LEAVE = 1;
const GRACE_MS = 1;
const now = () => performance.timeOrigin + performance.now();

export class WriteIntent {
  readonly #slots: Int32Array;
  readonly #times: Float64Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(16)) {
    this.#slots = new Int32Array(buffer, 0, 2);
    this.#times = new Float64Array(buffer, 8, 1);
  }

  /** Main thread, before BEGIN IMMEDIATE: announces the write, then waits out a chunk the worker is writing. */
  enter(maxWaitMs = 1000): void {
    Atomics.add(this.#slots, ANNOUNCED, 1);
    const deadline = performance.now() + maxWaitMs;
    while (Atomics.load(this.#slots, HELD) === 1) {
      const left = deadline - performance.now();
      if (left <= 0) return; // SQLite's busy handler takes over
      Atomics.wait(this.#slots, HELD, 1, left);
    }
  }

  leave(): void {
    this.#times[LAST_LEAVE - 1] = now();
    if (Atomics.sub(this.#slots, ANNOUNCED, 1) === 1) Atomics.notify(this.#slots, ANNOUNCED);
  }

  /**
   * Worker threads only (it blocks): waits while a write is announced or one ended less than GRACE_MS ago, at
   * most `maxMs`.
   */
  waitUntilIdle(maxMs: number): void {
    const deadline = now() + maxMs;
    for (;;) {
      const announced = Atomics.load(this.#slots, ANNOUNCED);
      const left = deadline - now();
      if (left <= 0) return;
      if (announced !== 0) {
        Atomics.wait(this.#slots, ANNOUNCED, announced, left);
        continue;
      }
      const quietFor = now() - (this.#times[LAST_LEAVE - 1] ?? 0);
      if (quietFor >= GRACE_MS) return;
      Atomics.wait(this.#slots, ANNOUNCED, 0, Math.min(left, GRACE_MS - quietFor));
    }
  }

  /** Worker: runs `write` (one transaction of its own) marked as held, so announced sales wake at its end. */
  hold<T>(write: () => T): T {
    Atomics.store(this.#slots, HELD, 1);
    try {
      return write();
    } finally {
      this.release();
    }
  }

  /** Clears the worker's mark (also called by the host when a worker dies holding it). */
  release(): void {
    Atomics.store(this.#slots, HELD, 0);
    Atomics.notify(this.#slots, HELD);
  }
}
