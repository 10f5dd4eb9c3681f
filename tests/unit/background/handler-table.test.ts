/**
 * A message is one entry in the protocol map plus one handler: the handler table's type is derived from the map,
 * so a map entry without a handler (or a handler answering the wrong reply) fails `tsc --noEmit` (npm run check).
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { HandlerTable } from '../../../entrypoints/background/handlers';
import type { BackgroundReplyOf, BackgroundType } from '../../../scripts-library/shared/protocol';

describe('the background handler table', () => {
  it('has exactly one key per message of the protocol map', () => {
    expectTypeOf<keyof HandlerTable>().toEqualTypeOf<BackgroundType>();
  });

  it('does not compile when a message has no handler', () => {
    const withoutOne = {} as Omit<HandlerTable, 'tally/count'>;
    // @ts-expect-error 'tally/count' is in the map and has no handler
    const table: HandlerTable = withoutOne;
    expectTypeOf(table).toEqualTypeOf<HandlerTable>();
  });

  it('does not compile when a handler answers another message\'s reply', () => {
    const wrong = async () => ({ reply: [] as BackgroundReplyOf<'guard/check'> });
    // @ts-expect-error 'wait/config' answers a WaitConfig, not guard hits
    const handler: HandlerTable['wait/config'] = wrong;
    expectTypeOf(handler).toEqualTypeOf<HandlerTable['wait/config']>();
  });
});
