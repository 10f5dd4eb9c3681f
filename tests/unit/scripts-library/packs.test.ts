import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PhrasePackSchema, RulePackSchema } from '../../../scripts-library/shared/schema';
import { phrasePinyin } from '../../../scripts-library/shared/pinyin';

// Walks scripts-library/packs: every phrase pack must pass its schema, its id must equal its file name, and
// phrase ids are unique across packs (two packs must never overwrite each other's phrases).
const dir = join(__dirname, '../../../scripts-library/packs');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const packs = files.map((f) => ({ file: f, json: JSON.parse(readFileSync(join(dir, f), 'utf8')) as { format?: string } }));
const phrasePacks = packs.filter((p) => p.json.format === 'kefu-phrase-pack');

describe('bundled packs', () => {
  it('exist', () => expect(phrasePacks.length).toBeGreaterThan(0));

  it.each(phrasePacks)('$file is a valid phrase pack named after its file', ({ file, json }) => {
    const parsed = PhrasePackSchema.safeParse(json);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data?.id).toBe(file.replace(/\.json$/, ''));
  });

  // The default pack is installed by the background without pinyin-pro (storage/repositories/packs.ts), from
  // search keys computed here. After changing default.json: `npx vitest run -u tests/unit/scripts-library/packs.test.ts`.
  it('default.json has its search keys precomputed, exactly as pinyin.ts computes them', async () => {
    const pack = PhrasePackSchema.parse(phrasePacks.find((p) => p.file === 'default.json')!.json);
    const keys = Object.fromEntries(pack.phrases.map((p) => [p.id, phrasePinyin([p.title, p.body, ...p.tags])]));
    await expect(`${JSON.stringify(keys, null, 1)}\n`).toMatchFileSnapshot(join(dir, 'keys', 'default.json'));
  });

  describe('the default pack', () => {
    const pack = PhrasePackSchema.parse(phrasePacks.find((p) => p.file === 'default.json')!.json);
    it('has no two phrases with one code, nor one wording twice (bodies and variants)', () => {
      const codes = pack.phrases.flatMap((p) => (p.code ? [p.code] : []));
      expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
      const wordings = pack.phrases.flatMap((p) => [p.body, ...(p.variants ?? [])]);
      expect(wordings.filter((w, i) => wordings.indexOf(w) !== i)).toEqual([]);
    });

    // The README's code rule: a code is the initials of the words an agent would say for the phrase; a digit only
    // when it is part of the meaning (cf24 = 催付 24 小时). Never another code plus a number to dodge a clash.
    it('has codes without collision numbers', () => {
      const codes = new Set(pack.phrases.map((p) => p.code));
      expect(pack.phrases.filter((p) => p.code && /[a-z]\d$/.test(p.code) && codes.has(p.code.slice(0, -1))).map((p) => p.code)).toEqual([]);
      expect(pack.phrases.filter((p) => p.code && !/^[a-z0-9]{2,6}$/.test(p.code)).map((p) => p.code)).toEqual([]);
    });

    it('writes no shop fact into a phrase: times, hours and regions come from ⚙ settings', () => {
      const facts = /\d{1,2}[:：点]\d{0,2}|\d+-\d+天|江浙沪|前三天/;
      expect(pack.phrases.flatMap((p) => [p.body, ...(p.variants ?? [])]).filter((w) => facts.test(w))).toEqual([]);
    });
  });

  it('have phrase ids unique across packs', () => {
    const ids = phrasePacks.flatMap(({ json }) => PhrasePackSchema.parse(json).phrases.map((p) => p.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(packs.filter((p) => p.json.format === 'kefu-rule-pack'))('$file is a valid rule pack named after its file', ({ file, json }) => {
    const parsed = RulePackSchema.safeParse(json);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data?.id).toBe(file.replace(/\.json$/, ''));
  });

  it('every file in the folder is a known pack format', () => {
    expect(packs.filter((p) => !['kefu-phrase-pack', 'kefu-rule-pack', 'kefu-stage-linear', 'kefu-guard-intent', 'kefu-intent-sparse', 'kefu-synonyms'].includes(p.json.format ?? '')).map((p) => p.file)).toEqual([]);
  });
});
