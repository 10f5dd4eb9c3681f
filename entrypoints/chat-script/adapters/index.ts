/** The adapter registry. Specific sites first; `generic` last catches every other matched page. */
import { MatchPattern } from 'wxt/utils/match-patterns';
import type { SiteAdapter } from './types';
import { demo } from './demo';
import { doudian } from './doudian';
import { generic } from './generic';
import { jd } from './jd';
import { kuaishou } from './kuaishou';
import { pinduoduo } from './pinduoduo';
import { taobao } from './taobao';

export const ADAPTERS: readonly SiteAdapter[] = [pinduoduo, doudian, jd, kuaishou, taobao, demo, generic];

/** The adapter for a page: the first whose patterns include the URL and whose page check passes. */
export function pickAdapter(url: string, doc: Document): SiteAdapter {
  for (const adapter of ADAPTERS) {
    if (!adapter.matches.some((p) => new MatchPattern(p).includes(url))) continue;
    try {
      if (adapter.detect?.(doc) ?? true) return adapter;
    } catch {
      // a broken page check means "not this site"
    }
  }
  return generic;
}
