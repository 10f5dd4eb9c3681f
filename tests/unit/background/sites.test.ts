import { describe, expect, it, vi } from 'vitest';
import { createSiteService, CHAT_LOADER_FILE } from '../../../entrypoints/background/sites';
import { siteScriptId } from '../../../scripts-library/shared/sites';

/** The scripting and permissions APIs as the browser keeps them: registrations and granted origins. */
function fakeApi(granted: string[]) {
  const scripts = new Map<string, { id: string; matches: string[]; js: string[] }>();
  const injected: number[] = [];
  const api = {
    permissions: { contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o))) },
    scripting: {
      getRegisteredContentScripts: vi.fn(async () => [...scripts.values()]),
      registerContentScripts: vi.fn(async (list: { id: string; matches: string[]; js: string[] }[]) => {
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          scripts.set(s.id, s);
        }
      }),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => void ids.forEach((id) => scripts.delete(id))),
      executeScript: vi.fn(async ({ target }: { target: { tabId: number } }) => void injected.push(target.tabId)),
    },
  };
  return { api, scripts, injected };
}

const SITE = 'https://im.kwaixiaodian.com/*';

describe('site service', () => {
  it('registers the chat script once for a granted site and starts it in the open tab', async () => {
    const { api, scripts, injected } = fakeApi([SITE]);
    const sites = createSiteService(api as never);
    await sites.enable(SITE, 7);
    await sites.enable(SITE); // again: no duplicate registration
    expect([...scripts.values()]).toEqual([expect.objectContaining({ id: siteScriptId(SITE), matches: [SITE], js: [CHAT_LOADER_FILE] })]);
    expect(injected).toEqual([7]);
  });

  it('refuses a site whose permission was not granted, registering nothing', async () => {
    const { api, scripts } = fakeApi([]);
    await expect(createSiteService(api as never).enable(SITE)).rejects.toThrow('no host permission');
    expect(scripts.size).toBe(0);
  });

  it('removing a site unregisters it', async () => {
    const { api, scripts } = fakeApi([SITE]);
    const sites = createSiteService(api as never);
    await sites.enable(SITE);
    await sites.disable(SITE);
    expect(scripts.size).toBe(0);
  });

  it('at start-up keeps enabled sites with permission, drops removed or revoked ones, and leaves others alone', async () => {
    const other = 'https://shop.example.com/*';
    const { api, scripts } = fakeApi([SITE]); // the permission for `other` was revoked in the browser
    scripts.set(siteScriptId(other), { id: siteScriptId(other), matches: [other], js: [CHAT_LOADER_FILE] });
    scripts.set('someone-else', { id: 'someone-else', matches: [], js: [] });
    await createSiteService(api as never).sync([SITE, other]);
    expect([...scripts.keys()].sort()).toEqual([siteScriptId(SITE), 'someone-else'].sort());
  });
});
