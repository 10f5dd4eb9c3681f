/**
 * The "/" picker: typing "/" at a word start in the reply box opens a small list anchored to it; what follows
 * the "/" filters with the library's search; ↑/↓ move, Enter or Tab replace "/query" with the phrase, Esc closes
 * and leaves the text as typed. Nothing happens while an input method is composing (Chinese IME), and Enter
 * while composing is never taken.
 *
 * Plain DOM in an open shadow root (the page's styles cannot reach it and ours cannot leak out); every string
 * is set with textContent.
 */
import { findSlashTrigger, type SlashTrigger } from '../../scripts-library/phrases/slash-trigger';
import { fillPlaceholders } from '../../scripts-library/phrases/placeholders';
import { fillForm, formAnswer, type FillForm } from '../../scripts-library/phrases/fill-form';
import { readEditor, selectionFor } from './editor-text';
import { runPhraseFlow, type FormAnswer } from '../../scripts-library/phrases/phrase-flow';
import { pickerKey } from '../../scripts-library/phrases/picker-state';
import type { PickerItem } from '../../scripts-library/shared/protocol';
import { asReplyBox, isElementNode, isTextField, isTextNode, viewportRect } from './dom';
import type { InsertResult, SavedSelection } from './insert';
import { byAgent } from './trust';

export interface PickerDeps {
  search(query: string): Promise<PickerItem[]>;
  buyerName(): string | undefined;
  /** The served buyer's key (`site|buyer`, see placeholders.ts buyerKey): order values are remembered under it. */
  buyerKey?(): string | undefined;
  /** Whether this text went to the open buyer a moment ago (a phrase's other wording is taken instead). */
  sentRecently?(text: string): boolean;
  insert(el: HTMLElement, text: string, replace: SavedSelection | null, caret: number): Promise<InsertResult>;
  used(phraseId: string): void;
  /**
   * `saveShop`: the agent ticked 保存到设置 for shop-wide values (店铺名, 客服名). `buyer`: the buyer served when the
   * picker opened (never the one the console shows by the time the form is sent).
   */
  remember(values: Record<string, string>, saveShop: boolean, buyer: string | undefined): void;
  /** 存为短语: store the reply box's text (without the "/query") as a phrase; the caller says how it went. */
  saveDraft?(text: string): void;
  /** UI strings (browser.i18n in the content script). */
  text(key: 'pickerEmpty' | 'pickerFillHint' | 'rememberShop' | 'pickerSaveDraft' | 'pickerMaybe', sub?: string): string;
}

interface Open {
  el: HTMLElement;
  trigger: SlashTrigger;
  /** Where "/query" is: textarea offsets or the text node holding it. */
  at: { kind: 'text'; caret: number } | { kind: 'node'; node: Text; caret: number };
  items: PickerItem[];
  active: number;
  /** The agent moved with ↑/↓ since the list last changed (a 可能是 suggestion then goes in with Enter). */
  moved?: boolean;
  /** Enter was held on a 可能是 suggestion: the picker says why. */
  held?: boolean;
  /** The buyer served when the picker opened: its list and fill-in form belong to that buyer only. */
  buyer: string | undefined;
}

const STYLE = `
:host { all: initial; }
.box { position: fixed; z-index: 2147483647; width: 340px; max-height: 320px; overflow: auto; background: #fff;
  border: 1px solid #cbd5e1; border-radius: 8px; box-shadow: 0 8px 24px rgb(0 0 0 / .15);
  font: 13px/1.4 system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif; color: #1f2937; }
.item { padding: 6px 10px; cursor: pointer; border-bottom: 1px solid #f1f5f9; }
.item[aria-selected='true'] { background: #eff6ff; }
.title { font-weight: 600; }
.code { margin-left: 8px; font-weight: 400; color: #475569; font-family: ui-monospace, monospace; }
.body { color: #64748b; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.empty, .hint { padding: 6px 10px; color: #94a3b8; }
.save { padding: 6px 10px; color: #2563eb; cursor: pointer; }
form { padding: 8px 10px; display: flex; flex-direction: column; gap: 6px; }
button { align-self: flex-end; padding: 2px 12px; border: 1px solid #2563eb; background: #2563eb; color: #fff; border-radius: 4px; cursor: pointer; }
label { display: flex; gap: 6px; align-items: center; }
input[type='checkbox'] { flex: none; }
input, select { flex: 1; padding: 3px 6px; border: 1px solid #cbd5e1; border-radius: 4px; font: inherit; }
`;

export class SlashPicker {
  private host: HTMLElement | null = null;
  private box: HTMLElement | null = null;
  private open: Open | null = null;
  private composing = false;
  private seq = 0;
  /** Where the open fill-in form's answer goes (runPhraseFlow waits on it); null when the picker closes. */
  private answer: ((a: FormAnswer | null) => void) | null = null;

  constructor(
    private readonly doc: Document,
    private readonly deps: PickerDeps,
  ) {}

  get isOpen(): boolean {
    return this.open !== null;
  }

  onCompositionStart(): void {
    this.composing = true;
  }

  onCompositionEnd(e: Event): void {
    this.composing = false;
    this.onInput(e); // the committed text may complete a trigger ("/快递")
  }

  /** After every edit: open, update or close the picker. */
  onInput(e: Event): void {
    if (this.composing || (e as InputEvent).isComposing) return;
    if (this.host && e.composedPath().includes(this.host)) return; // typing in our own fill-in form
    const el = asReplyBox(isElementNode(e.target) ? e.target : null);
    const state = el && this.caretContext(el);
    const trigger = state && findSlashTrigger(state.text, state.at.caret);
    if (!el || !state || !trigger) return this.close();
    const seq = ++this.seq;
    const buyer = this.deps.buyerKey?.();
    const same = this.open?.el === el && this.open.buyer === buyer;
    this.open = { el, trigger, at: state.at, items: same ? this.open!.items : [], active: 0, buyer };
    void this.deps.search(trigger.query).then(
      (items) => {
        if (seq !== this.seq || !this.open) return; // a newer keystroke already asked again
        this.open.items = items;
        this.open.active = 0;
        this.open.moved = false;
        this.render();
      },
      () => this.close(),
    );
  }

  /** Keys while open. Returns true when the key was ours (the caller then stops it from reaching the page). */
  onKeyDown(e: KeyboardEvent): boolean {
    if (!this.open || this.composing || e.isComposing || e.keyCode === 229) return false;
    // A key in our own fill-in form (its root is closed: from outside, the event comes from the host).
    const origin = e.composedPath()[0] as Node | undefined;
    if (origin === this.host || this.box?.querySelector('form')?.contains(origin ?? null)) return false;
    // The page may have changed the text without an input event (e.g. cleared it after sending).
    const state = this.caretContext(this.open.el);
    const trigger = state && findSlashTrigger(state.text, state.at.caret);
    if (!state || !trigger) {
      this.close();
      return false;
    }
    // Where "/query" is now: a React-based editor (Slate, Draft) re-renders a moment after the input event and
    // may put the text in a new node, so the node seen then can be out of the page by the time Enter comes.
    this.open.at = state.at;
    this.open.trigger = trigger;
    const result = pickerKey(this.open, e.key, e.shiftKey);
    if (result?.action === 'move') {
      this.open.active = result.active;
      this.open.moved = true;
      this.render();
    } else if (result?.action === 'hold') {
      this.open.held = true;
      this.render();
    } else if (result?.action === 'pick') {
      this.pick(result.item);
    } else if (result?.action === 'close') {
      this.close();
    }
    return result !== null;
  }

  /**
   * The console may have switched to another buyer: a list or fill-in form opened for the previous one closes, so
   * one buyer's order values (运单号…) never go to the next.
   */
  buyerChanged(): void {
    if (this.open && this.open.buyer !== this.deps.buyerKey?.()) this.close();
  }

  close(): void {
    const give = this.answer;
    this.answer = null;
    give?.(null);
    this.open = null;
    this.seq++;
    this.host?.remove();
    this.host = null;
    this.box = null;
  }

  /** A row was taken: the one phrase flow (phrase-flow.ts runPhraseFlow), with this picker's form and the page's memory of sends. */
  private pick(item: PickerItem): void {
    const open = this.open;
    if (!open) return;
    const buyer = this.deps.buyerName();
    void runPhraseFlow(
      { id: item.id, body: item.body, ...(item.variants ? { variants: item.variants } : {}), turn: item.turn ?? 0 },
      {
        known: { ...item.values, ...(buyer ? { 买家: buyer } : {}) },
        // Order values (运单号, 金额…) are always confirmed: a remembered one is only this buyer's suggestion.
        suggested: item.suggested,
        givenRecently: (text) => this.deps.sentRecently?.(text) ?? false,
        ask: (step) => this.askValues(fillForm(step)),
        // Sent after the console switched buyer (before we were told): these values are not the new buyer's.
        stillServing: () => (this.buyerChanged(), this.open === open),
        remember: async ({ typed, saveShop }) => this.deps.remember(typed, saveShop, open.buyer),
        insert: (text, caret) => this.insertAt(open, text, caret ?? text.length),
        countUse: async (id) => this.deps.used(id),
      },
    );
  }

  /** Replace "/query" with the text (the picker closes first); true when it landed. */
  private async insertAt(open: Open, text: string, caret: number): Promise<boolean> {
    const { el, trigger, at } = open;
    let replace: SavedSelection | null;
    if (at.kind === 'text') {
      replace = { kind: 'text', el: el as HTMLTextAreaElement, start: trigger.start, end: at.caret };
    } else {
      // After the fill-in form the editor may have re-rendered: "/query" is then looked up again in its text
      // (gone: the phrase goes where the caret is).
      const range = el.ownerDocument.createRange();
      range.setStart(at.node, trigger.start);
      range.setEnd(at.node, at.caret);
      replace = el.contains(at.node) ? { kind: 'range', el, range } : lastOccurrence(el, `/${trigger.query}`);
    }
    this.close();
    el.focus(); // back from the fill-in form, if there was one
    return (await this.deps.insert(el, text, replace, caret)).ok;
  }

  /** The fill-in form in the picker's box; resolves with what was typed, or null when the picker closed first. */
  private askValues(model: FillForm): Promise<FormAnswer | null> {
    if (!this.box) return Promise.resolve(null);
    const answered = new Promise<FormAnswer | null>((resolve) => (this.answer = resolve));
    const form = this.doc.createElement('form');
    const inputs = model.fields.map((field, i) => {
      const label = this.doc.createElement('label');
      const span = this.doc.createElement('span');
      span.textContent = field.name;
      const input = field.kind === 'menu' ? this.menu(field.options, form) : Object.assign(this.doc.createElement('input'), { maxLength: field.maxLength });
      input.name = field.name;
      input.value = field.initial;
      if (i === 0) queueMicrotask(() => input.focus());
      label.append(span, input);
      form.append(label);
      return input;
    });
    // Shop-wide values typed here can go to settings, so the next greeting does not ask again.
    let saveShop: HTMLInputElement | undefined;
    if (model.offersSaveShop) {
      const label = this.doc.createElement('label');
      saveShop = this.doc.createElement('input');
      saveShop.type = 'checkbox';
      saveShop.checked = true;
      saveShop.name = 'saveShop';
      const span = this.doc.createElement('span');
      span.textContent = this.deps.text('rememberShop');
      label.append(saveShop, span);
      form.append(label);
    }
    const hint = this.doc.createElement('div');
    hint.className = 'hint';
    hint.textContent = this.deps.text('pickerFillHint');
    // A submit button also makes Enter submit a form with several fields (implicit submission).
    const submit = this.doc.createElement('button');
    submit.type = 'submit';
    submit.textContent = '↵';
    form.append(hint, submit);
    form.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.isComposing || e.keyCode === 229) return;
      if (e.key === 'Escape') this.close();
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const answer = formAnswer(model, Object.fromEntries(inputs.map((input) => [input.name, input.value])), saveShop?.checked ?? false);
      if (!answer) return;
      const give = this.answer;
      this.answer = null;
      give?.(answer);
    });
    this.box.replaceChildren(form);
    if (this.open) this.place(this.box, this.open.el);
    return answered;
  }

  /** A choice list of the fill-in form (`{快递公司=顺丰/中通}`); Enter on it inserts, as in a text field. */
  private menu(options: readonly string[], form: HTMLFormElement): HTMLSelectElement {
    const select = this.doc.createElement('select');
    for (const o of options) {
      const option = this.doc.createElement('option');
      option.value = o;
      option.textContent = o;
      select.append(option);
    }
    select.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || e.isComposing || !byAgent(e)) return;
      e.preventDefault();
      form.requestSubmit();
    });
    return select;
  }

  /** The text around the caret: a textarea's value, or the text node the caret is in. */
  private caretContext(el: HTMLElement): { text: string; at: Open['at'] } | null {
    if (isTextField(el)) {
      if (el.selectionStart === null || el.selectionStart !== el.selectionEnd) return null;
      return { text: el.value, at: { kind: 'text', caret: el.selectionStart } };
    }
    const sel = el.ownerDocument.getSelection();
    const node = sel?.rangeCount ? sel.getRangeAt(0) : null;
    if (!node?.collapsed || !isTextNode(node.startContainer) || !el.contains(node.startContainer)) return null;
    return { text: node.startContainer.data, at: { kind: 'node', node: node.startContainer, caret: node.startOffset } };
  }

  private render(): void {
    const open = this.open;
    if (!open) return;
    if (!this.host) {
      this.host = this.doc.createElement('kefu-slash-picker');
      const root = this.host.attachShadow({ mode: 'closed' }); // out of the page's scripts' reach
      const style = this.doc.createElement('style');
      style.textContent = STYLE;
      this.box = this.doc.createElement('div');
      this.box.className = 'box';
      this.box.setAttribute('role', 'listbox');
      // Keep the focus (and the caret) in the reply box when the list is clicked.
      this.box.addEventListener('mousedown', (e) => {
        if (!(e.target instanceof HTMLInputElement)) e.preventDefault();
      });
      root.append(style, this.box);
      this.doc.documentElement.append(this.host);
    }
    const box = this.box!;
    if (box.querySelector('form')) return; // the fill-in form is showing
    const rows = open.items.map((item, i) => {
      const row = this.doc.createElement('div');
      row.className = 'item';
      row.setAttribute('role', 'option');
      row.setAttribute('aria-selected', String(i === open.active));
      row.dataset.phraseId = item.id;
      const title = this.doc.createElement('div');
      title.className = 'title';
      title.textContent = item.title;
      if (item.code) {
        const code = this.doc.createElement('span');
        code.className = 'code';
        code.textContent = `/${item.code}`;
        title.append(code);
      }
      const body = this.doc.createElement('div');
      body.className = 'body';
      body.textContent = fillPlaceholders(item.body, item.values).text;
      row.append(title, body);
      row.addEventListener('click', (e) => {
        if (byAgent(e)) this.pick(item);
      });
      return row;
    });
    if (rows.length && open.items[0]?.maybe) {
      // Not sure of these: said before the rows, and louder once an Enter was held.
      const hint = this.doc.createElement('div');
      hint.className = 'hint';
      hint.dataset.testid = 'picker-maybe';
      if (open.held) hint.setAttribute('role', 'alert');
      hint.textContent = this.deps.text('pickerMaybe');
      rows.unshift(hint);
    }
    if (!rows.length) {
      const empty = this.doc.createElement('div');
      empty.className = 'empty';
      empty.textContent = this.deps.text('pickerEmpty');
      rows.push(empty);
    }
    const save = this.saveRow(open);
    box.replaceChildren(...rows, ...(save ? [save] : []));
    box.querySelector('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' });
    this.place(box, open.el);
  }

  /** 存为短语, when the reply box holds words besides "/query" (a phrase is at most 500 characters). */
  private saveRow(open: Open): HTMLElement | null {
    const saveDraft = this.deps.saveDraft;
    const draft = this.draftBesides(open).trim();
    if (!saveDraft || !draft || [...draft].length > 500) return null;
    const row = this.doc.createElement('div');
    row.className = 'save';
    row.setAttribute('role', 'button');
    row.dataset.testid = 'picker-save-draft';
    const shown = [...draft];
    row.textContent = this.deps.text('pickerSaveDraft', shown.length > 14 ? `${shown.slice(0, 14).join('')}…` : draft);
    row.addEventListener('click', (e) => {
      if (!byAgent(e)) return; // the page's scripts never store a phrase
      this.close();
      saveDraft(draft);
    });
    return row;
  }

  /** The reply box's text without the "/query" being typed. */
  private draftBesides({ el, trigger, at }: Open): string {
    if (at.kind === 'text') {
      const value = (el as HTMLTextAreaElement).value;
      return value.slice(0, trigger.start) + value.slice(at.caret);
    }
    const full = readEditor(el).text;
    const query = at.node.data.slice(trigger.start, at.caret);
    const k = full.lastIndexOf(query);
    return k < 0 ? full : full.slice(0, k) + full.slice(k + query.length);
  }

  /** Above the reply box (chat inputs sit at the bottom of the page), or below when there is no room. */
  private place(box: HTMLElement, el: HTMLElement): void {
    const r = viewportRect(el);
    const height = Math.min(box.scrollHeight || 200, 320);
    const above = r.top - height - 4;
    box.style.left = `${Math.max(4, r.left)}px`;
    box.style.top = `${above >= 4 ? above : r.bottom + 4}px`;
  }
}

/** The last place `typed` stands in the editor's text, as a selection to replace. */
function lastOccurrence(el: HTMLElement, typed: string): SavedSelection | null {
  const start = readEditor(el).text.lastIndexOf(typed);
  return start < 0 ? null : selectionFor(el, start, start + typed.length);
}
