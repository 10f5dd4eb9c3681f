import { describe, expect, it } from 'vitest';
import { addMiss, MISSING_AFTER_MS, recentMisses, SelfCheck, type Look } from '../../../scripts-library/sites/self-check';

const all = { replyBox: true, buyerName: true, messages: true };
const look = (over: Partial<Look> & { now: number }): Look => ({ expects: all, found: all, visible: true, ...over });

describe('the self-check', () => {
  it('names a field missing for 20 s with the tab visible, once per stretch, and forgets it when it is back', () => {
    const check = new SelfCheck();
    const noBuyer = { ...all, buyerName: false };
    expect(check.look(look({ found: noBuyer, now: 0 }))).toEqual({ missing: [], began: [] });
    expect(check.look(look({ found: noBuyer, now: MISSING_AFTER_MS - 1 })).missing).toEqual([]);
    expect(check.look(look({ found: noBuyer, now: MISSING_AFTER_MS }))).toEqual({ missing: ['buyerName'], began: ['buyerName'] });
    expect(check.look(look({ found: noBuyer, now: MISSING_AFTER_MS + 3000 }))).toEqual({ missing: ['buyerName'], began: [] });
    expect(check.look(look({ now: MISSING_AFTER_MS + 6000 })).missing).toEqual([]);
  });
  it('a hidden tab pauses the clock; a field the adapter never reads is never missing', () => {
    const check = new SelfCheck();
    const none = { replyBox: true, buyerName: false, messages: false };
    check.look(look({ found: none, now: 0, visible: false }));
    expect(check.look(look({ found: none, now: MISSING_AFTER_MS, visible: false })).missing).toEqual([]);
    check.look(look({ found: none, now: MISSING_AFTER_MS + 1 }));
    expect(check.look(look({ found: none, now: 2 * MISSING_AFTER_MS + 1, expects: { ...all, messages: false } })).missing).toEqual(['buyerName']);
  });
  it('without a reply box only the reply box is missing (no conversation to read)', () => {
    const check = new SelfCheck();
    const nothing = { replyBox: false, buyerName: false, messages: false };
    check.look(look({ found: nothing, now: 0 }));
    expect(check.look(look({ found: nothing, now: MISSING_AFTER_MS })).missing).toEqual(['replyBox']);
  });
});

describe('miss counts', () => {
  const day = 86_400_000;
  const now = new Date(2026, 11, 7, 12).getTime();
  it('counts per site, field and day; the last 7 days are summed; days older than 30 go', () => {
    let m = addMiss({}, 'https://a.example/*', 'buyerName', now - 40 * day);
    m = addMiss(m, 'https://a.example/*', 'buyerName', now - 8 * day);
    m = addMiss(m, 'https://a.example/*', 'buyerName', now - 6 * day);
    m = addMiss(m, 'https://a.example/*', 'buyerName', now);
    m = addMiss(m, 'https://a.example/*', 'buyerName', now);
    m = addMiss(m, 'https://a.example/*', 'replyBox', now);
    expect(recentMisses(m, 'https://a.example/*', now)).toEqual({ buyerName: 3, replyBox: 1 });
    expect(Object.keys(m['https://a.example/*']!.buyerName!)).toHaveLength(3); // the 40-day-old one dropped
    expect(recentMisses(m, 'https://b.example/*', now)).toEqual({});
  });
});
