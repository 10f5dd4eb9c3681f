/** Small DOM helpers shared by adapters: which elements count as a reply box. */
import type { InputKind } from '../../scripts-library/shared/protocol';

const TEXT_INPUT_TYPES = new Set(['text', 'search', '']);

/*
 * Type checks by node type and tag name, not `instanceof`: a reply box inside a same-origin iframe belongs to
 * that frame's realm, where our HTMLTextAreaElement is not its HTMLTextAreaElement.
 */
export const isElementNode = (n: unknown): n is Element => !!n && typeof n === 'object' && (n as Node).nodeType === 1;
export const isTextNode = (n: unknown): n is Text => !!n && typeof n === 'object' && (n as Node).nodeType === 3;
export const isHtmlElement = (n: unknown): n is HTMLElement => isElementNode(n) && 'isContentEditable' in n;
export const isTextArea = (n: unknown): n is HTMLTextAreaElement => isElementNode(n) && n.tagName === 'TEXTAREA';
export const isInputElement = (n: unknown): n is HTMLInputElement => isElementNode(n) && n.tagName === 'INPUT';
export const isTextField = (n: unknown): n is HTMLTextAreaElement | HTMLInputElement => isTextArea(n) || isInputElement(n);

/** The document of an `<iframe>`/`<frame>` element when it is same-origin (the browser gives null otherwise). */
export function frameDocument(el: Element): Document | null {
  return el.tagName === 'IFRAME' || el.tagName === 'FRAME' ? ((el as HTMLIFrameElement).contentDocument ?? null) : null;
}

/** The documents of the same-origin frames inside `doc` (nested ones too); cross-origin frames are skipped. */
export function sameOriginFrames(doc: Document): Document[] {
  const out: Document[] = [];
  for (const frame of doc.querySelectorAll('iframe, frame')) {
    const inner = frameDocument(frame);
    if (inner) out.push(inner, ...sameOriginFrames(inner));
  }
  return out;
}

/** `el`'s box in the TOP window's viewport (adds the offsets of the frames it sits in). */
export function viewportRect(el: Element): DOMRect {
  const r = el.getBoundingClientRect();
  let { left, top } = r;
  let win: Window | null = el.ownerDocument.defaultView;
  while (win && win.frameElement) {
    const frame = win.frameElement.getBoundingClientRect();
    left += frame.left + win.frameElement.clientLeft;
    top += frame.top + win.frameElement.clientTop;
    win = win.parent === win ? null : win.parent;
  }
  return new DOMRect(left, top, r.width, r.height);
}

/** The editing host of a contenteditable subtree (the outermost editable element), or null. */
export function editingHost(el: Element | null): HTMLElement | null {
  if (!isHtmlElement(el) || !el.isContentEditable) return null;
  let host: HTMLElement = el;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

/** What kind of text field `el` is, or 'none' when it cannot take typed text. */
export function inputKind(el: Element | null): InputKind {
  if (!el) return 'none';
  if (isTextArea(el)) return el.disabled || el.readOnly ? 'none' : 'textarea';
  if (isInputElement(el)) {
    return TEXT_INPUT_TYPES.has(el.getAttribute('type')?.toLowerCase() ?? '') && !el.disabled && !el.readOnly
      ? 'input'
      : 'none';
  }
  // happy-dom and some engines leave isContentEditable false for detached nodes; check the attribute too.
  if (isHtmlElement(el) && (el.isContentEditable || isEditableAttr(el))) return 'contenteditable';
  return 'none';
}

function isEditableAttr(el: HTMLElement): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && v.toLowerCase() !== 'false';
}

/** Normalise a focused element to the element text is inserted into (the editing host for contenteditable). */
export function asReplyBox(el: Element | null): HTMLElement | null {
  const kind = inputKind(el);
  if (kind === 'none') return null;
  if (kind === 'contenteditable') return editingHost(el) ?? (el as HTMLElement);
  return el as HTMLElement;
}

/** Rendered and not hidden (a reply box behind display:none is not the one the agent sees). */
export function isShown(el: HTMLElement): boolean {
  if (!el.isConnected || el.closest('[hidden]')) return false;
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  return !style || (style.display !== 'none' && style.visibility !== 'hidden');
}

/** The first shown element matching any selector, in the order given. */
export function firstShown(doc: Document, selectors: readonly string[]): HTMLElement | null {
  for (const selector of selectors) {
    let nodes: NodeListOf<HTMLElement>;
    try {
      nodes = doc.querySelectorAll<HTMLElement>(selector);
    } catch {
      continue; // an invalid selector must never throw into the page
    }
    for (const node of nodes) {
      const box = asReplyBox(node.tagName === 'IFRAME' ? frameEditor(node) : node);
      if (box && isShown(box)) return box;
    }
  }
  return null;
}

/** A selector may name a same-origin frame that holds the editor: its editable body, or the field inside it. */
function frameEditor(frame: Element): Element | null {
  const doc = frameDocument(frame);
  if (!doc?.body) return null;
  if (doc.body.isContentEditable) return doc.body;
  return doc.querySelector('textarea, [contenteditable="true"], [contenteditable=""]');
}

/** 发送, 发 送, 发送(S), 发送 (Enter) — the label consoles put on their send button. */
const SEND_LABEL = /^发\s*送(?:\s*[(（][^)）]{0,12}[)）])?$/;
const CONTROLS = 'button, [role="button"], input[type="submit"], input[type="button"], a[href]';
const sendNear = new WeakMap<HTMLElement, HTMLElement>();

const labelOf = (el: HTMLElement) =>
  ((el instanceof HTMLInputElement ? el.value : el.textContent) ?? '').trim() || (el.getAttribute('aria-label') ?? el.title ?? '').trim();

/**
 * The generic fallback for a console whose send button no public source names (PDD, JD 咚咚, 千牛 web): the
 * nearest shown control labelled 发送 around the reply box. Scopes widen one ancestor at a time (at most
 * `levels`), so the input area's button wins over any 发送 further away; a button element beats a bare
 * div/span at the same level.
 * The answer is kept per reply box while it stays connected and shown.
 */
export function findSendButtonNear(box: HTMLElement | null, levels = 5): HTMLElement | null {
  if (!box) return null;
  const known = sendNear.get(box);
  if (known?.isConnected && isShown(known)) return known;
  let scope = box.parentElement;
  for (let i = 0; scope && i < levels; i++, scope = scope.parentElement) {
    const found = sendIn(scope, box);
    if (found) {
      sendNear.set(box, found);
      return found;
    }
  }
  return null;
}

function sendIn(scope: HTMLElement, box: HTMLElement): HTMLElement | null {
  const usable = (el: HTMLElement) => !box.contains(el) && !el.contains(box) && isShown(el) && SEND_LABEL.test(labelOf(el));
  const control = [...scope.querySelectorAll<HTMLElement>(CONTROLS)].find(usable);
  if (control) return control;
  let leaf = [...scope.querySelectorAll<HTMLElement>('div, span, a, i, em')].find((el) => el.childElementCount <= 1 && usable(el));
  if (!leaf) return null;
  for (let inner = leaf.firstElementChild; inner instanceof HTMLElement && usable(inner); inner = inner.firstElementChild) leaf = inner;
  // From the label up, the outermost element still labelled 发送 that shows the pointer is the button (a click
  // on its padding counts); a bar that merely holds it shows no pointer and is not taken.
  const pointer = (el: HTMLElement) => el.ownerDocument.defaultView?.getComputedStyle(el).cursor === 'pointer';
  let button = leaf;
  for (let up = leaf.parentElement; up && up !== scope && usable(up); up = up.parentElement) if (pointer(up)) button = up;
  return button;
}
