// @vitest-environment happy-dom
// happy-dom has no document.execCommand, so these tests exercise the fallback strategies; the execCommand path
// is proven in real Chromium by tests/e2e/insert.e2e.ts.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render } from '@testing-library/react';
import { useState } from 'react';
import { insertText, saveSelection } from '../../../entrypoints/chat-script/insert';

beforeEach(() => {
  document.body.textContent = '';
});

function textarea(value: string) {
  const el = document.createElement('textarea');
  el.value = value;
  document.body.append(el);
  return el;
}

describe('textarea', () => {
  it('inserts at the caret, replacing the selection, caret after the text, line breaks kept', async () => {
    const el = textarea('亲，XXXX再见');
    el.setSelectionRange(2, 6);
    const events: string[] = [];
    el.addEventListener('input', (e) => events.push(`input:${(e as InputEvent).inputType}`));
    const result = await insertText(el, '您好\n欢迎光临');
    expect(result).toEqual({ ok: true, method: 'native-setter' });
    expect(el.value).toBe('亲，您好\n欢迎光临再见');
    expect([el.selectionStart, el.selectionEnd]).toEqual([9, 9]);
    expect(events).toEqual(['input:insertText']);
  });

  it('uses the caret saved before the agent clicked away', async () => {
    const el = textarea('abcdef');
    el.setSelectionRange(3, 3);
    const saved = saveSelection(el);
    el.setSelectionRange(0, 0); // the page moved the caret meanwhile
    await insertText(el, 'X', saved);
    expect(el.value).toBe('abcXdef');
  });

  it('turns line breaks into spaces in a single-line input', async () => {
    const input = document.createElement('input');
    document.body.append(input);
    await insertText(input, '第一行\r\n第二行');
    expect(input.value).toBe('第一行 第二行');
  });

  it('updates the state of a React-controlled textarea (what its send button reads)', async () => {
    let state = '';
    function Controlled() {
      const [v, setV] = useState('亲，');
      state = v;
      return <textarea data-testid="box" value={v} onChange={(e) => setV(e.target.value)} />;
    }
    const { getByTestId } = render(<Controlled />);
    const el = getByTestId('box') as HTMLTextAreaElement;
    el.setSelectionRange(2, 2);
    act(() => void insertText(el, '有货的'));
    expect(state).toBe('亲，有货的');
    expect(el.value).toBe('亲，有货的');
  });

  it('refuses read-only, disabled and missing fields', async () => {
    const ro = textarea('x');
    ro.readOnly = true;
    expect(await insertText(ro, 'y')).toEqual({ ok: false, reason: 'no-input' });
    expect(await insertText(null, 'y')).toEqual({ ok: false, reason: 'no-input' });
    expect(ro.value).toBe('x');
  });
});

describe('contenteditable', () => {
  function editable(...children: Node[]) {
    const el = document.createElement('div');
    el.contentEditable = 'true';
    el.append(...children);
    document.body.append(el);
    return el;
  }

  it('replaces the selection with text nodes and <br> line breaks, caret after', async () => {
    const text = document.createTextNode('亲，XX！');
    const el = editable(text);
    const range = document.createRange();
    range.setStart(text, 2);
    range.setEnd(text, 4);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    const onInput = vi.fn();
    el.addEventListener('input', onInput);

    expect(await insertText(el, '您好\n欢迎')).toEqual({ ok: true, method: 'range' });
    expect(el.textContent).toBe('亲，您好欢迎！');
    expect(el.querySelectorAll('br')).toHaveLength(1);
    expect([...el.childNodes].map((n) => n.nodeName)).toEqual(['#text', '#text', 'BR', '#text', '#text']);
    const caret = document.getSelection()!.getRangeAt(0);
    expect(caret.collapsed).toBe(true);
    expect(caret.startContainer).toBe(el);
    expect(el.childNodes[caret.startOffset - 1]?.textContent).toBe('欢迎');
    expect(onInput).toHaveBeenCalledOnce();
  });

  it('appends at the end when the caret is outside the editor', async () => {
    const el = editable(document.createTextNode('已有内容'));
    document.getSelection()!.removeAllRanges();
    await insertText(el, '+新');
    expect(el.textContent).toBe('已有内容+新');
  });

  it('never parses the text as HTML', async () => {
    const el = editable();
    await insertText(el, '<img src=x onerror=alert(1)>');
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
