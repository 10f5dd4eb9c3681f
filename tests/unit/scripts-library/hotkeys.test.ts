import { describe, expect, it } from 'vitest';
import { tallyHotkey } from '../../../scripts-library/tally/hotkeys';

const key = (code: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; isComposing: boolean }> = {}) =>
  tallyHotkey({ altKey: true, ctrlKey: false, metaKey: false, shiftKey: false, code, ...mods });

describe('tallyHotkey', () => {
  it('Alt+X counts a consult, Alt+C a sale, Shift takes one back', () => {
    expect(key('KeyX')).toEqual({ field: 'consults', delta: 1 });
    expect(key('KeyC')).toEqual({ field: 'conversions', delta: 1 });
    expect(key('KeyX', { shiftKey: true })).toEqual({ field: 'consults', delta: -1 });
  });
  it('leaves every other key, Ctrl/⌘ combinations and IME composition to the page', () => {
    expect(key('KeyV')).toBeNull();
    expect(key('KeyX', { altKey: false })).toBeNull();
    expect(key('KeyC', { ctrlKey: true })).toBeNull();
    expect(key('KeyC', { metaKey: true })).toBeNull();
    expect(key('KeyX', { isComposing: true })).toBeNull();
  });
});
