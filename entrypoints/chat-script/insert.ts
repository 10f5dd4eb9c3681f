/**
 * The one insertion path: put text at the caret of a reply box, replacing the selection, as if the agent had
 * typed it. The side panel, the "/" picker and the guard's 替换 all come here. A strategy per editor family:
 *
 * - textarea / input (plain, React- or Vue-controlled) and plain contenteditable: `execCommand('insertText')`
 *   first. It goes through the browser's editing pipeline, so the page gets trusted `input` events, React/Vue
 *   state updates and the page's undo stack records the insertion (toolchain-probe.md §6); the native value
 *   setter and DOM ranges are the fallbacks where execCommand is unavailable or refused.
 * - rich editors that keep their own model (Lexical, Slate, Draft.js, Quill, ProseMirror/TipTap): execCommand
 *   only changes their DOM, and what their send button sends is the model, so the text would be lost. They all
 *   take a paste: the selection is set, the editor is given the moment it needs to read it into its model, then
 *   a `paste` event with the text as `text/plain` goes to it (Slate: an `insertFromPaste` `beforeinput`, see
 *   below). Each editor inserts it through its own model (line breaks become its paragraphs, its own undo
 *   history records it). An editor that does not take the paste gets the browser path instead.
 */
import type { InputKind } from '../../scripts-library/shared/protocol';
import { inputKind, isElementNode, isTextArea, isTextField, isTextNode } from './dom';

export type InsertResult =
  | { ok: true; method: 'execCommand' | 'native-setter' | 'range' | 'paste' }
  | { ok: false; reason: 'no-input' | 'failed'; detail?: string };

/** Editor families with a strategy of their own. */
export type EditorFamily = 'text-field' | 'contenteditable' | 'lexical' | 'slate' | 'draft' | 'quill' | 'prosemirror';

/**
 * Which editor a reply box belongs to, from the markers each editor puts on its editable root (the content
 * script runs in an isolated world and cannot see the page's editor objects, only its DOM).
 */
export function editorFamily(el: HTMLElement): EditorFamily {
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'INPUT') return 'text-field';
  if (el.closest('[data-lexical-editor]')) return 'lexical';
  if (el.closest('[data-slate-editor]')) return 'slate';
  if (el.closest('.DraftEditor-root')) return 'draft';
  if (el.closest('.ql-editor')) return 'quill';
  if (el.closest('.ProseMirror')) return 'prosemirror';
  return 'contenteditable';
}

const RICH = new Set<EditorFamily>(['lexical', 'slate', 'draft', 'quill', 'prosemirror']);

/**
 * Slate reads the DOM selection into its model at most every 100 ms (a throttle), and not at all while it puts
 * its own selection back after a render: a caret moved right after an insert waits that long.
 */
const SLATE_SELECTION_THROTTLE_MS = 110;

const ownEvents = new WeakSet<Event>();
/** Events this module dispatched (the agent does not treat them as the agent's typing). */
export const isOwnEvent = (e: Event) => ownEvents.has(e);

/** Where the caret was in a reply box when the agent left it (the side panel takes focus away). */
export type SavedSelection =
  | { kind: 'text'; el: HTMLTextAreaElement | HTMLInputElement; start: number; end: number }
  | { kind: 'range'; el: HTMLElement; range: Range };

/** Remember the caret of `el` so an insert after a focus change lands where the agent was typing. */
export function saveSelection(el: HTMLElement): SavedSelection | null {
  if (isTextField(el)) {
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
export async function insertText(
  el: HTMLElement | null,
  text: string,
  saved?: SavedSelection | null,
  caret?: number,
): Promise<InsertResult> {
  const family = el && inputKind(el) === 'contenteditable' ? editorFamily(el) : null;
  if (el && family && RICH.has(family)) {
    try {
      return await insertIntoRichEditor(el, text, saved, caret, family);
    } catch (err) {
      return { ok: false, reason: 'failed', detail: err instanceof Error ? err.message : String(err) };
    }
  }
  return insertPlain(el, text, saved, caret);
}

function insertPlain(el: HTMLElement | null, text: string, saved?: SavedSelection | null, caret?: number): InsertResult {
  if (caret !== undefined && caret < text.length && el) {
    // Insert in two parts and put the caret back between them: the browser's own caret handling (and undo)
    // stays in charge, whatever the editor's DOM looks like.
    const head = text.slice(0, caret);
    const first = head ? insertPlain(el, head, saved) : { ok: true as const, method: 'execCommand' as const };
    if (!first.ok) return first;
    const mark = saveSelection(el);
    const second = insertPlain(el, text.slice(caret), mark);
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
  // The prototype of the element's own realm (a reply box in an iframe has that frame's prototypes).
  const view = el.ownerDocument.defaultView ?? window;
  const proto = isTextArea(el) ? view.HTMLTextAreaElement.prototype : view.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
}

/**
 * Where to insert in a contenteditable: the agent's saved caret, else the current one inside it, else its end.
 * `deep`: a collapsed caret between blocks (or after the last one) is moved into the nearest line, where a click
 * would put it; rich editors need that, such a caret is outside every node of their model.
 */
function targetRange(el: HTMLElement, sel: Selection, saved?: SavedSelection | null, deep = false): Range {
  let range: Range | undefined;
  if (saved?.kind === 'range' && saved.el === el && el.contains(saved.range.commonAncestorContainer)) range = saved.range.cloneRange();
  else if (sel.rangeCount > 0 && el.contains(sel.getRangeAt(0).commonAncestorContainer)) range = sel.getRangeAt(0).cloneRange();
  if (!range) {
    range = el.ownerDocument.createRange();
    range.selectNodeContents(el);
    range.collapse(false);
  }
  if (deep && range.collapsed && !isTextNode(range.startContainer)) {
    const { startContainer: box, startOffset: at } = range;
    if (at < box.childNodes.length && box.childNodes[at]!.nodeName !== 'BR') caretAtEdge(range, box.childNodes[at]!, 'start');
    else if (at > 0) caretAtEdge(range, box.childNodes[at - 1]!, 'end');
  }
  return range;
}

/** Put a collapsed `range` at the start or end of the text inside `node` (before a trailing <br>). */
function caretAtEdge(range: Range, node: Node, edge: 'start' | 'end'): void {
  const next = (n: Node) => (edge === 'start' ? n.firstChild : n.lastChild);
  while (next(node) && next(node)!.nodeName !== 'BR') node = next(node)!;
  if (isTextNode(node)) range.setStart(node, edge === 'start' ? 0 : node.data.length);
  else if (node.nodeName === 'BR') range.setStartBefore(node);
  else if (edge === 'end' && node.lastChild) range.setStartBefore(node.lastChild); // before the <br> of an empty line
  else range.setStart(node, 0);
  range.collapse(true);
}

function insertIntoContentEditable(el: HTMLElement, raw: string, saved?: SavedSelection | null): InsertResult {
  const doc = el.ownerDocument;
  const sel = doc.getSelection();
  if (!sel) return { ok: false, reason: 'failed', detail: 'no selection object' };
  // Restore the agent's caret; if it is not inside this editor, insert at the end rather than somewhere random.
  // (Chosen before focusing: focus() alone puts the caret at the start.)
  const range = targetRange(el, sel, saved);
  el.focus();
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

/** One macrotask (a MessageChannel hop: unlike timers it is not slowed down in background tabs). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

const sameRange = (a: Range, b: Range) =>
  a.startContainer === b.startContainer && a.startOffset === b.startOffset && a.endContainer === b.endContainer && a.endOffset === b.endOffset;

/**
 * Select `range` and give the editor the moment it needs to take the selection into its model: the browser
 * reports a selection change as a task (`selectionchange`), and the editors read it then.
 */
async function selectForEditor(doc: Document, sel: Selection, range: Range, focused: boolean): Promise<void> {
  if (!focused && sel.rangeCount > 0 && sameRange(sel.getRangeAt(0), range)) return; // the model already has it
  const changed = new Promise<void>((resolve) => {
    const done = () => {
      doc.removeEventListener('selectionchange', done);
      resolve();
    };
    doc.addEventListener('selectionchange', done);
    void nextTask().then(nextTask).then(done); // no event when the browser saw no change
  });
  sel.removeAllRanges();
  sel.addRange(range);
  await changed;
  await nextTask();
}

async function insertIntoRichEditor(
  el: HTMLElement,
  raw: string,
  saved: SavedSelection | null | undefined,
  caret: number | undefined,
  family: EditorFamily,
): Promise<InsertResult> {
  const text = raw.replace(/\r\n?/g, '\n');
  const doc = el.ownerDocument;
  const sel = doc.getSelection();
  if (!sel) return { ok: false, reason: 'failed', detail: 'no selection object' };
  // Chosen before focusing (focus() alone puts the caret at the start); if the editor did not have the focus,
  // it must be given the moment to read the selection even when the caret happens to be where it was.
  const range = targetRange(el, sel, saved, true);
  const hadFocus = el.contains(doc.activeElement);
  el.focus();
  const data = new DataTransfer();
  data.setData('text/plain', text);
  let taken = false;
  let rendered: Promise<void> | undefined;
  if (family === 'slate') {
    // Slate reads the DOM selection into its model at the start of every `beforeinput` (for input methods and
    // extensions that set the selection right before), so it takes the text as an `insertFromPaste`; through its
    // selection listener alone it would take up to 100 ms (a throttle) to see the new selection. That read is
    // skipped while a render of Slate's is pending or it is putting back its own selection after one: the
    // selection is given a task to settle, set again, and also sent as the event's target range (what the
    // browser gives a real paste), which Slate takes even while it restores its own.
    await selectForEditor(doc, sel, range, true);
    sel.removeAllRanges();
    sel.addRange(range);
    const targetRanges = typeof StaticRange === 'function' ? [new StaticRange(range)] : [];
    const input = new InputEvent('beforeinput', { inputType: 'insertFromPaste', dataTransfer: data, targetRanges, bubbles: true, cancelable: true, composed: true });
    ownEvents.add(input);
    rendered = afterRender(el);
    taken = !target(sel, el).dispatchEvent(input);
  }
  if (!taken) {
    await selectForEditor(doc, sel, range, !hadFocus);
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
    rendered = afterRender(el); // from here on: the paste's own change, not the selection's
    taken = !target(sel, el).dispatchEvent(paste);
  }
  if (!taken) {
    // Nobody took the paste (not the editor we thought): the browser's own editing is the next best thing.
    return insertIntoContentEditable(el, text, sel.rangeCount ? { kind: 'range', el, range: sel.getRangeAt(0) } : null);
  }
  // Editors write their DOM at different moments (Quill and ProseMirror at once, Lexical in a microtask, the
  // React-based ones when React renders): wait until it shows the text, so the caret and what the guard reads
  // next are right.
  await rendered;
  if (caret !== undefined && caret < text.length) {
    // Slate ignores selection changes while it restores its own selection after a render, then throttles.
    if (family === 'slate') await new Promise((resolve) => setTimeout(resolve, SLATE_SELECTION_THROTTLE_MS));
    moveCaretBack(sel, text.slice(caret));
  }
  return { ok: true, method: 'paste' };
}

/**
 * Resolves one task after the first change to `el`'s DOM from now (or after `timeout` ms when nothing changes).
 */
export function afterRender(el: HTMLElement, timeout = 150): Promise<void> {
  return new Promise((resolve) => {
    const view = el.ownerDocument.defaultView ?? window;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      observer.disconnect();
      view.clearTimeout(timer);
      void nextTask().then(resolve);
    };
    const observer = new view.MutationObserver(finish);
    observer.observe(el, { childList: true, characterData: true, subtree: true });
    const timer = view.setTimeout(finish, timeout);
  });
}

/** The element at the caret, where an editor expects its input events. */
function target(sel: Selection, el: HTMLElement): Element {
  const anchor = sel.anchorNode;
  return isElementNode(anchor) ? anchor : (anchor?.parentElement ?? el);
}

/** Move the caret back over `tail` (one step per grapheme; a line break is one step), as the arrow key would. */
function moveCaretBack(sel: Selection, tail: string): void {
  const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  const steps = segmenter ? [...segmenter.segment(tail)].length : [...tail].length;
  for (let i = 0; i < steps; i++) sel.modify('move', 'backward', 'character');
}
