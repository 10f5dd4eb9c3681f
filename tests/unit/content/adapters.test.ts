// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADAPTERS, pickAdapter } from '../../../entrypoints/chat-script/adapters';
import { CHAT_MATCHES, SITE_MATCHES } from '../../../scripts-library/sites';
import { ChatScript, sendButtonOf } from '../../../entrypoints/chat-script/chat-script';
import { findSendButtonNear } from '../../../entrypoints/chat-script/dom';

const adaptersDir = join(__dirname, '../../../entrypoints/chat-script/adapters');
const fixturesDir = join(__dirname, '../../fixtures/adapters');
const SUPPORT_FILES = ['types.ts', 'index.ts'];
const load = (id: string) => {
  document.body.textContent = '';
  // Fixtures are our own static files; DOMParser keeps page-like markup out of any HTML-string sink.
  const parsed = new DOMParser().parseFromString(readFileSync(join(fixturesDir, `${id}.html`), 'utf8'), 'text/html');
  document.body.append(...parsed.body.childNodes);
};
beforeEach(() => {
  document.body.textContent = '';
});

describe('adapter registry (meta)', () => {
  const files = readdirSync(adaptersDir).filter((f) => f.endsWith('.ts') && !SUPPORT_FILES.includes(f));

  it('registers every adapter file, with the id equal to the file name', () => {
    expect(ADAPTERS.map((a) => `${a.id}.ts`).sort()).toEqual(files.sort());
  });

  it.each(ADAPTERS.map((a) => a.id))('%s has a fixture page', (id) => {
    expect(readdirSync(fixturesDir)).toContain(`${id}.html`);
  });

  it('only serves pages the content script is injected into (the local demo console only in the e2e build)', () => {
    for (const a of ADAPTERS) for (const m of a.matches) if (!SITE_MATCHES.local.includes(m as never)) expect(CHAT_MATCHES).toContain(m);
    expect(CHAT_MATCHES.filter((m) => (SITE_MATCHES.local as readonly string[]).includes(m))).toEqual([]); // this run is a production build
  });
});

describe('pickAdapter', () => {
  it.each([
    ['https://mms.pinduoduo.com/chat-merchant/index.html#/', 'pinduoduo'],
    ['https://im.jinritemai.com/pc_seller_v2/main/workspace', 'doudian'],
    ['https://dongdong.jd.com/', 'jd'],
    ['https://qn.taobao.com/home.htm/app-customer-service/toolpage/Message', 'taobao'],
    ['https://myseller.taobao.com/home.htm', 'taobao'],
    ['http://127.0.0.1:8080/anything.html', 'generic'],
  ])('%s → %s', (url, id) => {
    expect(pickAdapter(url, document).id).toBe(id);
  });

  it('recognises the demo console by its marker on localhost, any port', () => {
    load('demo');
    expect(pickAdapter('http://localhost:5173/index.html', document).id).toBe('demo');
    expect(pickAdapter('http://127.0.0.1:40111/', document).id).toBe('demo');
  });
});

/** Every adapter against its saved fixture page: the reply box it must find and the buyer it must name. */
const ON_FIXTURE: [string, string, { id?: string; name?: string } | null][] = [
  ['pinduoduo', 'textarea#replyTextarea', { id: '88123456', name: '小美爱购物' }],
  ['doudian', "textarea[data-qa-id='qa-send-message-textarea']", { name: '抖音用户123' }],
  ['jd', '.editor', null],
  ['taobao', 'textarea.reply', null],
  ['demo', '[data-role="reply-box"]', { id: 'b1002', name: '阿强_2019' }],
  ['generic', '#chat-box', null],
];

describe('each adapter on its fixture', () => {
  it('(meta) every registered adapter is tested on its fixture below', () => {
    expect(ON_FIXTURE.map(([id]) => id).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
  });

  it.each(ON_FIXTURE)('%s finds the reply box and the buyer', (id, selector, buyer) => {
    load(id);
    const adapter = ADAPTERS.find((a) => a.id === id)!;
    const agent = new ChatScript(adapter, document);
    expect(agent.replyBox().el).toBe(document.querySelector(selector));
    expect(agent.status()).toMatchObject({ site: id, hasInput: true, buyer });
    expect(agent.status().notice).toBeUndefined();
  });

  it('degrades to generic mode with a notice when a site selector stops matching', () => {
    load('taobao'); // a page without PDD's #replyTextarea
    const agent = new ChatScript(ADAPTERS.find((a) => a.id === 'pinduoduo')!, document);
    expect(agent.replyBox().el).toBe(document.querySelector('textarea.reply'));
    expect(agent.status()).toMatchObject({ site: 'pinduoduo', hasInput: true, notice: 'generic-fallback' });
  });

  it('never throws into the page when an adapter breaks', () => {
    load('demo');
    const broken = { ...ADAPTERS.find((a) => a.id === 'demo')!, currentBuyer: () => { throw new Error('page changed'); } };
    expect(new ChatScript(broken, document).status()).toMatchObject({ buyer: null, hasInput: true });
  });
});

/** What the unreplied-buyer countdown reads on each fixture: who wrote the last message, who the list marks unreplied. */
const WAITS: [string, 'buyer' | 'agent' | null, string[] | null][] = [
  ['pinduoduo', 'buyer', ['阿强']],
  ['doudian', 'buyer', null],
  ['demo', 'agent', ['小美爱购物']],
  ['jd', null, null],
  ['taobao', null, null],
  ['generic', null, null],
];

describe('the countdown\'s reads on each fixture', () => {
  it('(meta) every adapter is listed', () => {
    expect(WAITS.map(([id]) => id).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
  });
  it.each(WAITS)('%s: last message from %s, unreplied in the list: %j', (id, from, waiting) => {
    load(id);
    const adapter = ADAPTERS.find((a) => a.id === id)!;
    expect(adapter.lastMessageFrom?.(document) ?? null).toBe(from);
    expect(adapter.waitingBuyers?.(document).map((b) => b.name) ?? null).toEqual(waiting);
  });
});

/** The send button a held send also holds: the adapter's selector where it is known, else the 发送 label by the box. */
const SEND: [string, string][] = [
  ['pinduoduo', '.send-btn'],
  ['doudian', "[data-qa-id='qa-send-message-button']"],
  ['demo', '[data-role="send"]'],
  ['jd', 'a.btn-send'],
  ['taobao', 'button.send'],
  ['generic', '#send'],
];

describe('the send button on each fixture', () => {
  it('(meta) every adapter is listed', () => {
    expect(SEND.map(([id]) => id).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
  });
  it.each(SEND)('%s: %s', (id, selector) => {
    load(id);
    const adapter = ADAPTERS.find((a) => a.id === id)!;
    const box = new ChatScript(adapter, document).replyBox().el;
    expect(sendButtonOf(adapter, document, box)).toBe(document.querySelector(selector));
  });
});

describe('the 发送 label rule', () => {
  const html = (markup: string) => {
    document.body.append(...new DOMParser().parseFromString(markup, 'text/html').body.childNodes);
    return document.querySelector<HTMLElement>('textarea')!;
  };

  it('takes the nearest labelled control, not a 发送 further from the box', () => {
    const box = html('<div><button id="far">发送</button><div><div><textarea></textarea></div><button id="near">发 送</button></div></div>');
    expect(findSendButtonNear(box)?.id).toBe('near');
  });

  it('climbs from the label to the pointer-styled button, so a click on its padding counts', () => {
    const box = html('<div><textarea></textarea><div class="bar"><div id="btn" class="send" style="cursor:pointer"><span><em>发送</em></span></div></div></div>');
    expect(findSendButtonNear(box)?.id).toBe('btn'); // not the bar around it, which holds only the button
  });

  it('finds nothing where no control says 发送 (a tip such as 按Enter发送 is not one)', () => {
    const box = html('<div><textarea></textarea><span>按Enter发送</span><button>发送文件</button></div>');
    expect(findSendButtonNear(box)).toBeNull();
    expect(findSendButtonNear(null)).toBeNull();
  });

  it('looks again when the console re-renders its button', () => {
    const box = html('<div id="bar"><textarea></textarea><button id="first">发送</button></div>');
    expect(findSendButtonNear(box)?.id).toBe('first');
    document.getElementById('first')!.remove();
    const again = Object.assign(document.createElement('button'), { id: 'second', textContent: '发送' });
    document.getElementById('bar')!.append(again);
    expect(findSendButtonNear(box)).toBe(again);
  });
});

describe('generic rules', () => {
  const agent = () => new ChatScript(ADAPTERS.find((a) => a.id === 'generic')!, document);

  it('prefers the focused field, then the last focused one', () => {
    load('generic');
    const search = document.querySelector<HTMLInputElement>('input')!;
    search.focus();
    const a = agent();
    expect(a.replyBox().el).toBe(search);
    a.noteFocus(search);
    search.blur();
    expect(a.replyBox().el).toBe(search);
  });

  it('skips hidden and read-only fields and reports no input when none is left', () => {
    document.body.append(Object.assign(document.createElement('textarea'), { readOnly: true }));
    const hidden = document.createElement('div');
    hidden.hidden = true;
    hidden.append(document.createElement('textarea'));
    document.body.append(hidden);
    expect(agent().status()).toMatchObject({ hasInput: false, inputKind: 'none' });
  });

  it('finds the editing host of a nested contenteditable', () => {
    const host = document.createElement('div');
    host.contentEditable = 'true';
    const inner = document.createElement('p');
    host.append(inner);
    document.body.append(host);
    const a = agent();
    a.noteFocus(inner);
    expect(a.replyBox().el).toBe(host);
  });
});
