// @vitest-environment happy-dom
// #30 S1: the page can dispatch WXT's "content script started" event (its name holds only the public extension
// id). The chat script's context takes it only once the extension was reloaded, which a page cannot cause.
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ChatScriptContext } from '../../../entrypoints/chat-script/context';

const made: ContentScriptContext[] = [];
const context = <T extends ContentScriptContext>(c: T): T => (made.push(c), c);
afterEach(() => {
  for (const c of made.splice(0)) c.abort();
});

describe('ChatScriptContext', () => {
  it('a "started" event while the extension is alive (what a page can send) leaves it running', () => {
    const ctx = context(new ChatScriptContext('chat-script'));
    // The same event a page can dispatch: WXT's own context would retire on it.
    const plain = context(new ContentScriptContext('chat-script'));
    context(new ContentScriptContext('chat-script'));
    expect(plain.signal.aborted).toBe(true);
    expect(ctx.signal.aborted).toBe(false);
    expect(ctx.isValid).toBe(true);
  });

  it('a newer chat script after an extension reload retires the orphaned one', () => {
    const ctx = context(new ChatScriptContext('chat-script'));
    const id = fakeBrowser.runtime.id;
    try {
      (fakeBrowser.runtime as { id?: string }).id = undefined; // this script's extension is gone
      context(new ChatScriptContext('chat-script'));
      expect(ctx.signal.aborted).toBe(true);
    } finally {
      (fakeBrowser.runtime as { id?: string }).id = id;
    }
  });
});
