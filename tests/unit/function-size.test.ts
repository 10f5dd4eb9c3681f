/**
 * A meta-test over the whole source: no function over 80 lines in components/, entrypoints/, scripts-library/ or
 * storage/, with no escape (#34: a `// long:` reason used to excuse one). Long functions were where the side panel,
 * the chat script and the search and guard cores became hard to read and change.
 */
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '../..');
const MAX_LINES = 80;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Functions longer than MAX_LINES, as `file:line name (n lines)`. */
function longFunctions(path: string, text = readFileSync(path, 'utf8')): string[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
      const end = file.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      const name = (node as ts.FunctionDeclaration).name?.getText(file) ?? '(anonymous)';
      if (lines > MAX_LINES) found.push(`${relative(root, path)}:${start + 1} ${name} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('function size', () => {
  it(`no function in components/, entrypoints/, scripts-library/ or storage/ is over ${MAX_LINES} lines`, () => {
    const files = ['components', 'entrypoints', 'scripts-library', 'storage'].flatMap((d) => sources(join(root, d)));
    expect(files.length).toBeGreaterThan(150);
    const long = files.flatMap((f) => longFunctions(f));
    expect(long).toEqual([]);
  });

  it('finds a long function or arrow, a reason above it or not', () => {
    const body = Array.from({ length: MAX_LINES }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const path = join(root, 'components/example.tsx');
    expect(longFunctions(path, `export function big() {\n${body}\n}\n`)).toEqual(['components/example.tsx:1 big (82 lines)']);
    expect(longFunctions(path, `export const View = () => {\n${body}\n};\n`)).toHaveLength(1);
    expect(longFunctions(path, `// long: one table of cases, read top to bottom\nexport function big() {\n${body}\n}\n`)).toEqual(['components/example.tsx:2 big (82 lines)']);
    expect(longFunctions(path, `export function small() {\n  return 1;\n}\n`)).toEqual([]);
  });
});
