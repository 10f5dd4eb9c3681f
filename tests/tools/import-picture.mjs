#!/usr/bin/env node
/**
 * scripts-library/'s import picture: its rooms (feature folders) and arrows (folder → folder, every import between
 * two folders counted once, type-only and dynamic imports included), with how many file imports each arrow stands
 * for. `node tests/tools/import-picture.mjs [folder]` (default scripts-library); `--dot` prints Graphviz instead.
 * The rules it shows are held by tests/unit/import-graph.test.ts (no loop, shared/ imports only shared/).
 */
import ts from 'typescript';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '../..');
const args = process.argv.slice(2);
const dot = args.includes('--dot');
const top = args.find((a) => !a.startsWith('--')) ?? 'scripts-library';
const base = join(root, top);

const sources = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
const resolveImport = (from, spec) => {
  if (!spec.startsWith('.')) return undefined;
  const p = resolve(dirname(from), spec);
  return [p, `${p}.ts`, `${p}.tsx`, join(p, 'index.ts'), join(p, 'index.tsx')].find((f) => existsSync(f) && statSync(f).isFile());
};
/** The room of a file: its first folder under `top` (a file directly under it is a room of its own). */
const roomOf = (file) => relative(base, file).split(sep)[0].replace(/\.tsx?$/, '');

const files = sources(base);
const rooms = new Map(); // room → files
const arrows = new Map(); // "a → b" → imports
const data = new Set(); // rooms of data files only (packs/*.json)
for (const file of files) {
  const room = roomOf(file);
  rooms.set(room, (rooms.get(room) ?? 0) + 1);
  for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
    const target = resolveImport(file, fileName);
    if (!target || !target.startsWith(base + sep)) continue;
    const to = roomOf(target);
    if (!rooms.has(to) && !/\.tsx?$/.test(target)) data.add(to);
    if (to !== room) arrows.set(`${room} → ${to}`, (arrows.get(`${room} → ${to}`) ?? 0) + 1);
  }
}

for (const room of data) if (!rooms.has(room)) rooms.set(room, 'data');

if (dot) {
  console.log(`digraph "${top}" {\n  rankdir=LR;`);
  for (const [room, n] of rooms) console.log(`  "${room}" [label="${room} (${n})"];`);
  for (const [arrow, n] of arrows) {
    const [a, b] = arrow.split(' → ');
    console.log(`  "${a}" -> "${b}" [label="${n}"];`);
  }
  console.log('}');
} else {
  console.log(`${top}: ${rooms.size} rooms, ${arrows.size} arrows (${files.length} files)`);
  console.log('\nrooms (files):');
  for (const [room, n] of [...rooms].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`  ${room.padEnd(12)} ${n}`);
  console.log('\narrows (file imports):');
  for (const [arrow, n] of [...arrows].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`  ${arrow.padEnd(24)} ${n}`);
}
