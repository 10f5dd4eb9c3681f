// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADAPTERS, pickAdapter } from '../../../entrypoints/chat-script/adapters';
import { CHAT_MATCHES, SITE_MATCHES } from '../../../scripts-library/shared/sites';
import { ChatScript, sendButtonOf } from '../../../entrypoints/chat-script/chat-script';
import { findSendButtonNear } from '../../../entrypoints/chat-script/dom';

const adaptersDir = join(__dirname, '../../../entrypoints/chat-script/adapters');
const fixturesDir = join(__dirname, '../../fixtures/adapters');
const SUPPORT_FILES = ['types.ts', 'index.ts', 'read.ts'];
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
    ['https://im.kwaixiaodian.com/workbench', 'kuaishou'],
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

/** Every adapter against its evidence-shaped fixture page: the reply box it must find and the buyer it must name. */
const ON_FIXTURE: [string, string | null, { id?: string; name?: string } | null][] = [
  // The header's masked nick; the id from the open row's data-random (= [currentuid]), not the masked name.
  ['pinduoduo', 'textarea#replyTextarea', { id: '88123456', name: '小***物' }],
  ['doudian', "textarea[data-qa-id='qa-send-message-textarea']", { name: '抖音用户123' }],
  ['jd', '.EditorContent', { id: 'jd_buyer_77', name: 'jd_buyer_77' }],
  ['kuaishou', '.SendBox .ql-editor', { id: '52906', name: '阿花的小店铺' }],
  // A chat-record search page: no reply box to serve (live reception is in the 千牛 desktop client).
  ['taobao', null, null],
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
    expect(agent.replyBox().el).toBe(selector ? document.querySelector(selector) : null);
    expect(agent.status()).toMatchObject({ site: id, hasInput: selector !== null, buyer });
    expect(agent.status().notice).toBeUndefined();
  });

  it('degrades to generic mode with a notice when a site selector stops matching', () => {
    load('generic'); // a page without PDD's #replyTextarea
    const agent = new ChatScript(ADAPTERS.find((a) => a.id === 'pinduoduo')!, document);
    expect(agent.replyBox().el).toBe(document.querySelector('#chat-box'));
    expect(agent.status()).toMatchObject({ site: 'pinduoduo', hasInput: true, notice: 'generic-fallback' });
  });

  it('never throws into the page when an adapter breaks', () => {
    load('demo');
    const broken = { ...ADAPTERS.find((a) => a.id === 'demo')!, currentBuyer: () => { throw new Error('page changed'); } };
    expect(new ChatScript(broken, document).status()).toMatchObject({ buyer: null, hasInput: true });
  });
});

/**
 * What the countdown and the suggestions read on each fixture: who wrote the last message (system rows, robot
 * replies and goods cards skipped), the buyer's latest words, the unreplied buyers of the list (by id where the
 * list gives one: two buyers with the same masked nick stay two, one buyer in two groups stays one).
 */
const WAITS: [string, 'buyer' | 'agent' | null, string | null, { id?: string; name?: string }[] | null][] = [
  // The robot's reply (.cs-item.callback) is no agent reply: PDD's own timer keeps running after it.
  ['pinduoduo', 'buyer', '还有M码吗', [{ id: '6120', name: 'S*******n' }, { id: '7031', name: 'S*******n' }]],
  // The last wrapper is a system row (欢迎语): the buyer's 能发顺丰吗 before it is the last message.
  ['doudian', 'buyer', '能发顺丰吗', [{ name: '抖音用户5521' }]],
  ['jd', 'buyer', '这个是正品吗', [{ id: 'jd_wang2019', name: 'jd_wang2019' }]],
  ['kuaishou', 'buyer', '那今天能发吗', [{ name: '快手用户_33010' }, { name: '小鹿同学' }]],
  ['demo', 'agent', '快递到哪了？', [{ id: 'b1001', name: '小美爱购物' }]],
  ['taobao', null, null, null],
  ['generic', null, null, null],
];

describe('the countdown\'s reads on each fixture', () => {
  it('(meta) every adapter is listed', () => {
    expect(WAITS.map(([id]) => id).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
  });
  it.each(WAITS)('%s: last message from %s, latest buyer message %s, unreplied in the list: %j', (id, from, latest, waiting) => {
    load(id);
    const adapter = ADAPTERS.find((a) => a.id === id)!;
    expect(adapter.lastMessageFrom?.(document) ?? null).toBe(from);
    expect(adapter.latestBuyerMessage?.(document) ?? null).toBe(latest);
    expect(adapter.waitingBuyers?.(document) ?? null).toEqual(waiting);
  });
});

describe('the suggestions\' context on each fixture (#32)', () => {
  it.each(WAITS.filter(([, from]) => from))('%s: the recent messages end with the last message, buyer\'s and agent\'s, robot and system rows left out', (id, from, latest) => {
    load(id);
    const adapter = ADAPTERS.find((a) => a.id === id)!;
    const recent = adapter.recentMessages?.(document) ?? [];
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.length).toBeLessThanOrEqual(12);
    expect(recent.at(-1)!.from).toBe(from);
    expect(recent.findLast((m) => m.from === 'buyer')?.text).toBe(latest);
    for (const m of recent) expect(m.text.length).toBeLessThanOrEqual(300);
    expect(recent.every((m) => m.from === 'buyer' || m.from === 'agent')).toBe(true);
  });

  it('at most the last 12, each cut to 300 characters', () => {
    load('demo');
    const list = document.querySelector('[data-kefu-demo] [data-role="message"]')!.parentElement!;
    for (let i = 0; i < 20; i++) {
      const row = document.createElement('div');
      Object.assign(row.dataset, { role: 'message', from: i % 2 ? 'agent' : 'buyer' });
      const bubble = row.appendChild(document.createElement('span'));
      bubble.className = 'bubble';
      bubble.textContent = `${i}`.padEnd(400, '长');
      list.append(row);
    }
    const recent = ADAPTERS.find((a) => a.id === 'demo')!.recentMessages!(document);
    expect(recent).toHaveLength(12);
    expect(recent[11]!.text.startsWith('19')).toBe(true);
    expect(recent.every((m) => m.text.length === 300)).toBe(true);
  });
});

describe('robust reading', () => {
  it('飞鸽: the role is read from the bubble inside the wrapper, else from the row\'s flex direction (hashed classes)', () => {
    load('doudian');
    const adapter = ADAPTERS.find((a) => a.id === 'doudian')!;
    for (const bubble of document.querySelectorAll('.messageNotMe, .messageIsMe')) bubble.className = 'bubble_Zz9';
    expect(adapter.lastMessageFrom?.(document)).toBe('buyer');
    expect(adapter.latestBuyerMessage?.(document)).toBe('能发顺丰吗');
    document.querySelectorAll('[data-qa-id="qa-message-warpper"]')[3]!.remove(); // the buyer's last message goes
    expect(adapter.lastMessageFrom?.(document)).toBe('agent'); // row-reverse
  });

  it('a system row as the very last row never reads as the buyer', () => {
    load('jd');
    const adapter = ADAPTERS.find((a) => a.id === 'jd')!;
    const rows = document.querySelectorAll('#t-chat-scroll .message');
    rows[3]!.remove(); // the buyer's 这个是正品吗: the agent answered last, a system row follows
    expect(adapter.lastMessageFrom?.(document)).toBe('agent');
  });

  it('the time a waiting buyer wrote is read from the row where the console shows it', () => {
    const at = (id: string, now: Date) => {
      load(id);
      const t = ADAPTERS.find((a) => a.id === id)!.waitingSince?.(document, now.getTime());
      return t ? new Date(t) : null;
    };
    // PDD: the robot's reply does not end the wait; it runs from the buyer's 还有M码吗 (p.message-time).
    expect(at('pinduoduo', new Date(2026, 8, 8, 12, 45))).toEqual(new Date(2026, 8, 8, 12, 39, 0));
    expect(at('jd', new Date(2026, 8, 9, 14, 10))).toEqual(new Date(2026, 8, 9, 14, 2, 5));
    // 快手 prints no year: this year's 2-22 (18:56:03, the buyer's 那今天能发吗).
    expect(at('kuaishou', new Date(2027, 1, 22, 19, 0))).toEqual(new Date(2027, 1, 22, 18, 56, 3));
    // A time from the page more than a day old, or ahead of this clock, is not believed (the wait's start is unknown).
    expect(at('jd', new Date(2026, 8, 12, 9, 0))).toBeNull();
    expect(at('doudian', new Date())).toBeNull(); // 飞鸽 shows no time without hashed classes
  });
});

/** The send button a held send also holds: the adapter's selector where it is known, else the 发送 label by the box. */
const SEND: [string, string | null][] = [
  ['pinduoduo', '.reply-box .send-btn'],
  // Not the first toolbar icon of #im-input-box: the button labelled 发 送.
  ['doudian', "[data-qa-id='qa-send-message-button']"],
  ['jd', '.SendButtonGroup .send-button'],
  ['kuaishou', '.SendBox-buttonRight .ant-btn-primary'],
  ['demo', '[data-role="send"]'],
  ['taobao', null],
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
    expect(sendButtonOf(adapter, document, box)).toBe(selector ? document.querySelector(selector) : null);
  });

  it('飞鸽 without the qa-id: only a control labelled 发 送 is the send button, never a toolbar icon', () => {
    load('doudian');
    document.querySelector('[data-qa-id="qa-send-message-button"]')!.removeAttribute('data-qa-id');
    const adapter = ADAPTERS.find((a) => a.id === 'doudian')!;
    const box = new ChatScript(adapter, document).replyBox().el;
    expect(sendButtonOf(adapter, document, box)?.textContent).toBe('发 送');
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
