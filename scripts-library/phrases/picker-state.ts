/** The "/" picker's list as pure state: which suggestion is active and what a key does to it. */

export interface PickerList<T> {
  items: readonly T[];
  active: number;
}

export type PickerKeyResult<T> =
  | { action: 'move'; active: number }
  | { action: 'pick'; item: T }
  /** Enter on a guess nobody chose (the suggestions were not sure): nothing is inserted, the picker says why. */
  | { action: 'hold' }
  | { action: 'close' }
  /** Not the picker's key: let it reach the page. */
  | null;

/**
 * What a key does while the list is open: ↑/↓ move (wrapping), Enter/Tab pick the active item (never with
 * Shift, and never on an empty list: the key then goes to the console as typed), Esc closes. Suggestions marked
 * `maybe` (not sure, #32) are held until the agent has moved with ↑/↓: Enter alone inserts nothing.
 */
export function pickerKey<T>(list: PickerList<T> & { moved?: boolean }, key: string, shiftKey: boolean): PickerKeyResult<T> {
  const n = list.items.length;
  switch (key) {
    case 'ArrowDown':
    case 'ArrowUp':
      if (!n) return null;
      return { action: 'move', active: (list.active + (key === 'ArrowDown' ? 1 : n - 1)) % n };
    case 'Enter':
    case 'Tab': {
      const item = list.items[list.active];
      if (item === undefined || shiftKey) return null;
      // A 可能是 suggestion goes in only once the agent has moved to it with ↑/↓.
      return isMaybe(item) && !list.moved ? { action: 'hold' } : { action: 'pick', item };
    }
    case 'Escape':
      return { action: 'close' };
    default:
      return null;
  }
}

const isMaybe = (item: unknown): boolean => typeof item === 'object' && item !== null && (item as { maybe?: unknown }).maybe === true;

/** A query typed like a code: letters and digits only. */
const CODE_LIKE = /^[a-z0-9]+$/;

/**
 * Which of the search's ranked phrases the picker lists for `query`. A query typed like a code (`/hb`) lists the
 * phrase with exactly that code first, then only close matches: phrases whose code or whose title's pinyin
 * initials start with it (合并付款 `hbfk`, 红包使用 `hbsy`), in the search's order; never the loose ones the search
 * also finds by letters somewhere in a phrase (缺货补货中, whose initials hold "hb" in the middle). When no phrase's
 * code or title starts so (full pinyin `kuaidi`, a typo, Chinese), the search's own ranking stands.
 * @param titleInitials a phrase's title initials (`hbfk`), lower case
 */
export function closeMatches<P extends { code?: string | undefined }>(query: string, ranked: readonly P[], titleInitials: (p: P) => string): readonly P[] {
  const q = query.trim().toLowerCase();
  if (!CODE_LIKE.test(q)) return ranked;
  const code = (p: P) => (p.code ?? '').toLowerCase();
  const exact = ranked.filter((p) => code(p) === q);
  const close = ranked.filter((p) => code(p) !== q && (code(p).startsWith(q) || titleInitials(p).startsWith(q)));
  return exact.length || close.length ? [...exact, ...close] : ranked;
}
