/**
 * What the scripts that write default rule families (round8-rules.mjs … round12-rules.mjs) share:
 * the GB2312 level-1 characters by toneless sound (pinyin-pro), a rule with the pack's empty fields, and writing a
 * list of rules into scripts-library/packs/rules-default.json (idempotent: each rule replaced by id, a new one after
 * the last rule of its category). Run `node tests/tools/rule-history.mjs` after any of them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDecoder } from 'node:util';
import { pinyin } from 'pinyin-pro';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RULES_FILE = join(root, 'scripts-library', 'packs', 'rules-default.json');

/** The 3,755 GB2312 level-1 characters (the common ones), by their toneless pinyin. */
export function bySound() {
  const decoder = new TextDecoder('gb18030');
  const by = new Map();
  for (let a = 0xb0; a <= 0xd7; a++) {
    for (let b = 0xa1; b <= 0xfe; b++) {
      const ch = decoder.decode(Uint8Array.from([a, b]));
      if (!/^[\u4e00-\u9fff]$/.test(ch)) continue;
      const sound = pinyin(ch, { toneType: 'none' });
      by.set(sound, [...(by.get(sound) ?? []), ch]);
    }
  }
  return by;
}

/** A rule maker for one source: the pack's empty fields filled. */
export const ruleOf = (source) => (id, category, severity, suggestion, body) => ({ id, terms: [], category, severity, suggestion, allow: [], note: '', source, ...body });

/** A word of a near group may be 12 characters at most (schema): long lists go in as several rules. */
export const chunks = (list, size) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

/** Write the rules into the default pack (each replaced by id, a new one after the last rule of its category). */
/** Adds allowed contexts (everyday words holding a rule's term) to a rule of the pack, once each: `allowIn(pack)(id, words)`. */
export const allowIn = (pack) => (id, words) => {
  const r = pack.rules.find((x) => x.id === id);
  if (r) r.allow = [...new Set([...r.allow, ...words])];
};

export function writeRules(rules, { edit } = {}) {
  const pack = JSON.parse(readFileSync(RULES_FILE, 'utf8'));
  edit?.(pack);
  for (const r of rules) {
    for (const g of r.near ?? []) if (g.some((w) => w.length > 12) || g.length > 80) throw new Error(`${r.id}: a near group too big`);
    const at = pack.rules.findIndex((x) => x.id === r.id);
    if (at >= 0) {
      pack.rules[at] = r;
      continue;
    }
    let last = -1;
    pack.rules.forEach((x, i) => {
      if (x.category === r.category) last = i;
    });
    pack.rules.splice(last + 1, 0, r);
  }
  writeFileSync(RULES_FILE, `${JSON.stringify(pack, null, 2)}\n`);
  return pack;
}
