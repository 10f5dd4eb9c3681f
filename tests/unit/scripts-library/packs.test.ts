import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PhrasePackSchema, RulePackSchema } from '../../../scripts-library/schema';
import { phrasePinyin } from '../../../scripts-library/pinyin';

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
    expect(packs.filter((p) => !['kefu-phrase-pack', 'kefu-rule-pack', 'kefu-stage-linear'].includes(p.json.format ?? '')).map((p) => p.file)).toEqual([]);
  });
});
