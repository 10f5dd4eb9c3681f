/**
 * Releasing a held send (仍要发送, or a hold whose recheck passed), verified rather than assumed. A synthetic
 * click on a console's send button may do nothing at all: on 拼多多 a script-made `.click()` sent 0 of 13 replies
 * in a live run (../shared/research/consoles-evidence.md §1.1). So:
 * - where the console is known to ignore script-made sends, or no send button is known (the Enter path), the send
 *   is handed back to the agent at once: the focus goes to the reply box, the next real press of this draft
 *   passes the guard, and a note at the box says 「已放行，请再按一次发送」;
 * - elsewhere the button is clicked and the console's evidence awaited (the box no longer holds the draft, or
 *   one more of the agent's own rows) for up to {@link VERIFY_MS}; none → the same hand-back, with
 *   「没看到这条消息发出，请再按一次发送」. Nothing is lost: the draft stays in the box.
 */
import type { SiteAdapter } from './adapters/types';
import { readEditor } from './editor-text';
import { viewportRect } from './dom';

/** How long a released send is watched for the console's evidence that it went. */
export const VERIFY_MS = 1500;

export interface ReleaseDeps {
  adapter: Pick<SiteAdapter, 'ignoresScriptedSend' | 'agentMessageCount'>;
  /** The console's send button, if known. */
  button(): HTMLElement | null;
  /** The agent's next press of exactly this draft is let through by the guard. */
  passNext(text: string): void;
  text(key: string): string;
  waitMs?: number;
}

export type ReleaseOutcome = 'sent' | 'handed-back' | 'not-seen';

export async function releaseSend(box: HTMLElement, deps: ReleaseDeps): Promise<ReleaseOutcome> {
  const doc = box.ownerDocument;
  const draft = readEditor(box).text;
  const button = deps.adapter.ignoresScriptedSend ? null : deps.button();
  if (!button) {
    handBack(box, draft, deps, 'sendHandedBack');
    return 'handed-back';
  }
  const agentRows = () => {
    try {
      return deps.adapter.agentMessageCount?.(doc) ?? 0;
    } catch {
      return 0;
    }
  };
  const rowsBefore = agentRows();
  const went = () => readEditor(box).text.trim() !== draft.trim() || agentRows() > rowsBefore;
  button.click();
  const until = Date.now() + (deps.waitMs ?? VERIFY_MS);
  while (!went() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  if (went()) return 'sent';
  handBack(box, draft, deps, 'sendNotSeen');
  return 'not-seen';
}

function handBack(box: HTMLElement, draft: string, deps: ReleaseDeps, key: string): void {
  deps.passNext(draft);
  box.focus();
  showNoteAt(box, deps.text(key));
}

/**
 * A note right above the reply box (a closed shadow root, no clicks taken), gone once the agent types, presses a
 * key or clicks, or after 8 s.
 */
export function showNoteAt(box: HTMLElement, text: string): void {
  const doc = topDocument(box.ownerDocument);
  doc.querySelector('kefu-send-note')?.remove();
  const host = doc.createElement('kefu-send-note');
  const note = doc.createElement('div');
  note.setAttribute('role', 'status');
  note.textContent = text;
  const r = viewportRect(box);
  note.style.cssText =
    `position:fixed;z-index:2147483647;left:${Math.max(4, r.left)}px;top:${Math.max(4, r.top - 30)}px;pointer-events:none;padding:3px 10px;` +
    "border-radius:6px;background:#b45309;color:#fff;font:13px/1.5 system-ui,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;" +
    'box-shadow:0 2px 8px rgb(0 0 0 / .2)';
  host.attachShadow({ mode: 'closed' }).append(note);
  doc.documentElement.append(host);
  const docs = [...new Set([doc, box.ownerDocument])];
  const done = () => {
    host.remove();
    clearTimeout(timer);
    for (const d of docs) for (const type of ['input', 'keydown', 'mousedown']) d.removeEventListener(type, done, true);
  };
  const timer = setTimeout(done, 8000);
  for (const d of docs) for (const type of ['input', 'keydown', 'mousedown']) d.addEventListener(type, done, true);
}

/** The top window's document when it is reachable (a reply box in a same-origin frame), else the box's own. */
function topDocument(own: Document): Document {
  try {
    return own.defaultView?.top?.document ?? own;
  } catch {
    return own; // a cross-origin top window
  }
}
