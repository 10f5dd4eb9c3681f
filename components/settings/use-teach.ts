/** 教一次 and 检查 (#33 items 5 and 6): the panel's side, through the chat script of the site's open tab. */
import { browser } from 'wxt/browser';
import type { TeachCheckReply } from '../../scripts-library/shared/protocol';
import { toChatTab } from '../shared/messaging';

/** The tab showing `pattern`'s console (the active one first), if one is open. */
export async function tabOfSite(pattern: string): Promise<number | undefined> {
  const tabs = await browser.tabs.query({ url: pattern });
  return (tabs.find((tab) => tab.active) ?? tabs[0])?.id;
}

/** Bring the console forward and put it in pointing mode. */
export async function startTeachInTab(tabId: number): Promise<void> {
  await browser.tabs.update(tabId, { active: true });
  await toChatTab(tabId)('chat/teach', {});
}

export type TeachResult<T> = { ok: true; value: T } | { ok: false; reason: 'no-tab' } | { ok: false; reason: 'failed'; detail: string };

const failed = (e: unknown): { ok: false; reason: 'failed'; detail: string } => ({ ok: false, reason: 'failed', detail: e instanceof Error ? e.message : String(e) });

export function useTeach() {
  return {
    async start(pattern: string): Promise<TeachResult<true>> {
      const tabId = await tabOfSite(pattern).catch(() => undefined);
      if (tabId === undefined) return { ok: false, reason: 'no-tab' };
      return startTeachInTab(tabId).then(() => ({ ok: true as const, value: true as const }), failed);
    },
    async check(pattern: string): Promise<TeachResult<TeachCheckReply>> {
      const tabId = await tabOfSite(pattern).catch(() => undefined);
      if (tabId === undefined) return { ok: false, reason: 'no-tab' };
      return toChatTab(tabId)('chat/teach-check', {}).then((value) => ({ ok: true as const, value }), failed);
    },
  };
}
