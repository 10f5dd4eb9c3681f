/** The "/" picker's list as pure state: which suggestion is active and what a key does to it. */

export interface PickerList<T> {
  items: readonly T[];
  active: number;
}

export type PickerKeyResult<T> =
  | { action: 'move'; active: number }
  | { action: 'pick'; item: T }
  | { action: 'close' }
  /** Not the picker's key: let it reach the page. */
  | null;

/**
 * What a key does while the list is open: ↑/↓ move (wrapping), Enter/Tab pick the active item (never with
 * Shift, and never on an empty list: the key then goes to the console as typed), Esc closes.
 */
export function pickerKey<T>(list: PickerList<T>, key: string, shiftKey: boolean): PickerKeyResult<T> {
  const n = list.items.length;
  switch (key) {
    case 'ArrowDown':
    case 'ArrowUp':
      if (!n) return null;
      return { action: 'move', active: (list.active + (key === 'ArrowDown' ? 1 : n - 1)) % n };
    case 'Enter':
    case 'Tab': {
      const item = list.items[list.active];
      return item === undefined || shiftKey ? null : { action: 'pick', item };
    }
    case 'Escape':
      return { action: 'close' };
    default:
      return null;
  }
}
