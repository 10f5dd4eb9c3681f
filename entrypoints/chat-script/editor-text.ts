/**
 * The reply box's text as one string, and a way back from string offsets to the editor: a textarea's value, or
 * for a contenteditable its text nodes with <br> and block boundaries read as line breaks (as the page's send
 * usually reads innerText).
 */
import type { SavedSelection } from './insert';
import { isHtmlElement, isTextField, isTextNode } from './dom';

interface Segment {
  node: Text;
  start: number;
}

const BLOCK = /^(DIV|P|LI|H[1-6]|BLOCKQUOTE|PRE)$/;

export function readEditor(el: HTMLElement): { text: string; segments: Segment[] } {
  if (isTextField(el)) return { text: el.value, segments: [] };
  let text = '';
  const segments: Segment[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (isTextNode(child)) {
        segments.push({ node: child, start: text.length });
        text += child.data;
      } else if (isHtmlElement(child) && child.tagName === 'BR') {
        text += '\n';
      } else if (isHtmlElement(child)) {
        const block = BLOCK.test(child.tagName);
        if (block && text && !text.endsWith('\n')) text += '\n';
        walk(child);
      }
    }
  };
  walk(el);
  return { text, segments };
}

/** A selection covering [start, end) of the editor's text, for the insertion module to replace. */
export function selectionFor(el: HTMLElement, start: number, end: number): SavedSelection | null {
  if (isTextField(el)) return { kind: 'text', el, start, end };
  const { segments } = readEditor(el);
  const locate = (offset: number) => {
    for (const s of segments) if (offset >= s.start && offset <= s.start + s.node.data.length) return { node: s.node, at: offset - s.start };
    return null;
  };
  const a = locate(start);
  const b = locate(end);
  if (!a || !b) return null;
  const range = el.ownerDocument.createRange();
  range.setStart(a.node, a.at);
  range.setEnd(b.node, b.at);
  return { kind: 'range', el, range };
}
