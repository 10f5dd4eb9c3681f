/**
 * Other sites the agent enabled (settings → 其他网站): the chat content script is registered for each one whose
 * host permission the agent granted, and injected into the tab at once; removing a site unregisters it.
 */
import type { browser } from 'wxt/browser';
import { siteScriptId } from '../../scripts-library/shared/sites';
import { OK, type Handlers } from './messages';

type Browser = typeof browser;
type Api = { scripting: Pick<Browser['scripting'], 'registerContentScripts' | 'unregisterContentScripts' | 'getRegisteredContentScripts' | 'executeScript'>; permissions: Pick<Browser['permissions'], 'contains'> };

/** The chat content script as WXT builds it. */
export const CHAT_LOADER_FILE = '/content-scripts/chat.js';

export function createSiteService(api: Api) {
  const registered = async () => new Set((await api.scripting.getRegisteredContentScripts()).map((s) => s.id));
  const enable = async (pattern: string, tabId?: number): Promise<void> => {
    if (!(await api.permissions.contains({ origins: [pattern] }))) throw new Error(`no host permission for ${pattern}`);
    const id = siteScriptId(pattern);
    if (!(await registered()).has(id)) {
      await api.scripting.registerContentScripts([{ id, matches: [pattern], js: [CHAT_LOADER_FILE], runAt: 'document_idle', persistAcrossSessions: true }]);
    }
    if (tabId !== undefined) await api.scripting.executeScript({ target: { tabId }, files: [CHAT_LOADER_FILE] }).catch(() => {});
  };
  return {
    /** Register the chat script for `pattern` (the permission was just granted in the panel) and start it in the open tabs. */
    enable,
    async disable(pattern: string): Promise<void> {
      const id = siteScriptId(pattern);
      if ((await registered()).has(id)) await api.scripting.unregisterContentScripts({ ids: [id] });
    },
    /** At start-up: a registration whose site was removed, or whose permission was revoked in the browser, goes. */
    async sync(enabled: readonly string[]): Promise<void> {
      const keep = new Set<string>();
      for (const pattern of enabled) if (await api.permissions.contains({ origins: [pattern] })) keep.add(siteScriptId(pattern));
      const stale = [...(await registered())].filter((id) => id.startsWith('kefu-site-') && !keep.has(id));
      if (stale.length) await api.scripting.unregisterContentScripts({ ids: stale });
      for (const pattern of enabled) if (keep.has(siteScriptId(pattern))) await enable(pattern);
    },
  };
}

type SiteService = Pick<ReturnType<typeof createSiteService>, 'enable' | 'disable'>;

/** ⚙ 其他网站: register / unregister the chat script on a site the agent enabled / removed. */
export function siteHandlers(sites?: SiteService): Handlers<'sites/enable' | 'sites/disable'> {
  return {
    async 'sites/enable'({ pattern, tabId }) {
      if (!sites) throw new Error('no site service');
      await sites.enable(pattern, tabId);
      return OK;
    },
    async 'sites/disable'({ pattern }) {
      await sites?.disable(pattern);
      return OK;
    },
  };
}
