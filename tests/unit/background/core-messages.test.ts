// The worker's core parses its own messages with their own schemas (core-messages.ts): the same senders and the
// same checks as the whole protocol's receiver, for guard/check and guard/prepare only.
import { describe, expect, it } from 'vitest';
import { BACKGROUND_PROTOCOL } from '../../../scripts-library/shared/protocol';
import { answersInCore, CORE_MESSAGES, coreReceiver } from '../../../entrypoints/background/core-messages';
import { CHAT_TAB, OWN, PANEL } from '../../helpers/background';

const receive = coreReceiver({
  'guard/check': async (m) => [{ start: 0, end: m.text.length, text: m.text, ruleId: 'r', category: 'abuse', severity: 'block', suggestion: '', note: '' }],
  'guard/prepare': async () => ({ ok: true }),
});

describe('the core’s messages', () => {
  it('are sent by whom the protocol map says', () => {
    for (const [type, from] of Object.entries(CORE_MESSAGES)) expect(BACKGROUND_PROTOCOL[type as keyof typeof CORE_MESSAGES].from).toBe(from);
  });

  it('answers a good check, refuses a malformed one, one from the panel, and every other message', async () => {
    expect((await receive({ type: 'guard/check', text: '加我vx' }, CHAT_TAB, OWN)).reply).toMatchObject([{ text: '加我vx' }]);
    expect((await receive({ type: 'guard/check', text: 'x'.repeat(5001) }, CHAT_TAB, OWN)).reply).toMatchObject({ ok: false });
    expect((await receive({ type: 'guard/check', text: '加我vx' }, PANEL, OWN)).reply).toMatchObject({ ok: false });
    expect((await receive({ type: 'guard/prepare' }, CHAT_TAB, OWN)).reply).toMatchObject({ ok: false });
    expect((await receive({ type: 'guard/prepare' }, PANEL, OWN)).reply).toEqual({ ok: true });
    expect((await receive({ type: 'guard/rewrite', text: 'x', hit: {}, hits: [] }, CHAT_TAB, OWN)).reply).toMatchObject({ ok: false });
    expect((await receive({ type: 'guard/check', text: 'x' }, { ...CHAT_TAB, id: 'other' }, OWN)).reply).toMatchObject({ ok: false });
  });

  it('are told from the rest’s by their type alone', () => {
    expect(answersInCore({ type: 'guard/check' })).toBe(true);
    expect(answersInCore({ type: 'guard/prepare' })).toBe(true);
    expect(answersInCore({ type: 'guard/rewrite' })).toBe(false);
    expect(answersInCore({ type: 'constructor' })).toBe(false);
    expect(answersInCore(null)).toBe(false);
  });
});
