/**
 * What a shipped model was trained from: the training examples and the source of the trainer (its module and every
 * file it imports, JSON included), hashed together. A model test compares the fingerprint of what it would train
 * on now with the one recorded when the shipped weights were written (`npm run train:*`), and the weights file with
 * the hash recorded beside it: equal means the shipped weights are what training on these inputs with this code
 * gave, without training again on every test run (the guard model alone took 1–4 minutes of CI on 2 cores). Any
 * change to the examples or to a line of the trainer's code fails the test until the model is retrained.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..');
/** One line per model: `model name → { inputs, weights }` (sha-256, hex). */
export const FINGERPRINTS = join(root, 'tests', 'fixtures', 'model-fingerprints.json');

export interface Fingerprint {
  inputs: string;
  weights: string;
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile());
}

/** The trainer's module and every project file it reaches through relative imports, sorted (repository paths). */
export function sourceClosure(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const stack = entries.map((e) => join(root, e));
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    for (const i of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      const dep = resolveImport(file, i.fileName);
      if (dep) stack.push(dep);
    }
  }
  return [...seen].map((f) => relative(root, f)).sort();
}

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The fingerprint of training `examples` with the code reachable from `trainer` (repository paths). */
export function inputsFingerprint(trainer: readonly string[], examples: unknown): string {
  const h = createHash('sha256');
  for (const file of sourceClosure(trainer)) h.update(`${file}\n`).update(readFileSync(join(root, file))).update('\n');
  return h.update(JSON.stringify(examples)).digest('hex');
}

export const weightsFingerprint = (shipped: string) => sha(readFileSync(shipped));

export function recorded(name: string): Fingerprint | undefined {
  if (!existsSync(FINGERPRINTS)) return undefined;
  return (JSON.parse(readFileSync(FINGERPRINTS, 'utf8')) as Record<string, Fingerprint>)[name];
}

/** After `npm run train:*` wrote the weights: record what they were trained from. */
export function record(name: string, fingerprint: Fingerprint): void {
  const all = existsSync(FINGERPRINTS) ? (JSON.parse(readFileSync(FINGERPRINTS, 'utf8')) as Record<string, Fingerprint>) : {};
  all[name] = fingerprint;
  const sorted = Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(FINGERPRINTS, `${JSON.stringify(sorted, null, 2)}\n`);
}

/**
 * A model test's check: with `write` (an `npm run train:*` run) the weights are written and their fingerprint
 * recorded first; then what is recorded and what it should be now, for the test to compare.
 */
export function fingerprintCheck(name: string, trainer: string, examples: unknown, shipped: string, write?: () => void): { recorded: Fingerprint | undefined; expected: Fingerprint } {
  const inputs = inputsFingerprint([trainer], examples);
  if (write) {
    write();
    record(name, { inputs, weights: weightsFingerprint(shipped) });
  }
  return { recorded: recorded(name), expected: { inputs, weights: weightsFingerprint(shipped) } };
}
