/**
 * The one insertion path: put text at the caret of a reply box, replacing the selection, as if the agent had
 * typed it. Rich-editor strategies (Draft.js, Slate, Lexical, Quill, ProseMirror) arrive with their own issue
 * and plug in here.
 *
 * Why execCommand first: it goes through the browser's editing pipeline, so the page gets trusted
 * `beforeinput`/`input` events, React/Vue state updates, and the page's undo stack records the insertion
 * (measured in shared/research/toolchain-probe.md §6). The fallbacks exist for engines or pages where
 * execCommand is unavailable or is refused.
 */
import type { InputKind } from '../../storage/protocol';
import { inputKind } from './adapters/dom';

export type InsertResult =
  | { ok: true; method: 'execCommand' | 'native-setter' | 'range' }
  | { ok: false; reason: 'no-input' | 'failed'; detail?: string };

/** Where the caret was in a reply box when the agent left it (the side panel takes focus away). */
export type SavedSelection =
  | { kind: 'text'; el: HTMLTextAreaElement | HTMLInputElement; start: number; end: number }
  | { kind: 'range'; el: HTMLElement; range: Range };

/** Remember the caret of `el` so an insert after a focus change lands where the agent was typing. */
export function saveSelection(el: HTMLElement): SavedSelection | null {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    return { kind: 'text', el, start: el.selectionStart ?? el.value.length, end: el.selectionEnd ?? el.value.length };
  }
  const sel = el.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  return el.contains(range.commonAncestorContainer) ? { kind: 'range', el, range: range.cloneRange() } : null;
}

/** Put a saved caret back (after the text around it changed, a saved Range has moved with it). */
export function restoreSelection(saved: SavedSelection): void {
  if (saved.kind === 'text') {
    saved.el.setSelectionRange(saved.start, saved.end);
    return;
  }
  const sel = saved.el.ownerDocument.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(saved.range);
}

/**
 * Insert `text` into `el` at the saved caret (or the current one; or the end when the caret is elsewhere).
 * Line breaks are kept (single-line inputs get spaces), the caret ends up after the text, and the page hears
 * the same events typing would fire.
 */
export function insertText(
  el: HTMLElement | null,
  text: string,
  saved?: SavedSelection | null,
  caret?: number,
): InsertResult {
  if (caret !== undefined && caret < text.length && el) {
    // Insert in two parts and put the caret back between them: the browser's own caret handling (and undo)
    // stays in charge, whatever the editor's DOM looks like.
    const head = text.slice(0, caret);
    const first = head ? insertText(el, head, saved) : { ok: true as const, method: 'execCommand' as const };
    if (!first.ok) return first;
    const mark = saveSelection(el);
    const second = insertText(el, text.slice(caret), mark);
    if (second.ok && mark) restoreSelection(mark);
    return second;
  }
  const kind: InputKind = inputKind(el);
  if (!el || kind === 'none') return { ok: false, reason: 'no-input' };
  try {
    if (kind === 'textarea' || kind === 'input') {
      return insertIntoTextField(el as HTMLTextAreaElement | HTMLInputElement, kind, text, saved);
    }
    return insertIntoContentEditable(el, text, saved);
  } catch (err) {
    return { ok: false, reason: 'failed', detail: err instanceof Error ? err.message : String(err) };
  }
}

function insertIntoTextField(
  el: HTMLTextAreaElement | HTMLInputElement,
  kind: 'textarea' | 'input',
  raw: string,
  saved?: SavedSelection | null,
): InsertResult {
  const text = kind === 'input' ? raw.replace(/\r?\n/g, ' ') : raw.replace(/\r\n?/g, '\n');
  const before = el.value;
  let start = el.selectionStart ?? before.length;
  let end = el.selectionEnd ?? before.length;
  if (saved?.kind === 'text' && saved.el === el) ({ start, end } = saved);
  start = Math.min(start, before.length);
  end = Math.min(Math.max(end, start), before.length);
  const expected = before.slice(0, start) + text + before.slice(end);

  el.focus();
  el.setSelectionRange(start, end);
  const doc = el.ownerDocument;
  if (typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text) && el.value === expected) {
    return { ok: true, method: 'execCommand' };
  }
  // Fallback: the prototype's value setter (so React's value tracker sees a change) + the events typing fires.
  if (el.value !== before) setNativeValue(el, before); // undo a partial execCommand before redoing it cleanly
  setNativeValue(el, expected);
  const caret = start + text.length;
  el.setSelectionRange(caret, caret);
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  return { ok: true, method: 'native-setter' };
}

function setNativeValue(el: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
}

function insertIntoContentEditable(el: HTMLElement, raw: string, saved?: SavedSelection | null): InsertResult {
  const doc = el.ownerDocument;
  const sel = doc.getSelection();
  if (!sel) return { ok: false, reason: 'failed', detail: 'no selection object' };
  el.focus();
  // Restore the agent's caret; if it is not inside this editor, insert at the end rather than somewhere random.
  let range: Range;
  if (saved?.kind === 'range' && saved.el === el && el.contains(saved.range.commonAncestorContainer)) {
    range = saved.range.cloneRange();
  } else if (sel.rangeCount > 0 && el.contains(sel.getRangeAt(0).commonAncestorContainer)) {
    range = sel.getRangeAt(0).cloneRange();
  } else {
    range = doc.createRange();
    range.selectNodeContents(el);
    range.collapse(false);
  }
  sel.removeAllRanges();
  sel.addRange(range);

  // Line by line: insertText for text, insertLineBreak between lines (a <br>, what Shift+Enter gives in chat
  // boxes). Where the browser refuses a step, that step is done by hand with nodes (never HTML strings).
  const canExec = typeof doc.execCommand === 'function';
  let method: 'execCommand' | 'range' = 'execCommand';
  for (const [i, line] of raw.replace(/\r\n?/g, '\n').split('\n').entries()) {
    if (i > 0 && !(canExec && doc.execCommand('insertLineBreak'))) {
      insertNodeAtSelection(sel, doc.createElement('br'));
      method = 'range';
    }
    if (line && !(canExec && doc.execCommand('insertText', false, line))) {
      insertNodeAtSelection(sel, doc.createTextNode(line));
      method = 'range';
    }
  }
  if (method === 'range') el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: raw }));
  return { ok: true, method };
}

function insertNodeAtSelection(sel: Selection, node: Node): void {
  const range = sel.getRangeAt(0);
  range.deleteContents();
  range.insertNode(node);
  range.setStartAfter(node);
  range.collapse(true);
  sel.removeAllRanges();
  sel.addRange(range);
}
