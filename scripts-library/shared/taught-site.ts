/**
 * The shapes a taught console is stored in (settings `taughtSites`, the teach messages) and the fields the
 * self-check names: part of the kernel because the schema and the protocol validate them; the teaching itself is
 * in sites/teach.ts, the self-check in sites/self-check.ts.
 */
import * as z from 'zod/mini';

/** One way to find an element: a CSS selector, and, for a labelled control, the text it must show. */
export const LocatorSchema = z.object({
  css: z.string().check(z.minLength(1), z.maxLength(600)),
  text: z.optional(z.string().check(z.minLength(1), z.maxLength(20))),
});
export type Locator = z.infer<typeof LocatorSchema>;

/** One layout or attribute property, at a path under the row, whose value tells the buyer's rows from the agent's. */
export const SideMarkerSchema = z.object({
  /** Element-child indices from the row, `''` for the row itself, `'1/0'` for its second child's first child. */
  path: z.string().check(z.maxLength(40)),
  /** `style:flex-direction`, `attr:data-from`, `class:message_left`… */
  prop: z.string().check(z.minLength(1), z.maxLength(80)),
  buyer: z.string().check(z.maxLength(120)),
  agent: z.string().check(z.maxLength(120)),
});
export type SideMarker = z.infer<typeof SideMarkerSchema>;

export const TaughtMessagesSchema = z.object({
  /** The element whose children are the message rows. */
  list: LocatorSchema,
  /** The rows' tag and the sorted tags of their children (a system row has another shape: never buyer or agent). */
  shape: z.string().check(z.maxLength(300)),
  /** Where the text sits in a buyer row (element-child indices), else the whole row's text. */
  text: z.string().check(z.maxLength(40)),
  side: z.array(SideMarkerSchema).check(z.minLength(1), z.maxLength(12)),
});
export type TaughtMessages = z.infer<typeof TaughtMessagesSchema>;

/** What one site was taught (stored per origin in settings `taughtSites`). */
export const TaughtSiteSchema = z.object({
  replyBox: LocatorSchema,
  send: LocatorSchema,
  buyerName: LocatorSchema,
  messages: TaughtMessagesSchema,
  at: z.number().check(z.int(), z.nonnegative()),
});
export type TaughtSite = z.infer<typeof TaughtSiteSchema>;

/** The fields the self-check watches on a matched console (sites/self-check.ts). */
export const MISS_FIELDS = ['replyBox', 'buyerName', 'messages'] as const;
export type MissField = (typeof MISS_FIELDS)[number];
