// The file readers' reasons in the agent's language: every key in both catalogues, and an English browser reads
// English reasons (they were Chinese in the en UI before).
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import { FILE_TEXT_KEYS, setFileText } from '../../../scripts-library/files/file-text';
import { readImportFile } from '../../../scripts-library/files/phrase-io';
import { readRulePack } from '../../../scripts-library/files/rule-io';
import { readNotebookFile } from '../../../scripts-library/files/notebook-io';
import { parseBackup } from '../../../storage/backup';
import { formatMessage, zhCatalogue, zhMessage } from '../../helpers/i18n';

const enCatalogue = en as Parameters<typeof formatMessage>[0];
const bytes = (s: string) => new TextEncoder().encode(s);
const han = /[\u4e00-\u9fff]/;

afterEach(() => setFileText((key, subs) => zhMessage(key, subs)));

describe('file reasons', () => {
  it('every reason is in both catalogues, with the same substitutions', () => {
    for (const key of FILE_TEXT_KEYS) {
      const zh = zhCatalogue[key];
      const english = enCatalogue[key];
      expect(zh, key).toBeDefined();
      expect(english, key).toBeDefined();
      expect(Object.keys(english!.placeholders ?? {}).sort(), key).toEqual(Object.keys(zh!.placeholders ?? {}).sort());
      // English words only (千牛 is the client's name)
      expect(han.test(english!.message.replace('千牛', '')), `${key}: ${english!.message}`).toBe(false);
    }
  });

  it('an English browser reads why a file was refused in English (the header names stay as the file must have them)', () => {
    setFileText((key, subs) => formatMessage(enCatalogue, key, subs));
    const empty = readImportFile(bytes(''));
    expect(empty).toEqual({ ok: false, error: 'The file is empty' });
    const quote = readImportFile(bytes('标题,内容\n"a,b\n'));
    expect(quote.ok || quote.error).toBe('CSV row 2 is malformed: a quote is not closed (a cell starts with " and has no closing ")');
    const header = readImportFile(bytes('a,b\n1,2\n'));
    expect(header.ok || header.error).toMatch(/^Header not recognised: it must be “阶段,标题,快捷编码,内容,标签” or 千牛’s “快捷短语编码,快捷短语,快捷短语分组”$/);
    const rules = readRulePack('{"format":"x"}');
    expect(rules.ok || rules.error).toMatch(/^Not a valid rule pack/);
    const notes = readNotebookFile('{"format":');
    expect(notes.ok || notes.error).toMatch(/^Not readable as JSON \(the file may be cut short\): /);
    const backup = parseBackup('{"format":"kefu-backup","version":1,"schemaVersion":999,"tables":{}}');
    expect(backup.ok || backup.error).toBe('The backup comes from a newer version (data version 999): update the extension first');
    for (const r of [empty, quote, rules, notes, backup]) expect(han.test(r.ok ? '' : r.error)).toBe(false);
  });

  it('a Chinese browser reads them as before', () => {
    expect(readImportFile(bytes(''))).toEqual({ ok: false, error: '文件是空的' });
    const backup = parseBackup('{"format":"kefu-backup","version":1,"schemaVersion":999,"tables":{}}');
    expect(backup.ok || backup.error).toBe('备份来自更新的版本（数据版本 999），请先更新扩展');
  });
});
