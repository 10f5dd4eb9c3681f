/**
 * What the evidence-shaped fixture consoles (tests/fixtures/adapters/*.html) do in the e2e tests, served under the
 * real host names (tests/e2e/consoles/server.mjs): the send control sends the draft (a row of the agent's is
 * appended, cloned from the page's own markup, and the box empties), a click on a conversation row opens it (its
 * messages come from a <template data-conversation>), and `window.__consoleReceive(text)` makes the open buyer
 * write. 拼多多's send ignores untrusted events, as eCan saw on the live page (a script-made .click() sent nothing);
 * `?untrusted=ignored` makes any console's do the same.
 */
import Quill from 'quill';

interface Site {
  box: string;
  send: string;
  /** The message list, and the rows of each side in it (cloned for new messages), with their text element. */
  list: string;
  agentRow: string;
  buyerRow: string;
  text: string;
  /** Conversation rows, the key of one, how the open one is marked, the name shown in the header. */
  conv: string;
  key(el: HTMLElement): string;
  active: string;
  name: string;
  header: string;
  ignoresUntrusted?: boolean;
  quill?: boolean;
  afterSwitch?(name: string): void;
}

const SITES: Record<string, Site> = {
  pinduoduo: {
    box: '#replyTextarea', send: '.reply-box .send-btn', list: '#msgListContainer ul.msg-list',
    agentRow: 'li.onemsg:has(.cs-item:not(.callback))', buyerRow: 'li.onemsg:has(.buyer-item)', text: '.msg-content-box',
    conv: '.chat-item-box', key: (el) => el.dataset.random!.split('-')[0]!, active: 'active', name: '.nickname-span', header: '.chatWindowHeader .base-info .name',
    ignoresUntrusted: true,
  },
  doudian: {
    box: '#im-input-box textarea', send: '[data-qa-id="qa-send-message-button"]', list: '.messageList_Zx3c4',
    agentRow: '[data-qa-id="qa-message-warpper"]:has(.messageIsMe)', buyerRow: '[data-qa-id="qa-message-warpper"]:has(.messageNotMe)', text: 'pre > span',
    conv: '[data-qa-id="qa-conversation-chat-item"]', key: (el) => el.dataset.conversation!, active: 'active_pL0s1', name: '[class*="NameContent"]', header: '#topbar-left-info span',
    afterSwitch: (name) => document.querySelector('#im-input-box textarea')!.setAttribute('placeholder', `发送给 ${name}，使用Enter 发送消息`),
  },
  jd: {
    box: '.EditorContent', send: '.SendButtonGroup .send-button', list: '#t-chat-scroll',
    agentRow: '.message:has(.message_right)', buyerRow: '.message:has(.message_left)', text: 'pre.message__text',
    conv: '.alluser-item', key: (el) => el.dataset.conversation!, active: 'alluser-item_check', name: '.alluser-item-name', header: '.chat-head-name span',
  },
  kuaishou: {
    box: '.SendBox .ql-editor', send: '.SendBox-buttonRight .ant-btn-primary', list: '.ChatMessageList-ContentWrap',
    agentRow: '[id^="0_"]:has([class*="__isMine"])', buyerRow: '[id^="0_"]:has([class*="__notMe"])', text: '[class*="_msgBody"] > span',
    conv: '.SessionStarCard', key: (el) => el.dataset.conversation!, active: 'SessionStarCard-active', name: '.SessionBaseCard-topHeadName', header: '.TargetUserHeader .LoginUserInfo-mainTitle-text',
    quill: true,
  },
};

declare global {
  interface Window {
    __consoleSent: string[];
    __consoleReceive(text: string): void;
  }
}

const site = SITES[document.currentScript?.dataset.site ?? ''];
if (site) setUp(site);

function setUp(s: Site): void {
  const ignores = s.ignoresUntrusted || new URLSearchParams(location.search).get('untrusted') === 'ignored';
  let quill: Quill | null = null;
  if (s.quill) {
    const host = document.querySelector('.SendBox-Editor')!;
    host.textContent = '';
    quill = new Quill(host.appendChild(document.createElement('div')), { modules: { toolbar: false }, formats: [], placeholder: '请输入' });
  }
  const box = () => document.querySelector<HTMLElement>(s.box)!;
  const draft = () => (quill ? quill.getText().replace(/\n$/, '') : box() instanceof HTMLTextAreaElement ? (box() as HTMLTextAreaElement).value : box().innerText).trim();
  const clear = () => {
    if (quill) quill.setText('');
    else if (box() instanceof HTMLTextAreaElement) (box() as HTMLTextAreaElement).value = '';
    else box().textContent = '';
    box().dispatchEvent(new Event('input', { bubbles: true }));
  };
  const button = () => document.querySelector<HTMLButtonElement>(s.send)!;
  const syncButton = () => {
    if (button() instanceof HTMLButtonElement) button().disabled = !draft();
  };
  document.addEventListener('input', syncButton, true);
  quill?.on('text-change', syncButton);
  syncButton();
  // A row of each side as the page first shows it: new messages are made from these (the conversation opened
  // later may hold no row of the agent's to copy).
  const models = new Map([s.agentRow, s.buyerRow].map((sel) => [sel, [...document.querySelectorAll(sel)].at(-1)!.cloneNode(true) as HTMLElement]));
  const append = (rowSelector: string, text: string) => {
    const list = document.querySelector(s.list)!;
    const row = models.get(rowSelector)!.cloneNode(true) as HTMLElement;
    row.querySelector(s.text)!.textContent = text;
    row.querySelectorAll('.message-time, .message__time_str').forEach((t) => t.remove());
    if (row.id) row.id = `${row.id}-${list.children.length}`;
    list.append(row);
  };
  window.__consoleSent = [];
  const sendNow = (e: Event) => {
    if (ignores && !e.isTrusted) return; // the live console's behaviour the evidence reports
    const text = draft();
    if (!text) return;
    append(s.agentRow, text);
    window.__consoleSent.push(text);
    clear();
  };
  document.addEventListener('click', (e) => {
    if ((e.target as Element).closest?.(s.send)) sendNow(e);
    const conv = (e.target as Element).closest?.<HTMLElement>(s.conv);
    if (conv) open(conv);
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && box().contains(e.target as Node)) {
      e.preventDefault();
      sendNow(e);
    }
  }, true);
  window.__consoleReceive = (text) => append(s.buyerRow, text);

  let current = s.key(document.querySelector<HTMLElement>(`${s.conv}.${s.active}`)!);
  const open = (row: HTMLElement) => {
    const key = s.key(row);
    if (key === current) return;
    const list = document.querySelector(s.list)!;
    const keep = document.createElement('template');
    keep.dataset.conversation = current;
    keep.content.append(...list.childNodes);
    document.body.append(keep);
    const next = document.querySelector<HTMLTemplateElement>(`template[data-conversation="${key}"]`);
    if (next) {
      list.append(next.content.cloneNode(true));
      next.remove();
    }
    document.querySelectorAll(`.${s.active}`).forEach((el) => el.classList.remove(s.active));
    row.classList.add(s.active);
    const name = row.querySelector(s.name)!.textContent!.trim();
    document.querySelector(s.header)!.textContent = name;
    s.afterSwitch?.(name);
    current = key;
    clear();
  };
}
