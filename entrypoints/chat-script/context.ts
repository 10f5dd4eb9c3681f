import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * WXT's context retires itself when a "content script started" event of its name reaches the document. The page
 * can dispatch that event too (its name holds only the public extension id), which switched the guard off (#30
 * S1). A newer chat script of ours starts only after the extension was reloaded or updated, and that leaves this
 * one orphaned (no runtime id): something a page cannot bring about. So the event is taken only then.
 */
export class ChatScriptContext extends ContentScriptContext {
  override verifyScriptStartedEvent(event: CustomEvent): boolean {
    return super.verifyScriptStartedEvent(event) && browser.runtime?.id == null;
  }
}
