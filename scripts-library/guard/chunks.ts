/**
 * Long drafts are checked in overlapping windows: one message carries at most MAX_INSERT_CHARS, and a 5,000+
 * character draft must still be checked (never "no hits" because the message was refused). Windows overlap by
 * more than the longest term plus its allow context, so a term across a window edge is found whole in one.
 */
export const GUARD_WINDOW = 5000;
export const GUARD_OVERLAP = 200;
/** Past this a draft is not checked at all (and the badge says so): 20 windows. */
export const GUARD_MAX_DRAFT = 95_000;

export function guardWindows(text: string, size = GUARD_WINDOW, overlap = GUARD_OVERLAP): { offset: number; text: string }[] {
  if (text.length <= size) return [{ offset: 0, text }];
  const out: { offset: number; text: string }[] = [];
  for (let offset = 0; ; offset += size - overlap) {
    // Never split a surrogate pair at a window start.
    const start = offset > 0 && /[\udc00-\udfff]/.test(text[offset] ?? '') ? offset - 1 : offset;
    out.push({ offset: start, text: text.slice(start, start + size) });
    if (start + size >= text.length) return out;
  }
}

/** Hits of all windows in draft offsets, each once (the overlaps find some twice), in draft order. */
export function mergeWindowHits<H extends { start: number; end: number; ruleId: string }>(parts: { offset: number; hits: H[] }[]): H[] {
  const seen = new Set<string>();
  const out: H[] = [];
  for (const { offset, hits } of parts) {
    for (const h of hits) {
      const moved = { ...h, start: h.start + offset, end: h.end + offset };
      const key = `${moved.start}|${moved.end}|${moved.ruleId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(moved);
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
