// npm run rules:history: writes scripts-library/packs/history/rules-default.json, the content hash of every rule
// as each committed revision of rules-default.json shipped it, plus the working copy's (so the test that the
// history holds the current pack passes once this has run). Run it after changing rules-default.json, and commit
// both files together. Idempotent: the same history and working copy always give the same file.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const file = 'scripts-library/packs/rules-default.json';
const outfile = join(root, 'node_modules', '.cache', 'rule-upgrade.mjs');
await build({ entryPoints: [join(root, 'scripts-library', 'guard', 'rule-upgrade.ts')], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'error' });
const { ruleContentHash } = await import(outfile);
const git = (...args) => execFileSync('git', args, { cwd: root, maxBuffer: 1 << 27 }).toString();
const commits = git('log', '--reverse', '--format=%h', '--', file).trim().split('\n').filter(Boolean);
const versions = [...commits.map((c) => git('show', `${c}:${file}`)), readFileSync(join(root, file), 'utf8')];
const revisions = {};
const seen = new Set();
for (const text of versions) {
  const map = Object.fromEntries(JSON.parse(text).rules.map((r) => [r.id, ruleContentHash(r)]));
  const key = JSON.stringify(map);
  if (seen.has(key)) continue;
  seen.add(key);
  revisions[String(seen.size)] = map;
}
const about =
  'The content hash (scripts-library/guard/rule-upgrade.ts ruleContentHash) of every default rule as each revision of rules-default.json shipped it, from the repository history (npm run rules:history). A stored default rule with one of these hashes was never edited by the agent, so a new revision may rewrite or remove it.';
writeFileSync(join(root, 'scripts-library', 'packs', 'history', 'rules-default.json'), `${JSON.stringify({ format: 'kefu-rule-history', pack: 'rules-default', about, revisions })}\n`);
console.log(`${seen.size} revisions`);
