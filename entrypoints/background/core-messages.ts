/**
 * The messages the worker's core answers itself (index.ts): the guard's check, and the panel's notice that the
 * rules or settings changed (guard/prepare). They are parsed with their own two schemas (protocol-core.ts), not the
 * whole protocol's, which a woken worker would otherwise build before its first answer (#36 item 4); the sender
 * rules are the same (receiver.ts). Every other message, guard/rewrite included, is the rest of the background's.
 */
import * as z from 'zod/mini';
import { GuardCheckSchema, GuardPrepareSchema, parseMessage } from '../../scripts-library/shared/protocol-core';
import type { BackgroundRequest } from '../../scripts-library/shared/protocol';
import { receiverFor, type Handlers, type Receiver } from './receiver';

/** Who may send each of the core's messages (as BACKGROUND_PROTOCOL has it: a test holds the two the same). */
export const CORE_MESSAGES = { 'guard/check': 'chat-page', 'guard/prepare': 'extension-page' } as const;
export type CoreMessage = keyof typeof CORE_MESSAGES;

const CoreRequestSchema = z.discriminatedUnion('type', [GuardCheckSchema, GuardPrepareSchema]);

/** Whether `raw` is one of the core's messages by its type (its content is checked when it is answered). */
export function answersInCore(raw: unknown): boolean {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  return typeof type === 'string' && Object.hasOwn(CORE_MESSAGES, type);
}

/** The core's receiver: its messages, with the background's sender rules. */
export function coreReceiver(handlers: Handlers<CoreMessage>): Receiver {
  return receiverFor(handlers, {
    parse: (raw, from) => parseMessage(CoreRequestSchema as z.ZodMiniType<BackgroundRequest>, raw, from),
    sentFrom: (type) => (CORE_MESSAGES as Record<string, 'chat-page' | 'extension-page'>)[type] ?? 'extension-page',
  });
}
