import { describe, expect, it, vi } from 'vitest';
import { CHAT_SCRIPT_FILE, injectIntoOpenTabs } from '../../../entrypoints/background/chat-script-injection';

type Tab = { id?: number; url: string; status?: string; discarded?: boolean };

/** tabs.query over a fixed set of tabs (only the URL filter matters here) and a scripting API that records. */
function fakeApi(tabs: Tab[], failOn: number[] = []) {
  const injected: { tabId: number; frameIds?: number[]; files: string[] }[] = [];
  const query = vi.fn(async ({ url }: { url: string[] }) => tabs.filter((t) => url.some((p) => new RegExp(`^${p.replace(/[.?]/g, '\\$&').replace(/\*/g, '.*')}$`).test(t.url))));
  return {
    injected,
    query,
    api: {
      tabs: { query },
      scripting: {
        executeScript: vi.fn(async ({ target, files }: { target: { tabId: number; frameIds?: number[] }; files: string[] }) => {
          if (failOn.includes(target.tabId)) throw new Error('Cannot access contents of the page');
          injected.push({ tabId: target.tabId, frameIds: target.frameIds, files });
          return [];
        }),
      },
    } as unknown as Parameters<typeof injectIntoOpenTabs>[0],
  };
}

describe('injecting the agent into consoles already open at install or update', () => {
  it('injects into the top frame of every loaded console tab and skips the rest', async () => {
    const { api, injected } = fakeApi(
      [
        { id: 1, url: 'https://mms.pinduoduo.com/chat-merchant/index.html', status: 'complete' },
        { id: 2, url: 'https://im.jinritemai.com/pc_seller_v2/main/workspace', status: 'loading' }, // its loader will ask
        { id: 3, url: 'https://dongdong.jd.com/', status: 'complete', discarded: true },
        { id: 4, url: 'https://www.example.com/', status: 'complete' }, // not a console
        { id: 5, url: 'https://im.kwaixiaodian.com/workbench', status: 'complete' }, // enabled by the agent
      ],
    );
    const done = await injectIntoOpenTabs(api, ['https://mms.pinduoduo.com/chat-merchant/*', 'https://im.jinritemai.com/*', 'https://dongdong.jd.com/*', 'https://im.kwaixiaodian.com/*']);
    expect(done).toEqual([1, 5]);
    expect(injected).toEqual([
      { tabId: 1, frameIds: [0], files: [CHAT_SCRIPT_FILE] },
      { tabId: 5, frameIds: [0], files: [CHAT_SCRIPT_FILE] },
    ]);
  });

  it('a tab that refuses the script does not stop the others', async () => {
    const { api } = fakeApi(
      [
        { id: 1, url: 'https://dongdong.jd.com/a', status: 'complete' },
        { id: 2, url: 'https://dongdong.jd.com/b', status: 'complete' },
      ],
      [1],
    );
    expect(await injectIntoOpenTabs(api, ['https://dongdong.jd.com/*'])).toEqual([2]);
  });

  it('asks for nothing without patterns', async () => {
    const { api, query } = fakeApi([{ id: 1, url: 'https://dongdong.jd.com/', status: 'complete' }]);
    expect(await injectIntoOpenTabs(api, [])).toEqual([]);
    expect(query).not.toHaveBeenCalled();
  });
});
