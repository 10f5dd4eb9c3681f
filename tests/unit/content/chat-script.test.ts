// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { ChatScript } from '../../../entrypoints/chat-script/chat-script';
import { demo } from '../../../entrypoints/chat-script/adapters/demo';
import { ChatStatusSchema, type WaitConfig } from '../../../scripts-library/shared/protocol';
import { WaitWatch } from '../../../entrypoints/chat-script/wait-watch';

beforeEach(() => {
  document.body.textContent = '';
  const root = document.createElement('div');
  root.setAttribute('data-kefu-demo', '');
  const conv = document.createElement('li');
  Object.assign(conv.dataset, { role: 'conversation', buyerId: 'b1', buyerName: '小美' });
  conv.setAttribute('aria-selected', 'true');
  const box = document.createElement('textarea');
  box.dataset.role = 'reply-box';
  const msg = document.createElement('li');
  Object.assign(msg.dataset, { role: 'message', from: 'buyer' });
  const bubble = document.createElement('span');
  bubble.className = 'bubble';
  bubble.textContent = '还有M码吗';
  msg.append(bubble);
  root.append(conv, msg, box);
  document.body.append(root);
});

describe('ChatScript', () => {
  it('answers a status request with the site, reply box kind and buyer', async () => {
    expect(await new ChatScript(demo, document).handle({ type: 'chat/get-status' })).toEqual({
      site: 'demo',
      hasInput: true,
      inputKind: 'textarea',
      buyer: { id: 'b1', name: '小美' },
      lastBuyerMessage: '还有M码吗',
      // The open conversation's messages so far, the suggestions' context (#32).
      recentMessages: [{ from: 'buyer', text: '还有M码吗' }],
    });
  });

  it('inserts into the reply box at the caret the agent left', async () => {
    const agent = new ChatScript(demo, document);
    const box = document.querySelector('textarea')!;
    box.value = '亲，';
    box.focus();
    box.setSelectionRange(2, 2);
    agent.noteFocus(box);
    agent.noteSelection();
    box.blur();
    expect(await agent.handle({ type: 'chat/insert', text: '有货' })).toMatchObject({ ok: true });
    expect(box.value).toBe('亲，有货');
  });

  it('takes a new wait limit pushed by the background to its countdown, and marks a wait whose start it did not see (#29 item 9)', async () => {
    const agent = new ChatScript(demo, document);
    const configs: WaitConfig[] = [];
    const wait = new WaitWatch(document, {
      adapter: demo,
      replyBox: () => document.querySelector('textarea'),
      config: () => new Promise(() => {}),
      record: () => {},
      overdue: () => {},
      changed: () => {},
      atLeast: (n) => `≥ ${n}`,
    });
    wait.setConfig = (c) => void configs.push(c);
    agent.wait = wait;
    wait.look(); // 小美's message was there before the first look
    expect(await agent.handle({ type: 'chat/wait-config', config: { limitSec: 30, notify: true } })).toEqual({ ok: true });
    expect(configs).toEqual([{ limitSec: 30, notify: true }]);
    expect(agent.status().waiting).toEqual([expect.objectContaining({ key: 'demo|b1', unknownStart: true })]);
    wait.close();
  });

  it('reports no-input when the page has no reply box', async () => {
    document.querySelector('textarea')!.remove();
    expect(await new ChatScript(demo, document).handle({ type: 'chat/insert', text: '有货' })).toEqual({ ok: false, reason: 'no-input' });
  });

  it('reports a status only when it changed', async () => {
    const agent = new ChatScript(demo, document);
    expect(agent.changedStatus()).not.toBeNull();
    expect(agent.changedStatus()).toBeNull();
    document.querySelector('li')!.dataset.buyerName = '阿强';
    expect(agent.changedStatus()?.buyer?.name).toBe('阿强');
  });

  it('a buyer name or id longer than the protocol carries is cut, and the status stays valid', async () => {
    const conv = document.querySelector('li')!;
    conv.dataset.buyerName = '名'.repeat(260);
    conv.dataset.buyerId = 'i'.repeat(500);
    const status = await new ChatScript(demo, document).handle({ type: 'chat/get-status' });
    expect(ChatStatusSchema.safeParse(status).success).toBe(true);
    expect(status).toMatchObject({ hasInput: true, buyer: { name: '名'.repeat(200), id: 'i'.repeat(200) } });
  });
});
