import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../../../scripts-library/guard';
import { GUARD_WINDOW, guardWindows, mergeWindowHits } from '../../../../scripts-library/guard/chunks';
import { MAX_INSERT_CHARS } from '../../../../scripts-library/shared/protocol';

/** What the chat agent does: every window through checkDraft (the background), hits merged. */
const checkLong = (draft: string) => mergeWindowHits(guardWindows(draft).map(({ offset, text }) => ({ offset, hits: checkDraft(text) })));

describe('long drafts are checked whole, window by window', () => {
  it('every window fits one message', () => {
    expect(GUARD_WINDOW).toBeLessThanOrEqual(MAX_INSERT_CHARS);
    for (const w of guardWindows('字'.repeat(23_456))) expect(w.text.length).toBeLessThanOrEqual(MAX_INSERT_CHARS);
  });

  it.each([
    ['at the end (the report: 4,997 × x + 加微信聊)', 'x'.repeat(4997) + '加微信聊'],
    ['across a window edge', 'x'.repeat(4798) + '加微信聊' + 'x'.repeat(3000)],
    ['far in', '好'.repeat(12_000) + '加微信聊' + '好'.repeat(100)],
  ])('a term %s is held at its offset', (_label, draft) => {
    const hits = checkLong(draft);
    const at = draft.indexOf('加微信');
    expect(hits.filter((h) => h.severity === 'block').map((h) => [h.start, h.text])).toEqual([[at, '加微信']]);
  });

  it('a short draft is one window, and hits found twice in an overlap are kept once', () => {
    expect(guardWindows('您好')).toEqual([{ offset: 0, text: '您好' }]);
    const h = { start: 3, end: 6, ruleId: 'r' };
    expect(mergeWindowHits([{ offset: 0, hits: [h] }, { offset: 0, hits: [h] }])).toEqual([h]);
  });

  it('never starts a window inside a surrogate pair', () => {
    const draft = '😀'.repeat(6000);
    for (const w of guardWindows(draft)) expect(w.text.codePointAt(0)).toBe(0x1f600);
  });
});
