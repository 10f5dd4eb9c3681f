/**
 * The part of the message protocol (protocol.ts) the service worker's core needs before its first answer: the
 * guard's check and the panel's 规则已改 notice, and how a receiver refuses what does not parse. Its own module so
 * a woken worker builds these two schemas, not the whole protocol's (#36 item 4: the schemas were built at the
 * core's evaluation, before the first check could be answered).
 */
import * as z from 'zod/mini';

/** Longest text one insert may carry (a phrase is ≤ 500 characters; this leaves room for drafts). */
export const MAX_INSERT_CHARS = 5000;

/** The draft guard: check the reply box's text. */
/** `site`: the chat script's adapter id (pinduoduo, doudian, jd, taobao…), so the guard knows the console's own platform. */
export const GuardCheckSchema = z.object({
  type: z.literal('guard/check'),
  text: z.string().check(z.maxLength(MAX_INSERT_CHARS)),
  site: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
});

/**
 * The panel changed the guard's rules or the settings (an edit, an import, a team pull, a restore): the worker
 * reads them and keeps their compiled form now, so the first check after its next wake does not compile.
 */
export const GuardPrepareSchema = z.object({ type: z.literal('guard/prepare') });

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Validate an incoming message. On failure the reason is logged (with where it came from) and returned, so the
 * caller can answer with it; the message must then be ignored entirely.
 */
export function parseMessage<T>(schema: z.ZodMiniType<T>, raw: unknown, from: string): ParseResult<T> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const reason = describeIssues(result.error.issues);
  console.warn(`[kefu] rejected message from ${from}: ${reason}`);
  return { ok: false, reason };
}

export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string; code: string }[]): string {
  return issues.map((i) => `${i.path.length ? i.path.join('.') : '(message)'}: ${i.message} (${i.code})`).join('; ');
}
