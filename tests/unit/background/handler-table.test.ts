/**
 * A message is one entry in the protocol map plus one handler: the handler table's type is derived from the map,
 * so a map entry without a handler, a handler for no message, two handlers for one, or a handler answering the
 * wrong reply fails `tsc --noEmit` (npm run check) at the `handleMessages({...})` call.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { handleMessages, OK, type HandlerTable } from '../../../entrypoints/background/messages';
import type { BackgroundType } from '../../../scripts-library/shared/protocol';

const all = {} as HandlerTable;

describe('the background handler table', () => {
  it('has exactly one key per message of the protocol map', () => {
    expectTypeOf<keyof HandlerTable>().toEqualTypeOf<BackgroundType>();
  });

  it('does not compile when a message has no handler', () => {
    const { 'tally/count': _gone, ...withoutOne } = all;
    // @ts-expect-error 'tally/count' is in the map and has no handler
    expect(typeof handleMessages(withoutOne)).toBe('function');
  });

  it('does not compile with a handler for a message the map does not have', () => {
    // @ts-expect-error 'tally/reset' is no entry of the map
    expect(typeof handleMessages({ ...all, 'tally/reset': () => OK })).toBe('function');
  });

  it('does not compile with two handlers for one message', () => {
    // @ts-expect-error the second 'tally/count' would silently replace the first
    expect(typeof handleMessages({ ...all, 'tally/count': () => OK, 'tally/count': () => OK })).toBe('function');
  });

  it("does not compile when a handler answers another message's reply", () => {
    // @ts-expect-error 'wait/config' answers a WaitConfig, not guard hits
    expect(typeof handleMessages({ ...all, 'wait/config': () => [] })).toBe('function');
  });
});
