// The main thread's wish to write the ledger, shared with the sync worker through a SharedArrayBuffer.
// SQLite's busy handler makes a blocked writer sleep in growing steps (1, 2, 5 … 100 ms): a worker that takes
// the write lock again as soon as it has committed a pull chunk can starve a waiting sale for a second or
// more. So a sale announces itself (enter) before BEGIN IMMEDIATE and leaves after COMMIT; between two chunks
// the worker waits while a sale is announced, and a sale waits at most one chunk.
export class WriteIntent {
  readonly #count: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.#count = new Int32Array(buffer);
  }

  enter(): void {
    Atomics.add(this.#count, 0, 1);
  }

  leave(): void {
    if (Atomics.sub(this.#count, 0, 1) === 1) Atomics.notify(this.#count, 0);
  }

  /** Worker threads only (it blocks): waits while a write is announced, at most `maxMs`. */
  waitUntilIdle(maxMs: number): void {
    const deadline = performance.now() + maxMs;
    for (;;) {
      const announced = Atomics.load(this.#count, 0);
      if (announced === 0) return;
      const left = deadline - performance.now();
      if (left <= 0) return;
      Atomics.wait(this.#count, 0, announced, left);
    }
  }
}
