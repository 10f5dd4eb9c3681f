// @vitest-environment happy-dom
// The "/" picker against a reply box that re-renders its text into a new node after each edit, as React-based
// editors (Slate, Draft) do a moment after the input event: Enter must still replace the "/query" the agent sees.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SlashPicker, type PickerDeps } from '../../../entrypoints/chat-script/picker';
import type { SavedSelection } from '../../../entrypoints/chat-script/insert';
import type { PickerItem } from '../../../scripts-library/shared/protocol';
import { agentEventsAndClosedRoots, pageMade, shadowOf } from '../../helpers/page-side';

const STOCK: PickerItem = { id: 'stock-yes', title: '有货', body: '有货的亲', values: {}, suggested: {} };
const TRACKING: PickerItem = { id: 'tracking', title: '运单号', body: '您的运单号是{运单号}', values: {}, suggested: {} };

let box: HTMLDivElement;
beforeEach(() => {
  agentEventsAndClosedRoots();
  document.body.textContent = '';
  for (const host of document.querySelectorAll('kefu-slash-picker')) host.remove(); // a picker a test left open
  box = document.createElement('div');
  box.contentEditable = 'true';
  box.dataset.role = 'reply-box';
  document.body.append(box);
});

/** Type `text` as the editor would show it: one text node, the caret at its end, then the input event. */
function typeInto(picker: SlashPicker, text: string): void {
  box.replaceChildren(document.createTextNode(text));
  caretAtEnd();
  const input = new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text.slice(-1) });
  Object.defineProperty(input, 'target', { value: box });
  picker.onInput(input);
}

/** The editor's render: the same text in a fresh node, the caret put back at its end. */
function rerender(): void {
  box.replaceChildren(document.createTextNode(box.textContent ?? ''));
  caretAtEnd();
}

function caretAtEnd(): void {
  const range = document.createRange();
  range.setStart(box.firstChild!, (box.firstChild as Text).data.length);
  range.collapse(true);
  const sel = document.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
}

function makePicker(items: PickerItem[], buyer: { key?: string; name?: string } = {}) {
  const inserted: { text: string; replaced: string | null; inBox: boolean }[] = [];
  const deps: PickerDeps = {
    search: async () => items,
    buyerName: () => buyer.name,
    buyerKey: () => buyer.key,
    insert: async (_el, text, replace: SavedSelection | null) => {
      const range = replace?.kind === 'range' ? replace.range : null;
      inserted.push({ text, replaced: range ? range.toString() : null, inBox: !!range && box.contains(range.startContainer) });
      return { ok: true, method: 'paste' };
    },
    used: vi.fn(),
    remember: vi.fn(),
    saveDraft: vi.fn(),
    text: (key) => key,
  };
  return { picker: new SlashPicker(document, deps), inserted, deps };
}

const enter = () => new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });

describe('SlashPicker in a re-rendering editor', () => {
  it('Enter replaces "/query" in the node the editor shows now, not the one it showed at the input event', async () => {
    const { picker, inserted } = makePicker([STOCK]);
    typeInto(picker, '亲，/yh');
    await vi.waitFor(() => expect(document.querySelector('kefu-slash-picker')).not.toBeNull());
    rerender();
    expect(picker.onKeyDown(enter())).toBe(true);
    await vi.waitFor(() => expect(inserted).toHaveLength(1));
    expect(inserted[0]).toEqual({ text: '有货的亲', replaced: '/yh', inBox: true });
  });

  it('after the fill-in form, "/query" is found again in the re-rendered text', async () => {
    const { picker, inserted } = makePicker([TRACKING]);
    typeInto(picker, '亲，/yd');
    await vi.waitFor(() => expect(document.querySelector('kefu-slash-picker')).not.toBeNull());
    expect(picker.onKeyDown(enter())).toBe(true);
    const form = shadowOf('kefu-slash-picker')!.querySelector('form')!;
    form.querySelector<HTMLInputElement>('input[name="运单号"]')!.value = 'SF123';
    rerender(); // the editor rendered again while the agent filled in the form
    form.requestSubmit();
    await vi.waitFor(() => expect(inserted).toHaveLength(1));
    expect(inserted[0]).toEqual({ text: '您的运单号是SF123', replaced: '/yd', inBox: true });
  });

  it('a click or Enter made by the page\'s scripts neither picks a phrase nor stores the draft; the root is closed', async () => {
    const { picker, inserted, deps } = makePicker([STOCK]);
    typeInto(picker, '亲，周末发货 /yh');
    await vi.waitFor(() => expect(shadowOf('kefu-slash-picker')?.querySelector('[role="option"]')).toBeTruthy());
    expect(document.querySelector('kefu-slash-picker')!.shadowRoot).toBeNull();
    shadowOf('kefu-slash-picker')!.querySelector('[role="option"]')!.dispatchEvent(pageMade(new MouseEvent('click')));
    shadowOf('kefu-slash-picker')!.querySelector('[data-testid="picker-save-draft"]')!.dispatchEvent(pageMade(new MouseEvent('click')));
    await new Promise((r) => setTimeout(r, 20));
    expect(inserted).toEqual([]);
    expect(deps.saveDraft).not.toHaveBeenCalled();
    (shadowOf('kefu-slash-picker')!.querySelector('[data-testid="picker-save-draft"]') as HTMLElement).click(); // the agent's
    expect(deps.saveDraft).toHaveBeenCalledWith('亲，周末发货');
  });
});

const formOf = () => shadowOf('kefu-slash-picker')?.querySelector('form') ?? null;

describe('SlashPicker fill-in form and the buyer it was opened for (#29 item 1)', () => {
  it('remembers the typed order values under the buyer served when the form opened', async () => {
    const buyer = { key: 'demo|b1001', name: '小美' };
    const { picker, inserted, deps } = makePicker([TRACKING], buyer);
    typeInto(picker, '/yd');
    await vi.waitFor(() => expect(document.querySelector('kefu-slash-picker')).not.toBeNull());
    picker.onKeyDown(enter());
    formOf()!.querySelector<HTMLInputElement>('input[name="运单号"]')!.value = 'SF123';
    formOf()!.requestSubmit();
    await vi.waitFor(() => expect(inserted).toHaveLength(1));
    expect(deps.remember).toHaveBeenCalledWith({ 运单号: 'SF123' }, false, 'demo|b1001');
  });

  it('a buyer switch while the form is open closes it: nothing is inserted or remembered for the next buyer', async () => {
    const buyer = { key: 'demo|b1001', name: '小美' };
    const { picker, inserted, deps } = makePicker([TRACKING], buyer);
    typeInto(picker, '/yd');
    await vi.waitFor(() => expect(document.querySelector('kefu-slash-picker')).not.toBeNull());
    picker.onKeyDown(enter());
    formOf()!.querySelector<HTMLInputElement>('input[name="运单号"]')!.value = 'SF123';
    // The console now shows 阿强 (no click on our page: a console may switch by itself or by its own keys).
    buyer.key = 'demo|b1002';
    buyer.name = '阿强';
    picker.buyerChanged();
    expect(formOf()).toBeNull();
    expect(document.querySelector('kefu-slash-picker')).toBeNull();
    expect(inserted).toEqual([]);
    expect(deps.remember).not.toHaveBeenCalled();
  });

  it('a form submitted after the buyer changed (not yet told) inserts nothing and remembers nothing', async () => {
    const buyer = { key: 'demo|b1001', name: '小美' };
    const { picker, inserted, deps } = makePicker([TRACKING], buyer);
    typeInto(picker, '/yd');
    await vi.waitFor(() => expect(document.querySelector('kefu-slash-picker')).not.toBeNull());
    picker.onKeyDown(enter());
    const form = formOf()!;
    form.querySelector<HTMLInputElement>('input[name="运单号"]')!.value = 'SF123';
    buyer.key = 'demo|b1002';
    form.requestSubmit();
    await new Promise((r) => setTimeout(r, 20));
    expect(inserted).toEqual([]);
    expect(deps.remember).not.toHaveBeenCalled();
    expect(formOf()).toBeNull();
  });

  it('the list without a form stays open on a buyer check that finds the same buyer', async () => {
    const buyer = { key: 'demo|b1001', name: '小美' };
    const { picker } = makePicker([STOCK], buyer);
    typeInto(picker, '/yh');
    await vi.waitFor(() => expect(document.querySelector('kefu-slash-picker')).not.toBeNull());
    picker.buyerChanged();
    expect(picker.isOpen).toBe(true);
  });
});

describe('SlashPicker rows (#29 item 19)', () => {
  it('each row shows its phrase\'s shortcut code next to the title', async () => {
    const { picker } = makePicker([{ ...STOCK, code: 'yh' }, { ...TRACKING }]);
    typeInto(picker, '/y');
    const root = () => shadowOf('kefu-slash-picker');
    await vi.waitFor(() => expect(root()?.querySelectorAll('[role="option"]').length).toBe(2));
    const rows = [...root()!.querySelectorAll('[role="option"]')];
    expect(rows[0]!.querySelector('.code')?.textContent).toBe('/yh');
    expect(rows[0]!.querySelector('.title')?.textContent).toContain('有货');
    expect(rows[1]!.querySelector('.code')).toBeNull(); // no code, no empty badge
  });
});
