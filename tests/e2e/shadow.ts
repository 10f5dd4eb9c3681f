/**
 * The chat script's own UI (badge, picker, toast, countdown pill) lives in CLOSED shadow roots, so neither the
 * page's scripts nor Playwright's selectors reach into it. Tests reach it through the DevTools protocol, which
 * sees closed roots (DOM.getDocument with pierce), and act on it the way the agent does: clicks with the real
 * mouse and keys from the real keyboard (trusted events; a script's .click() is ignored by the chat script).
 *
 * `shadow(page, 'kefu-guard', '[role="dialog"]')` reads like Playwright's `page.locator('kefu-guard [role="dialog"]')`
 * and has the few Locator methods the tests use.
 */
import type { CDPSession, Page } from 'playwright-core';

type Step = { css: string } | { hasText: string } | { nth: number };

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function session(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

interface DomNode {
  localName?: string;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** The shadow roots (closed ones too) of the elements named `host` in the page's top document. */
async function rootsOf(page: Page, host: string): Promise<string[]> {
  const cdp = await session(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const found: number[] = [];
  const walk = (n: DomNode) => {
    if (n.localName === host && n.shadowRoots?.length) found.push(n.shadowRoots[0]!.backendNodeId);
    for (const c of n.children ?? []) walk(c);
  };
  walk(root);
  const ids: string[] = [];
  for (const backendNodeId of found) {
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId });
    if (object.objectId) ids.push(object.objectId);
  }
  return ids;
}

// Runs with `this` = a shadow root: the elements the steps select, then one operation on them.
const RUN = `function (steps, op, arg) {
  let els = [this];
  for (const s of steps) {
    if ('css' in s) els = els.flatMap((e) => [...e.querySelectorAll(s.css)]);
    else if ('hasText' in s) els = els.filter((e) => (e.textContent || '').includes(s.hasText));
    else els = els[s.nth] ? [els[s.nth]] : [];
  }
  if (op === 'count') return els.length;
  const el = els[0];
  if (!el) return { missing: true };
  switch (op) {
    case 'text': return { value: el.textContent };
    case 'attr': return { value: el.getAttribute(arg) };
    case 'value': return { value: el.value };
    case 'rect': {
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      return r.width && r.height ? { value: { x: r.left + r.width / 2, y: r.top + r.height / 2 } } : { missing: true };
    }
    case 'focus': el.focus(); if (typeof el.select === 'function') el.select(); return { value: true };
    case 'select':
      el.value = arg;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return { value: true };
    /*EVAL*/
  }
  throw new Error('unknown op ' + op);
}`;

export class ShadowLocator {
  constructor(
    private readonly page: Page,
    private readonly host: string,
    private readonly steps: readonly Step[],
  ) {}

  locator(css: string, options: { hasText?: string } = {}): ShadowLocator {
    const steps: Step[] = [...this.steps, { css }];
    if (options.hasText !== undefined) steps.push({ hasText: options.hasText });
    return new ShadowLocator(this.page, this.host, steps);
  }

  filter({ hasText }: { hasText: string }): ShadowLocator {
    return new ShadowLocator(this.page, this.host, [...this.steps, { hasText }]);
  }

  nth(n: number): ShadowLocator {
    return new ShadowLocator(this.page, this.host, [...this.steps, { nth: n }]);
  }

  first(): ShadowLocator {
    return this.nth(0);
  }

  private async run(op: string, arg?: unknown): Promise<unknown> {
    const cdp = await session(this.page);
    let count = 0;
    let missing: unknown = { missing: true };
    for (const objectId of await rootsOf(this.page, this.host)) {
      const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
        objectId,
        // evaluate(fn): the test's function goes into the declaration (no eval in the page, whatever its CSP)
        functionDeclaration: op === 'eval' ? RUN.replace('/*EVAL*/', `case 'eval': return { value: (${String(arg)})(el) };`) : RUN,
        arguments: [{ value: this.steps }, { value: op }, { value: arg }],
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(`${this.host} ${JSON.stringify(this.steps)}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      if (op === 'count') count += result.value as number;
      else if (!(result.value as { missing?: boolean }).missing) return result.value;
      else missing = result.value;
    }
    return op === 'count' ? count : missing;
  }

  /** Like Playwright: an operation on one element waits for it (up to 15 s). */
  private async one<T>(op: string, arg?: unknown): Promise<T> {
    const until = Date.now() + 15_000;
    for (;;) {
      const r = (await this.run(op, arg)) as { missing?: boolean; value?: T };
      if (!r.missing) return r.value as T;
      if (Date.now() > until) throw new Error(`no element for ${this.host} ${JSON.stringify(this.steps)} (${op})`);
      await this.page.waitForTimeout(50);
    }
  }

  async count(): Promise<number> {
    return (await this.run('count')) as number;
  }

  textContent(): Promise<string | null> {
    return this.one('text');
  }

  getAttribute(name: string): Promise<string | null> {
    return this.one('attr', name);
  }

  inputValue(): Promise<string> {
    return this.one('value');
  }

  evaluate<T, E extends Element = Element>(fn: (el: E) => T): Promise<T> {
    return this.one('eval', fn.toString());
  }

  /** A real mouse click in the middle of the element (a trusted event, as the agent's). */
  async click(): Promise<void> {
    const { x, y } = await this.one<{ x: number; y: number }>('rect');
    await this.page.mouse.click(x, y);
  }

  /** Focus the field and type over what it holds, from the keyboard. */
  async fill(value: string): Promise<void> {
    await this.one('focus');
    if (value) await this.page.keyboard.insertText(value);
    else await this.page.keyboard.press('Delete');
  }

  async press(key: string): Promise<void> {
    await this.one('focus');
    await this.page.keyboard.press(key);
  }

  async selectOption(value: string): Promise<void> {
    await this.one('select', value);
  }
}

/** Elements inside the closed shadow root of `host` (e.g. 'kefu-guard'), like `page.locator(`${host} ${css}`)`. */
export function shadow(page: Page, host: string, css: string): ShadowLocator {
  return new ShadowLocator(page, host, [{ css }]);
}

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { frameId?: string; type?: string };
}

/**
 * When each chat script started in the page's top frame and how long its start held the page: read in the
 * extension's isolated world (the page's own scripts cannot see it), summed over every such world (an update
 * starts a new chat script beside the orphaned one).
 */
export async function chatScriptStarts(page: Page): Promise<{ at: number; ms: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context as ExecutionContext));
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const ours = contexts.filter((c) => c.auxData?.frameId === frameTree.frame.id && c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'));
    const starts: { at: number; ms: number }[] = [];
    for (const c of ours) {
      const { result } = await cdp.send('Runtime.evaluate', { contextId: c.id, expression: 'globalThis.__kefuChatScriptStarts ?? []', returnByValue: true });
      starts.push(...((result.value as { at: number; ms: number }[] | undefined) ?? []));
    }
    return starts;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
