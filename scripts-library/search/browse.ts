/** Browsing (the empty query) and frecency: the library in the agent's order, no index needed. */
import type { SearchablePhrase, SearchHit, SearchOptions } from './types';

const DAY = 86_400_000;

/** Frecency in [0, 1): use count decayed by a half-life of two weeks since the last use. */
export function frecency(p: Pick<SearchablePhrase, 'useCount' | 'lastUsedAt'>, now: number): number {
  if (!p.useCount) return 0;
  const age = p.lastUsedAt ? Math.max(0, now - p.lastUsedAt) : 90 * DAY;
  const f = p.useCount * 0.5 ** (age / (14 * DAY));
  return f / (f + 5);
}

const UNORDERED = Number.MAX_SAFE_INTEGER;
function byUse(a: SearchablePhrase, b: SearchablePhrase): number {
  return (
    Number(b.pinned) - Number(a.pinned) ||
    b.useCount - a.useCount ||
    (b.lastUsedAt ?? 0) - (a.lastUsedAt ?? 0) ||
    // A new library has no uses yet: the pack's own order (its most useful phrases first), not the id's.
    (a.order ?? UNORDERED) - (b.order ?? UNORDERED)
  );
}

/** The empty query: the stage's phrases, pinned first, then most used, most recently used, pack order. No index needed. */
export function browse<P extends SearchablePhrase>(phrases: readonly P[], { stageId, limit }: SearchOptions = {}): SearchHit<P>[] {
  const sorted = limit ? firstByUse(phrases, stageId, limit) : phrases.filter((p) => !stageId || p.stageId === stageId).sort(byUse);
  return sorted.map((phrase) => ({ phrase, score: 0, highlight: { title: [], body: [] } }));
}

/** The first `limit` of a stage in browsing order, without sorting the whole stage (a 100k library has 10k a stage). */
function firstByUse<P extends SearchablePhrase>(phrases: readonly P[], stageId: string | undefined, limit: number): P[] {
  const best: P[] = [];
  for (const p of phrases) {
    if (stageId && p.stageId !== stageId) continue;
    if (best.length === limit && byUse(p, best[limit - 1]!) >= 0) continue;
    let k = best.length === limit ? limit - 1 : best.length;
    while (k > 0 && byUse(p, best[k - 1]!) < 0) {
      best[k] = best[k - 1]!;
      k--;
    }
    best[k] = p;
    if (best.length > limit) best.length = limit;
  }
  return best;
}
