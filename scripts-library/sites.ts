/**
 * Other chat consoles the agent turns the extension on for (the generic adapter serves them), pure: from what
 * the agent typed to the match pattern that is asked for as an optional host permission.
 */
import { shortHash } from './hash';

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
