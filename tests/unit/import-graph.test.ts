/**
 * The import picture, walked from the import statements themselves (type-only and dynamic imports count: a loop
 * of types is still two files that cannot be read apart): no loop anywhere in the source, none between the
 * feature folders of scripts-library/, and no file directly under scripts-library/ but an index, so its
 * folders show the features as components/ does.
 */
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(__dirname, '../..');
const SOURCE_DIRS = ['scripts-library', 'storage', 'components', 'entrypoints'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((p) => existsSync(p) && statSync(p).isFile());
}

/** File → the source files it imports (relative paths from the repository root). */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const deps = importedFiles.map((i) => resolveImport(file, i.fileName)).filter((p): p is string => !!p && /\.tsx?$/.test(p));
    graph.set(relative(root, file), [...new Set(deps.map((d) => relative(root, d)))]);
  }
  return graph;
}

/** Every loop of the graph, one per strongly connected component (Tarjan), members sorted. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const members: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      members.push(w);
    } while (w !== v);
    if (members.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(members.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

/** The folder graph of scripts-library/: feature → the features it imports from. */
function featureGraph(graph: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const feature = (path: string) => /^scripts-library\/([^/]+)\//.exec(path)?.[1];
  const rooms = new Map<string, Set<string>>();
  for (const [file, deps] of graph) {
    const from = feature(file);
    if (!from) continue;
    const to = rooms.get(from) ?? new Set<string>();
    for (const d of deps) if (feature(d) && feature(d) !== from) to.add(feature(d)!);
    rooms.set(from, to);
  }
  return new Map([...rooms].map(([k, v]) => [k, [...v]]));
}

const graph = importGraph(SOURCE_DIRS.flatMap((d) => sources(join(root, d))));

describe('import graph', () => {
  it('has no loop anywhere in the source', () => {
    expect(graph.size).toBeGreaterThan(150);
    expect(findCycles(graph)).toEqual([]);
  });

  it('has no loop between the feature folders of scripts-library/', () => {
    expect(findCycles(featureGraph(graph))).toEqual([]);
  });

  it('keeps the shared kernel free of features: scripts-library/shared/ imports only shared/', () => {
    const out = [...graph].filter(([f]) => f.startsWith('scripts-library/shared/')).flatMap(([f, deps]) => deps.filter((d) => !d.startsWith('scripts-library/shared/')).map((d) => `${f} → ${d}`));
    expect(out).toEqual([]);
  });

  it('finds a loop, a loop through types, and none in a tree', () => {
    expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
    expect(findCycles(new Map([['kpi', ['tally']], ['tally', ['kpi']]]))).toEqual([['kpi', 'tally']]);
    expect(findCycles(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toEqual([]);
    const typeOnly = importGraph([join(root, 'scripts-library/tally/tally.ts')]);
    expect(typeOnly.get('scripts-library/tally/tally.ts')).toContain('scripts-library/tally/kpi.ts');
  });

  it('puts no file directly under scripts-library/ but an index', () => {
    const loose = readdirSync(join(root, 'scripts-library')).filter((n) => statSync(join(root, 'scripts-library', n)).isFile() && !/^index\.tsx?$/.test(n));
    expect(loose).toEqual([]);
  });
});
