/** Percentile of a sample (nearest rank). */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/**
 * Time `fn` on every input, `rounds` times after three warm-up rounds (steady state, as in a panel that is in
 * use; the first-ever query is dominated by JIT compilation); returns every sample in ms.
 */
export function timeEach<T>(inputs: readonly T[], rounds: number, fn: (x: T) => unknown): number[] {
  for (let w = 0; w < 3; w++) for (const x of inputs) fn(x);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const x of inputs) {
      const t = performance.now();
      fn(x);
      samples.push(performance.now() - t);
    }
  }
  return samples;
}
