import { describe, expect, it } from 'vitest';
import { pickerKey } from '../../../scripts-library/phrases/picker-state';

const list = { items: ['欢迎', '催付', '快递'], active: 0 };

describe('the "/" picker\'s keys', () => {
  it.each([
    ['ArrowDown', false, { action: 'move', active: 1 }],
    ['ArrowUp', false, { action: 'move', active: 2 }], // wraps to the last
    ['Enter', false, { action: 'pick', item: '欢迎' }],
    ['Tab', false, { action: 'pick', item: '欢迎' }],
    ['Enter', true, null], // Shift+Enter is a new line in the console
    ['Escape', false, { action: 'close' }],
    ['a', false, null],
  ])('%s (shift %s) → %j', (key, shift, expected) => {
    expect(pickerKey(list, key, shift)).toEqual(expected);
  });

  it('wraps from the last item down to the first', () => {
    expect(pickerKey({ ...list, active: 2 }, 'ArrowDown', false)).toEqual({ action: 'move', active: 0 });
  });

  it('leaves Enter and the arrows to the console when nothing matched', () => {
    const empty = { items: [], active: 0 };
    expect(pickerKey(empty, 'Enter', false)).toBeNull();
    expect(pickerKey(empty, 'ArrowDown', false)).toBeNull();
    expect(pickerKey(empty, 'Escape', false)).toEqual({ action: 'close' });
  });
});

describe('a 可能是 suggestion (#32: abstain rather than guess)', () => {
  const items = [{ id: 'a', maybe: true as const }, { id: 'b', maybe: true as const }];
  it('"/"+Enter inserts nothing while the agent has not chosen it', () => {
    expect(pickerKey({ items, active: 0 }, 'Enter', false)).toEqual({ action: 'hold' });
    expect(pickerKey({ items, active: 0 }, 'Tab', false)).toEqual({ action: 'hold' });
  });
  it('goes in once the agent moved to it with ↑/↓', () => {
    expect(pickerKey({ items, active: 1, moved: true }, 'Enter', false)).toEqual({ action: 'pick', item: items[1] });
  });
  it('a sure suggestion goes in with Enter as before', () => {
    expect(pickerKey({ items: [{ id: 'a' }], active: 0 }, 'Enter', false)).toEqual({ action: 'pick', item: { id: 'a' } });
  });
});
