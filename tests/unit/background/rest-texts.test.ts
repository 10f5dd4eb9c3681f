// The rest of the background's texts kept out of its script (rest-texts.ts): the module wxt.config.ts writes in
// place of each `?raw` import gives its importers the file's text whether it is evaluated before or after the text
// is read, and the rest starts — every call waiting, in order — only once the texts are in.
import { describe, expect, it, vi } from 'vitest';
import { featuresWhenReady, fillRestTexts, REST_TEXTS, restTextModule } from '../../../entrypoints/background/rest-texts';
import type { Features } from '../../../entrypoints/background/features-slot';

/** The swapped module's code as its importer sees it: `text()` reads its default export's binding now. */
function evaluate(code: string): { text: () => unknown } {
  const body = code.replace('export { value as default };', '');
  return new Function(`${body}\nreturn { text: () => value };`)() as { text: () => unknown };
}

function fakeFeatures(log: string[]): Features {
  return {
    receive: async (raw) => {
      log.push(`receive ${String(raw)}`);
      return { reply: { ok: true } as never, changed: false };
    },
    openDb: async () => void log.push('openDb'),
    broadcast: () => void log.push('broadcast'),
    onInstalled: () => void log.push('installed'),
    onAlarm: (name) => void log.push(`alarm ${name}`),
    onNotificationClicked: (id) => void log.push(`clicked ${id}`),
    onTabActivated: (id) => void log.push(`activated ${id}`),
    onTabRemoved: (id) => void log.push(`removed ${id}`),
  };
}

describe('the rest’s texts read from files', () => {
  it('reaches a module evaluated before the texts were read, and one evaluated after', async () => {
    const code = restTextModule('intent-model.json', false);
    expect(code).toContain('export { value as default };');
    const before = evaluate(code);
    expect(before.text()).toBeUndefined();
    const read = vi.fn(async (name: string) => `{"file":"${name}"}`);
    await fillRestTexts(read);
    expect(read.mock.calls.map(([n]) => n).sort()).toEqual(Object.keys(REST_TEXTS).sort());
    expect(before.text()).toBe('{"file":"intent-model.json"}');
    expect(evaluate(restTextModule('stage-model.json', false)).text()).toBe('{"file":"stage-model.json"}');
    expect(evaluate(restTextModule('default.json', true)).text()).toEqual({ file: 'default.json' });
  });

  it('names only files the packs hold', async () => {
    const { existsSync } = await import('node:fs');
    for (const file of Object.values(REST_TEXTS)) expect(existsSync(`scripts-library/packs/${file}`)).toBe(true);
  });

  it('starts the rest once its texts are in, every call after that in the order it came', async () => {
    const log: string[] = [];
    let fill!: () => void;
    const ready = vi.fn(() => new Promise<void>((r) => (fill = r)));
    const start = vi.fn(() => fakeFeatures(log));
    const rest = featuresWhenReady(ready, start);
    rest.onInstalled();
    const answered = rest.receive('m', {} as never, 'id');
    rest.onAlarm('chase');
    await Promise.resolve();
    expect(start).not.toHaveBeenCalled();
    expect(log).toEqual([]);
    fill();
    await answered;
    await vi.waitFor(() => expect(log).toEqual(['installed', 'receive m', 'alarm chase']));
    expect(ready).toHaveBeenCalledTimes(1);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('fails the calls waiting on a text that could not be read, and reads again at the next', async () => {
    const log: string[] = [];
    const ready = vi.fn().mockRejectedValueOnce(new Error('packs/rest/intent-model.json: 404')).mockResolvedValue(undefined);
    const rest = featuresWhenReady(ready, () => fakeFeatures(log));
    await expect(rest.receive('first', {} as never, 'id')).rejects.toThrow('404');
    await rest.receive('second', {} as never, 'id');
    expect(log).toEqual(['receive second']);
    expect(ready).toHaveBeenCalledTimes(2);
  });
});
