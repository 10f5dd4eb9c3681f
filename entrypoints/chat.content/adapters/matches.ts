/**
 * Where the chat content script runs. Kept in its own dependency-free module because wxt.config.ts (host
 * permissions) and the content-script definition both need it at build time.
 */
export const SITE_MATCHES = {
  pinduoduo: ['https://mms.pinduoduo.com/chat-merchant/*'],
  doudian: ['https://im.jinritemai.com/*'],
  jd: ['https://dongdong.jd.com/*'],
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
