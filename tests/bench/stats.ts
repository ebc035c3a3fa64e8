// Percentiles and a timing loop for the benchmarks (never used by tests).
export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const rank = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[rank] ?? Number.NaN;
}

export interface Timing {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(samplesMs: number[]): Timing {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Times `fn` once per item (after `warmup` untimed calls) with the high-resolution clock. */
export function timeEach<T>(items: readonly T[], fn: (item: T) => unknown, warmup = 50): number[] {
  for (let i = 0; i < Math.min(warmup, items.length); i++) fn(items[i] as T);
  const samples: number[] = [];
  for (const item of items) {
    const start = process.hrtime.bigint();
    fn(item);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

export const round3 = (ms: number): number => Math.round(ms * 1000) / 1000;
