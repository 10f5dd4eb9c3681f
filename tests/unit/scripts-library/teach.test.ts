// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { deriveLocator, deriveMessages, findAll, looksGeneratedId, looksHashed, readTaughtMessages, readTaughtText, TaughtSiteSchema, type TaughtMessages } from '../../../scripts-library/sites/teach';

describe('hashed classes', () => {
  it.each(['css-1x2y3z', 'css-k008qs', 'sc-bdVaJa', 'sc-AxjAm', '_abc12', '_3xYz9', 'messageList_Zx3c4', 'active_pL0s1', 'jss34', 'makeStyles-root-123', 'x7Fq2', 'a1b2c3', 'Button__StyledBtn-sc-1h3x4fe-0', 'styles_row__8dKq2', 'jTsdFkQw'])('%s is hashed', (cls) => {
    expect(looksHashed(cls)).toBe(true);
  });
  it.each(['message-list', 'chat-item', 'send-btn', 'btn-primary', 'ql-editor', 'messageList', 'message_left', 'active', 'h2', 'col-6', 'mt-2', 'EditorContent', 'SendBox-buttonRight', 'chatWindowHeader', 'utf8-text', 'v2'])('%s is stable', (cls) => {
    expect(looksHashed(cls)).toBe(false);
  });
  it.each([':r1:', 'el-8812', '3f2a9c1e-77b0-4c1d-9a0e-1b2c3d4e5f60', 'msg_1700000000', 'x9Kq2'])('id %s looks generated', (id) => {
    expect(looksGeneratedId(id)).toBe(true);
  });
  it.each(['replyTextarea', 'im-input-box', 'topbar-left-info', 'msgListContainer'])('id %s is a name', (id) => {
    expect(looksGeneratedId(id)).toBe(false);
  });
});

const H = () => `x${Math.random().toString(36).slice(2, 7)}9`; // a class as a build would rename it each load

/** A console unlike any adapter: every class hashed and renamed per load; only structure, labels and a few attributes stay. */
function page(withIds = false): void {
  const row = (side: 'buyer' | 'agent', text: string) =>
    `<div class="${H()}" style="display:flex;flex-direction:${side === 'buyer' ? 'row' : 'row-reverse'}"><img class="${H()}" alt=""><div class="${H()}"><p class="${H()}">${text}</p></div></div>`;
  document.body.replaceChildren(...new DOMParser().parseFromString(`
    <div class="${H()}">
      <aside class="${H()}"><div class="${H()}">会话</div></aside>
      <main class="${H()}">
        <header class="${H()}"><span class="${H()}">买家：</span><b class="${H()}">小红</b></header>
        <section class="${H()}" ${withIds ? 'id="msg-list"' : ''}>
          ${row('buyer', '在吗')}
          ${row('agent', '在的亲')}
          <div class="${H()}" style="text-align:center">会话已接入</div>
          ${row('buyer', '有货吗')}
        </section>
        <footer class="${H()}">
          <div class="${H()}" contenteditable="true" aria-label="输入消息"></div>
          <span class="${H()}"><i class="${H()}"></i></span>
          <div class="${H()}" role="button">发 送</div>
        </footer>
      </main>
    </div>`, 'text/html').body.childNodes);
}

describe('locators', () => {
  beforeEach(() => page());
  it('names the reply box by its attributes, the send button by its label, never by a class', () => {
    const box = document.querySelector('[contenteditable]')!;
    const send = document.querySelector('[role="button"]')!;
    const boxLoc = deriveLocator(box);
    const sendLoc = deriveLocator(send);
    expect(boxLoc.css).not.toMatch(/\.x/);
    expect(sendLoc).toEqual({ css: 'div', text: '发 送' });
    page(); // reload: every class renamed
    expect(findAll(document, boxLoc)).toEqual([document.querySelector('[contenteditable]')]);
    expect(findAll(document, sendLoc)).toEqual([document.querySelector('[role="button"]')]);
  });
  it('a buyer name with nothing stable of its own: a structural path that survives renamed classes', () => {
    const loc = deriveLocator(document.querySelector('header b')!);
    expect(loc.css).toMatch(/nth-of-type|> b/);
    expect(loc.css).not.toMatch(/\.x/);
    page();
    expect(readTaughtText(document, loc)).toBe('小红');
  });
  it('an id a developer named anchors the path; a generated one does not', () => {
    page(true);
    expect(deriveLocator(document.querySelector('#msg-list')!).css).toBe('#msg-list');
    document.querySelector('section')!.id = 'list-88121';
    expect(deriveLocator(document.querySelector('section')!).css).not.toContain('#');
  });
});

describe('messages', () => {
  let taught: TaughtMessages;
  beforeEach(() => {
    page();
    const result = deriveMessages(document.querySelectorAll('section p')[2]!); // the buyer's 有货吗
    if (typeof result === 'string') throw new Error(result);
    taught = result;
  });
  it('tells buyer from agent by the row\'s layout, and a system row is neither', () => {
    expect(taught.side.some((m) => m.prop === 'style:flex-direction' && m.buyer === 'row' && m.agent === 'row-reverse')).toBe(true);
    expect(taught.side.every((m) => !/\.x|x\w{5}9/.test(m.prop))).toBe(true); // no hashed class
    page(); // reload
    expect(readTaughtMessages(document, taught)).toEqual([
      { from: 'buyer', text: '在吗' },
      { from: 'agent', text: '在的亲' },
      { from: 'other', text: '会话已接入' },
      { from: 'buyer', text: '有货吗' },
    ]);
    expect(TaughtSiteSchema.safeParse({ replyBox: { css: 'div' }, send: { css: 'div', text: '发送' }, buyerName: { css: 'b' }, messages: taught, at: 1 }).success).toBe(true);
  });
  it('a stable attribute that says the side is preferred to layout', () => {
    for (const [i, row] of [...document.querySelectorAll('section > div[style*="flex"]')].entries()) row.setAttribute('data-from', i === 1 ? 'me' : 'them');
    const result = deriveMessages(document.querySelectorAll('section p')[0]!);
    expect(typeof result === 'string' ? result : result.side[0]).toMatchObject({ prop: 'attr:data-from', buyer: 'them', agent: 'me' });
  });
  it('a conversation with no reply of the agent cannot be taught (nothing to compare with)', () => {
    document.querySelectorAll('section > div')[1]!.remove();
    expect(deriveMessages(document.querySelectorAll('section p')[0]!)).toBe('no-agent-row');
  });
});
