// 管理's library health: most used, unused in 30 days, rules most overridden with 仍要发送.
import { expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../scripts-library/guard';
import { libraryHealth } from '../../../scripts-library/phrases/library-health';
import type { Phrase } from '../../../scripts-library/shared/schema';

const NOW = Date.UTC(2026, 11, 3, 12);
const DAY = 86_400_000;
const phrase = (id: string, over: Partial<Phrase> = {}): Phrase => ({
  id, stageId: 'greeting', title: id, body: `${id}的内容`, tags: [], pinned: false, useCount: 0,
  createdAt: NOW - 90 * DAY, updatedAt: NOW - 90 * DAY, origin: 'user', ...over,
});

it('ranks the most used by count, then by the latest use, and leaves out what was never used', () => {
  const h = libraryHealth(
    [phrase('a', { useCount: 3, lastUsedAt: NOW - DAY }), phrase('b', { useCount: 9, lastUsedAt: NOW - 40 * DAY }), phrase('c', { useCount: 3, lastUsedAt: NOW - 2 * DAY }), phrase('d')],
    {}, [], NOW,
  );
  expect(h.mostUsed.map((p) => p.id)).toEqual(['b', 'a', 'c']);
});

it('lists as unused what nobody sent in 30 days, oldest first, but not a phrase made this month', () => {
  const h = libraryHealth(
    [
      phrase('recent', { useCount: 1, lastUsedAt: NOW - 29 * DAY }),
      phrase('stale', { useCount: 5, lastUsedAt: NOW - 31 * DAY }),
      phrase('never'),
      phrase('new', { createdAt: NOW - 3 * DAY }),
    ],
    {}, [], NOW,
  );
  expect(h.unused.map((p) => p.id)).toEqual(['never', 'stale']);
});

it('names the rules overridden most by their words, most first; an unknown id is shown as it is', () => {
  const h = libraryHealth([], { 'taboo-001': 2, 'intent-add-me': 5, gone: 1, 'taboo-003': 0 }, DEFAULT_RULES, NOW);
  expect(h.overridden).toEqual([
    { ruleId: 'intent-add-me', count: 5, label: '加…我' },
    { ruleId: 'taboo-001', count: 2, label: '我不知道' },
    { ruleId: 'gone', count: 1, label: 'gone' },
  ]);
});
