// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { releaseSend, type ReleaseDeps } from '../../../entrypoints/chat-script/send-release';
import { zhMessage } from '../../helpers/i18n';
import { agentEventsAndClosedRoots, shadowOf } from '../../helpers/page-side';

let box: HTMLTextAreaElement;
let button: HTMLElement;
let list: HTMLElement;
const agentRows = () => list.querySelectorAll('.mine').length;
const deps = (over: Partial<Omit<ReleaseDeps, 'passNext'>> = {}) => {
  const passNext = vi.fn<(text: string) => void>();
  return { adapter: { agentMessageCount: agentRows }, button: () => button, text: zhMessage, waitMs: 300, ...over, passNext };
};
const note = () => shadowOf('kefu-send-note')?.querySelector('[role="status"]')?.textContent ?? null;

beforeEach(() => {
  agentEventsAndClosedRoots();
  document.documentElement.querySelectorAll('kefu-send-note').forEach((n) => n.remove());
  document.body.textContent = '';
  list = document.createElement('ul');
  box = document.createElement('textarea');
  button = document.createElement('div');
  button.textContent = '发送';
  document.body.append(list, box, button);
  box.value = '仍要发送的这句话';
});

describe('a released send is verified, not assumed', () => {
  it('the console took it (the box emptied, the row appeared): nothing more is said', async () => {
    button.addEventListener('click', () => {
      list.append(Object.assign(document.createElement('li'), { className: 'mine', textContent: box.value }));
      box.value = '';
    });
    const d = deps();
    expect(await releaseSend(box, d)).toBe('sent');
    expect(note()).toBeNull();
    expect(d.passNext).not.toHaveBeenCalled();
  });

  it('the agent\'s row appears while the box keeps its text (a console that clears later): sent', async () => {
    button.addEventListener('click', () => setTimeout(() => list.append(Object.assign(document.createElement('li'), { className: 'mine' })), 50));
    expect(await releaseSend(box, deps())).toBe('sent');
  });

  it('nothing happened within the wait: the agent is told at the reply box, the focus is there and one real press passes', async () => {
    const click = vi.fn(); // a console that ignores the click
    button.addEventListener('click', click);
    const d = deps();
    expect(await releaseSend(box, d)).toBe('not-seen');
    expect(click).toHaveBeenCalledTimes(1);
    expect(note()).toBe('没看到这条消息发出，请再按一次发送');
    expect(document.activeElement).toBe(box);
    expect(d.passNext).toHaveBeenCalledWith('仍要发送的这句话');
    expect(box.value).toBe('仍要发送的这句话'); // nothing lost
  });

  it('a console known to ignore script-made sends is never clicked: the send is handed back at once', async () => {
    const click = vi.fn();
    button.addEventListener('click', click);
    const d = deps({ adapter: { ignoresScriptedSend: true, agentMessageCount: agentRows } });
    expect(await releaseSend(box, d)).toBe('handed-back');
    expect(click).not.toHaveBeenCalled();
    expect(note()).toBe('已放行，请再按一次发送');
    expect(document.activeElement).toBe(box);
    expect(d.passNext).toHaveBeenCalledWith('仍要发送的这句话');
  });

  it('no send button known (the Enter path): handed back, not dropped', async () => {
    const d = deps({ button: () => null });
    expect(await releaseSend(box, d)).toBe('handed-back');
    expect(note()).toBe('已放行，请再按一次发送');
  });

  it('the note goes once the agent types or sends', async () => {
    await releaseSend(box, deps({ button: () => null }));
    box.dispatchEvent(new Event('input', { bubbles: true }));
    expect(note()).toBeNull();
  });
});
