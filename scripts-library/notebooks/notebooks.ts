/** 交接记录本 rules, pure. */

export interface HandoverLike {
  read?: boolean;
  day?: string;
  shift?: string;
}

/**
 * Whether a handover is unread for the shift working now. A handover is written FOR the next shift: the shift
 * that wrote it (same day and shift) never sees its own note as unread.
 */
export function isUnreadHandover(h: HandoverLike, now: { day: string; shift: string }): boolean {
  return !h.read && !(h.day === now.day && h.shift === now.shift);
}
