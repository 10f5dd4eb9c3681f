/** Small DOM helpers shared by adapters: which elements count as a reply box. */
import type { InputKind } from '../../../storage/protocol';

const TEXT_INPUT_TYPES = new Set(['text', 'search', '']);

/** The editing host of a contenteditable subtree (the outermost editable element), or null. */
export function editingHost(el: Element | null): HTMLElement | null {
  if (!el || !(el instanceof HTMLElement) || !el.isContentEditable) return null;
  let host: HTMLElement = el;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

/** What kind of text field `el` is, or 'none' when it cannot take typed text. */
export function inputKind(el: Element | null): InputKind {
  if (!el) return 'none';
  if (el instanceof HTMLTextAreaElement) return el.disabled || el.readOnly ? 'none' : 'textarea';
  if (el instanceof HTMLInputElement) {
    return TEXT_INPUT_TYPES.has(el.getAttribute('type')?.toLowerCase() ?? '') && !el.disabled && !el.readOnly
      ? 'input'
      : 'none';
  }
  // happy-dom and some engines leave isContentEditable false for detached nodes; check the attribute too.
  if (el instanceof HTMLElement && (el.isContentEditable || isEditableAttr(el))) return 'contenteditable';
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
      const box = asReplyBox(node);
      if (box && isShown(box)) return box;
    }
  }
  return null;
}
