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

export const CHAT_MATCHES: string[] = Object.values(SITE_MATCHES).flat();
