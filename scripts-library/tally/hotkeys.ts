/** Tally hotkeys, the same in the side panel and in the chat page: Alt+X 询单 +1, Alt+C 成交 +1, with Shift −1. */

export interface TallyHotkey {
  field: 'consults' | 'conversions';
  delta: 1 | -1;
}

export function tallyHotkey(e: { altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; code: string; isComposing?: boolean }): TallyHotkey | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return null;
  // `code`, not `key`: Alt+letter types other characters on some layouts (macOS: Alt+C is ç).
  const field = e.code === 'KeyX' ? 'consults' : e.code === 'KeyC' ? 'conversions' : null;
  return field ? { field, delta: e.shiftKey ? -1 : 1 } : null;
}
