import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import en from '../../public/_locales/en/messages.json';
import zh from '../../public/_locales/zh_CN/messages.json';
import { formatMessage } from '../helpers/i18n';
import { ADAPTERS } from '../../entrypoints/chat-script/adapters';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

describe('locales', () => {
  it('English has exactly the keys and placeholders of Simplified Chinese', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      const z = (zh as Catalogue)[key]!;
      const e = (en as Catalogue)[key]!;
      expect(Object.keys(e.placeholders ?? {}).sort(), key).toEqual(Object.keys(z.placeholders ?? {}).sort());
      for (const name of Object.keys(z.placeholders ?? {})) {
        expect(e.message.toLowerCase(), key).toContain(`$${name}$`);
        expect(z.message.toLowerCase(), key).toContain(`$${name}$`);
      }
    }
  });

  it('substitutes placeholders the way Chrome does', () => {
    expect(formatMessage(zh as Catalogue, 'servingBuyer', ['拼多多', '小美'])).toBe('正在服务：拼多多 · 买家 小美');
    expect(formatMessage(en as Catalogue, 'servingBuyer', ['Pinduoduo', 'Amy'])).toBe('Serving: Pinduoduo · buyer Amy');
  });

  it('names every site adapter', () => {
    for (const a of ADAPTERS) expect(Object.keys(zh)).toContain(`site_${a.id}`);
  });

  it('has no Chinese UI text hard-coded in components (everything goes through t())', () => {
    const dir = join(__dirname, '../../components');
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.tsx'))
      .filter((f) => /[\u4e00-\u9fff]/.test(readFileSync(join(dir, f), 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')));
    expect(offenders).toEqual([]);
  });
});
