/**
 * The background's receivers over the whole protocol (receiver.ts has the sender rules they share). Separate from
 * the wiring (index.ts) and from the feature handler modules so it can be tested with fakes.
 */
import { BACKGROUND_PROTOCOL, BackgroundRequestSchema, parseMessage } from '../../scripts-library/shared/protocol';
import { receiverFor, type HandlerTable, type Parsing, type Receiver } from './receiver';

export type { BackgroundReply, Handler, HandlerTable, Handlers, MessageContext, Receiver, Sender } from './receiver';

export const OK = { ok: true } as const;

const WHOLE: Parsing = {
  parse: (raw, from) => parseMessage(BackgroundRequestSchema, raw, from),
  sentFrom: (type) => BACKGROUND_PROTOCOL[type].from,
};

/**
 * The background's receiver for a complete handler table (the sender rules: receiver.ts).
 */
export function handleMessages(handlers: HandlerTable): Receiver {
  return receiverFor(handlers, WHOLE);
}
