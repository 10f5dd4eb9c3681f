/**
 * The follow-up kinds and the payment chase's default ladder: part of the stored records' shape (a reminder's
 * kind, the settings' ladder), so the schema reads them here and chase/reminders.ts plans with them.
 */

/** Minutes after the order was placed. */
export const DEFAULT_CHASE_LADDER: number[] = [15, 24 * 60, 48 * 60, 72 * 60];

/** The follow-up kinds: 催付 (payment, its delays from ⚙ settings) and the four fixed ladders (chase/reminders.ts). */
export const LADDER_KINDS = ['payment', 'no-order', 'late-shipping', 'bad-review', 'after-sales'] as const;
export type LadderKind = (typeof LADDER_KINDS)[number];
