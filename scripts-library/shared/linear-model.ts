/**
 * A multinomial logistic regression over sparse string features, trained by plain gradient descent (full batch,
 * a fixed number of epochs, no randomness: the same examples always give the same weights). The stage model
 * (buyer messages) and the guard's intent model (agent drafts) are both this, each with its own features.
 */

export interface LinearWeights {
  labels: string[];
  bias: number[];
  /** Feature → weight per label (two decimals). */
  weights: Record<string, number[]>;
}

export interface TrainingDoc {
  label: string;
  /** Its features (presence: each once). */
  fs: readonly string[];
}

export interface TrainOptions {
  epochs?: number;
  rate?: number;
  l2?: number;
}

export function trainLinear(docs: readonly TrainingDoc[], { epochs = 400, rate = 2, l2 = 0.0005 }: TrainOptions = {}): LinearWeights {
  const labels = [...new Set(docs.map((d) => d.label))].sort();
  const K = labels.length;
  const index = new Map(labels.map((l, i) => [l, i]));
  const rows = docs.map((d) => ({ y: index.get(d.label)!, fs: d.fs }));
  const weights = new Map<string, Float64Array>();
  for (const d of rows) for (const f of d.fs) if (!weights.has(f)) weights.set(f, new Float64Array(K));
  const bias = new Float64Array(K);
  const n = rows.length;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gradW = new Map<string, Float64Array>();
    const gradB = new Float64Array(K);
    for (const d of rows) {
      const z = Array.from(bias);
      for (const f of d.fs) {
        const w = weights.get(f)!;
        for (let k = 0; k < K; k++) z[k]! += w[k]!;
      }
      const max = Math.max(...z);
      const e = z.map((v) => Math.exp(v - max));
      const sum = e.reduce((a, b) => a + b, 0);
      for (let k = 0; k < K; k++) {
        const g = e[k]! / sum - (k === d.y ? 1 : 0);
        gradB[k]! += g;
        for (const f of d.fs) {
          let gw = gradW.get(f);
          if (!gw) gradW.set(f, (gw = new Float64Array(K)));
          gw[k]! += g;
        }
      }
    }
    for (let k = 0; k < K; k++) bias[k]! -= (rate * gradB[k]!) / n;
    for (const [f, w] of weights) {
      const g = gradW.get(f);
      for (let k = 0; k < K; k++) w[k]! -= rate * ((g ? g[k]! : 0) / n + l2 * w[k]!);
    }
  }
  // Two decimals, and features whose every weight rounds to nothing left out: a fifth of the size, same answers.
  const round = (v: number) => Math.round(v * 100) / 100 || 0;
  const out: Record<string, number[]> = {};
  for (const f of [...weights.keys()].sort()) {
    const w = Array.from(weights.get(f)!, round);
    if (w.some((v) => Math.abs(v) >= 0.03)) out[f] = w;
  }
  return { labels, bias: Array.from(bias, round), weights: out };
}

/**
 * The posterior of every label for these features (softmax), and how many of them the model knows (none known:
 * the model has nothing to go on).
 */
export function posterior(model: LinearWeights, fs: readonly string[]): { p: number[]; known: number } {
  const z = [...model.bias];
  let known = 0;
  for (const f of fs) {
    const w = model.weights[f];
    if (!w) continue;
    known++;
    for (let k = 0; k < z.length; k++) z[k]! += w[k]!;
  }
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return { p: e.map((v) => v / sum), known };
}

/**
 * The same regression as `trainLinear` (full batch, fixed epochs, no randomness), with features numbered and the
 * weights in one typed array: the intent model's 55 labels over ≈ 1,700 messages would take minutes in Maps.
 * The gradient is summed in the same order, so it learns what `trainLinear` learns.
 */
export function trainLinearIndexed(docs: readonly TrainingDoc[], { epochs = 400, rate = 2, l2 = 0.0005 }: TrainOptions = {}, keep = 0.03): LinearWeights {
  const labels = [...new Set(docs.map((d) => d.label))].sort();
  const K = labels.length;
  const index = new Map(labels.map((l, i) => [l, i]));
  const names: string[] = [];
  const ids = new Map<string, number>();
  const rows = docs.map((d) => ({
    y: index.get(d.label)!,
    fs: Int32Array.from(d.fs, (f) => {
      let i = ids.get(f);
      if (i === undefined) ids.set(f, (i = names.push(f) - 1));
      return i;
    }),
  }));
  const F = names.length;
  const w = new Float64Array(F * K);
  const grad = new Float64Array(F * K);
  const bias = new Float64Array(K);
  const gradB = new Float64Array(K);
  const z = new Float64Array(K);
  const n = rows.length;
  for (let epoch = 0; epoch < epochs; epoch++) {
    grad.fill(0);
    gradB.fill(0);
    for (const d of rows) {
      z.set(bias);
      for (const f of d.fs) for (let k = 0; k < K; k++) z[k]! += w[f * K + k]!;
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, z[k]!);
      let sum = 0;
      for (let k = 0; k < K; k++) sum += z[k] = Math.exp(z[k]! - max);
      for (let k = 0; k < K; k++) {
        const g = z[k]! / sum - (k === d.y ? 1 : 0);
        gradB[k]! += g;
        for (const f of d.fs) grad[f * K + k]! += g;
      }
    }
    for (let k = 0; k < K; k++) bias[k]! -= (rate * gradB[k]!) / n;
    for (let i = 0; i < F * K; i++) w[i]! -= rate * (grad[i]! / n + l2 * w[i]!);
  }
  const round = (v: number) => Math.round(v * 100) / 100 || 0;
  const out: Record<string, number[]> = {};
  const order = names.map((_, i) => i).sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
  for (const f of order) {
    const row = Array.from(w.subarray(f * K, f * K + K), round);
    if (row.some((v) => Math.abs(v) >= keep)) out[names[f]!] = row;
  }
  return { labels, bias: Array.from(bias, round), weights: out };
}
