/**
 * Where the extension runs, in one module: the known chat consoles (the loader's matches and the host
 * permissions, read by wxt.config.ts at build time, so this file stays dependency-light), and the other
 * consoles the agent turns it on for (the generic adapter serves them): from what the agent typed to the match
 * pattern asked for as an optional host permission.
 */
import { shortHash } from './hash';

export const SITE_MATCHES = {
  pinduoduo: ['https://mms.pinduoduo.com/chat-merchant/*'],
  doudian: ['https://im.jinritemai.com/*'],
  jd: ['https://dongdong.jd.com/*'],
  kuaishou: ['https://im.kwaixiaodian.com/*'],
  taobao: ['https://qn.taobao.com/*', 'https://myseller.taobao.com/*'],
  // The local demo console and test fixtures; a match pattern without a port matches every port.
  local: ['http://localhost/*', 'http://127.0.0.1/*'],
} as const;

declare const __KEFU_LOCAL__: boolean | undefined;

/**
 * Whether this build serves the local demo console and test fixtures (`KEFU_BUILD=e2e` / `e2e-sites`: the demo,
 * the e2e tests and the benchmarks). The production build (plain `wxt build`, `wxt zip`) must not match, nor hold
 * host access to, every port of localhost and 127.0.0.1. Bundles get the flag from Vite's `define`; when WXT
 * reads an entrypoint's options in Node at build time, from the environment.
 */
export const LOCAL_BUILD: boolean =
  typeof __KEFU_LOCAL__ === 'boolean' ? __KEFU_LOCAL__ : /^e2e/.test(globalThis.process?.env?.KEFU_BUILD ?? '');

/** Where the chat loader runs and what the extension holds host access for. */
export const CHAT_MATCHES: string[] = Object.entries(SITE_MATCHES)
  .filter(([site]) => site !== 'local' || LOCAL_BUILD)
  .flatMap(([, matches]) => matches);

/** A match pattern of a site the agent turns the extension on for (settings → 其他网站). */
export const SITE_PATTERN = /^https?:\/\/[a-z0-9.-]+\/\*$/;

/** `https://im.kwaixiaodian.com/workbench` or `im.kwaixiaodian.com` → `https://im.kwaixiaodian.com/*`; null when it is not a web address. */
export function sitePattern(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!/^[a-z0-9.-]+$/i.test(url.hostname) || !url.hostname.includes('.') && url.hostname !== 'localhost') return null;
  // A match pattern has no port: it covers the host on every port.
  return `${url.protocol}//${url.hostname.toLowerCase()}/*`;
}

/** The id of the content-script registration for a pattern (stable, so enabling twice registers once). */
export function siteScriptId(pattern: string): string {
  return `kefu-site-${shortHash(pattern)}`;
}

/** The host of a pattern, for display. */
export const siteHost = (pattern: string) => pattern.replace(/^https?:\/\//, '').replace(/\/\*$/, '');
