/**
 * The chat script's UI sits in CLOSED shadow roots and acts only on the agent's own (trusted) events. In
 * happy-dom nothing is trusted (it has no isTrusted at all) and a closed root is out of reach, so the page-side
 * tests call these first: every event counts as the agent's unless made with `pageMade`, and the roots the
 * code under test attaches are kept for `shadowOf`.
 */
import { vi } from 'vitest';

const roots = new WeakMap<Element, ShadowRoot>();

export function agentEventsAndClosedRoots(): void {
  Object.defineProperty(Event.prototype, 'isTrusted', { configurable: true, get: () => true });
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  });
}

/** The shadow root (closed or open) the code under test attached to the first `host` element. */
export function shadowOf(host: string): ShadowRoot | null {
  const el = document.querySelector(host);
  return el ? (roots.get(el) ?? null) : null;
}

/** An event as a page script makes it: not trusted. */
export function pageMade<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: false });
  return e;
}
