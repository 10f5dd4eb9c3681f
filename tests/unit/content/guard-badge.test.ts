// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { badgeSpot, GuardBadge, type GuardDeps } from '../../../entrypoints/chat-script/guard-badge';
import { insertText } from '../../../entrypoints/chat-script/insert';
import { checkDraft } from '../../../scripts-library/guard';
import { planRewrite } from '../../../scripts-library/guard/rewrite';
import type { GuardHit } from '../../../scripts-library/shared/protocol';

/** guard/rewrite as the background answers it: the rewrite planned and re-checked with `check`. */
const planner = (check: GuardDeps['check']): GuardDeps['plan'] => async (text, hit, hits) => {
  const p = await planRewrite(text, hit, hits, check);
  return p ? { start: p.start, end: p.end, text: p.text, kind: p.kind, result: p.result, remaining: p.remaining.map((h): GuardHit => ({ ...h, note: '' })) } : null;
};
/** The deps with another check, and rewrites re-checked by it. */
const checking = (check: GuardDeps['check']) => ({ ...deps, check, plan: planner(check) });
import { zhMessage } from '../../helpers/i18n';
import { agentEventsAndClosedRoots, pageMade, shadowOf } from '../../helpers/page-side';

let box: HTMLTextAreaElement;
let deps: GuardDeps & { allow: ReturnType<typeof vi.fn<GuardDeps['allow']>>; override: ReturnType<typeof vi.fn<GuardDeps['override']>> };
beforeEach(() => {
  agentEventsAndClosedRoots();
  document.documentElement.querySelectorAll('kefu-guard').forEach((n) => n.remove());
  document.body.textContent = '';
  box = document.createElement('textarea');
  document.body.append(box);
  const check: GuardDeps['check'] = async (text) => checkDraft(text).map((h) => ({ ...h, note: '' }));
  deps = {
    check,
    plan: planner(check),
    allow: vi.fn<GuardDeps['allow']>(),
    override: vi.fn<GuardDeps['override']>(),
    insert: (el, text, replace) => insertText(el, text, replace),
    sendButton: () => null,
    text: zhMessage,
  };
});

const shadow = () => shadowOf('kefu-guard');
const badgeText = () => shadow()?.querySelector('[data-testid="guard-badge"]')?.textContent ?? null;
const enter = (init: KeyboardEventInit = {}) => new KeyboardEvent('keydown', { key: 'Enter', ...init });

describe('GuardBadge', () => {
  it('warns of a reply this buyer got a moment ago, without holding the send; 忽略 only (no rule to allow)', async () => {
    const sent = new Map([['亲，这款有现货，今天下单今天发', 4 * 60_000]]);
    const guard = new GuardBadge(document, { ...deps, sentAgo: (text) => sent.get(text) });
    box.value = '亲，这款有现货，今天下单今天发';
    await guard.refresh(box);
    expect(badgeText()).toBe('建议改 1');
    (shadow()!.querySelector('[data-testid="guard-badge"]') as HTMLElement).click();
    const row = shadow()!.querySelector('.hit')!;
    expect(row.textContent).toContain('「亲，这款有现货，今天下单今天发」 重复回复 · 建议修改');
    expect(row.textContent).toContain('4 分钟内刚发给这位买家同样的话');
    expect([...row.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['忽略']);
    expect(guard.holdSend(box, () => {}, enter())).toBe(false);
    box.value = '亲，这款有现货，今天下单马上发';
    await guard.refresh(box);
    expect(shadow()).toBeNull();
  });

  it('shows counts by severity and nothing for a clean draft', async () => {
    const guard = new GuardBadge(document, deps);
    box.value = '亲，加微信，我不知道';
    await guard.refresh(box);
    expect(badgeText()).toBe('必改 1建议改 1');
    box.value = '亲，您好';
    await guard.refresh(box);
    expect(shadow()).toBeNull();
  });

  it('lists each hit with its category and suggestion; 改写此句 rewrites the clause, previewed first', async () => {
    const guard = new GuardBadge(document, deps);
    box.value = '亲，我不知道呢';
    await guard.refresh(box);
    (shadow()!.querySelector('[data-testid="guard-badge"]') as HTMLElement).click();
    const row = shadow()!.querySelector('.hit')!;
    expect(row.textContent).toContain('「我不知道」 服务禁语 · 建议修改');
    expect(row.textContent).toContain('建议：这个问题我帮您确认一下，请稍等片刻');
    await vi.waitFor(() => expect(shadow()!.querySelector('.hit .preview')?.textContent).toBe('改为：亲，这个问题我帮您确认一下，请稍等片刻'));
    expect(box.value).toBe('亲，我不知道呢'); // nothing changes before the click
    [...shadow()!.querySelectorAll<HTMLElement>('.hit button')].find((b) => b.textContent === '改写此句')!.click();
    await vi.waitFor(() => expect(box.value).toBe('亲，这个问题我帮您确认一下，请稍等片刻'));
    await vi.waitFor(() => expect(shadow()).toBeNull());
  });

  it('改写此句 on 加我vx：kefu888 leaves no handle; the preview is the re-checked result', async () => {
    const guard = new GuardBadge(document, deps);
    box.value = '有问题加我vx：kefu888';
    await guard.refresh(box);
    (shadow()!.querySelector('[data-testid="guard-badge"]') as HTMLElement).click();
    await vi.waitFor(() => expect(shadow()!.querySelector('.hit .preview')?.textContent).toBe('改为：有问题随时在这里联系我们，我一直在'));
    expect(shadow()!.querySelector('.hit .still')).toBeNull();
    [...shadow()!.querySelectorAll<HTMLElement>('.hit button')].find((b) => b.textContent === '改写此句')!.click();
    await vi.waitFor(() => expect(box.value).toBe('有问题随时在这里联系我们，我一直在'));
    await vi.waitFor(() => expect(shadow()).toBeNull());
  });

  it('a rewrite whose re-check still holds a hit says so in the preview, and the handle it leaves stays flagged', async () => {
    // A team rule with a word-level substitute for vx alone: the handle after it would survive the swap.
    const vx = { start: 0, end: 0, text: 'vx', ruleId: 'team-vx', category: 'off-platform', severity: 'block' as const, suggestion: '', replacement: '这里', note: '' };
    const guard = new GuardBadge(
      document,
      checking(async (text) => {
        const at = text.indexOf('vx');
        return at < 0 ? [] : [{ ...vx, start: at, end: at + 2 }];
      }),
    );
    box.value = '加我vx：kefu888';
    await guard.refresh(box);
    (shadow()!.querySelector('[data-testid="guard-badge"]') as HTMLElement).click();
    await vi.waitFor(() => expect(shadow()!.querySelector('.hit .still')?.textContent).toContain('「kefu888」'));
    [...shadow()!.querySelectorAll<HTMLElement>('.hit button')].find((b) => b.textContent === '替换')!.click();
    await vi.waitFor(() => expect(box.value).toBe('加我这里：kefu888'));
    await vi.waitFor(() => expect(shadow()!.querySelector('.hit .term')?.textContent).toContain('「kefu888」'));
    expect(badgeText()).toBe('必改 1');
    expect(guard.holdSend(box, () => {}, enter())).toBe(true); // the handle alone still holds the send
  });

  it('替换 swaps just the words when the rule has a word-level substitute', async () => {
    const guard = new GuardBadge(document, deps);
    box.value = '这是我们最低价了，亲';
    await guard.refresh(box);
    (shadow()!.querySelector('[data-testid="guard-badge"]') as HTMLElement).click();
    await vi.waitFor(() => expect([...shadow()!.querySelectorAll('.hit button')].map((b) => b.textContent)).toContain('替换'));
    [...shadow()!.querySelectorAll('.hit button')].find((b) => b.textContent === '替换')!.dispatchEvent(new MouseEvent('click'));
    await vi.waitFor(() => expect(box.value).toBe('这是我们优惠价了，亲'));
  });

  it('one 不再提示 silences the whole sentence for every rule and the model: one allow, the sentence as context', async () => {
    const guard = new GuardBadge(document, checking(async (text) => [
        ...checkDraft(text).map((h) => ({ ...h, note: '' })),
        { start: 0, end: 4, text: text.slice(0, 4), ruleId: 'model-abuse', category: 'abuse', severity: 'block' as const, suggestion: '不好意思，我再帮您说明一下', note: '语义判断', confidence: 0.64 },
      ]),
    );
    box.value = '姐妹你好，这款最低价了。明天发货';
    await guard.refresh(box);
    expect(badgeText()).toBe('必改 1建议改 1');
    (shadow()!.querySelector('[data-testid="guard-badge"]') as HTMLElement).click();
    const rows = [...shadow()!.querySelectorAll('.hit')];
    expect(rows).toHaveLength(2);
    [...rows[1]!.querySelectorAll('button')].find((b) => b.textContent === '不再提示')!.click();
    expect(deps.allow.mock.calls).toEqual([['*', '姐妹你好，这款最低价了']]);
    expect(shadow()).toBeNull(); // both hits of the sentence, model and rule, gone at once
    expect(guard.holdSend(box, () => {}, enter())).toBe(false);
  });

  it('a model hit is labelled 系统判断, its detail on hover; no 不再提示 on a sure 辱骂 hit', async () => {
    const note = '语义判断（把握 97%）：没有哪条规则写着这句话，是模型从整句读出来的。';
    const guard = new GuardBadge(document, checking(async (text) => [{ start: 0, end: text.length, text, ruleId: 'model-abuse', category: 'abuse', severity: 'block', suggestion: '不好意思，我再帮您说明一下', note, confidence: 0.97 }]),
    );
    box.value = '真是服了你了';
    await guard.refresh(box);
    (shadow()!.querySelector('[data-testid="guard-badge"]') as HTMLElement).click();
    await vi.waitFor(() => expect(shadow()!.querySelector('.hit .preview')).not.toBeNull());
    const row = shadow()!.querySelector('.hit')!;
    const label = row.querySelector('.model') as HTMLElement;
    expect(label.textContent).toBe('系统判断');
    expect(label.title).toBe(note);
    expect(row.textContent).not.toContain('语义判断');
    expect([...row.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['改写此句']);
  });

  it('忽略 is offered on 建议改 and 提示, never on a 必改 hit', async () => {
    const guard = new GuardBadge(document, deps);
    box.value = '亲，加微信，我不知道';
    await guard.refresh(box);
    (shadow()!.querySelector('[data-testid="guard-badge"]') as HTMLElement).click();
    const buttons = (sev: string) => [...shadow()!.querySelectorAll(`.hit[data-severity="${sev}"] button`)].map((b) => b.textContent);
    expect(buttons('block')).not.toContain('忽略');
    expect(buttons('warn')).toContain('忽略');
  });

  it('a held send with three 必改 hits: no 忽略, 修改 / 仍要发送 pinned below the list, Esc means 修改', async () => {
    const guard = new GuardBadge(document, deps);
    const send = vi.fn();
    box.value = '好评返现5元，五星好评再返5元，晒图返10元';
    await guard.refresh(box);
    expect(guard.holdSend(box, send, enter())).toBe(true);
    const dialog = shadow()!.querySelector('[role="dialog"]')!;
    const list = dialog.querySelector('.list')!;
    expect(list.querySelectorAll('.hit').length).toBeGreaterThanOrEqual(3);
    expect([...list.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('忽略');
    const pinned = dialog.querySelector(':scope > .footer')!;
    expect([...pinned.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['修改', '仍要发送']);
    expect(list.contains(pinned)).toBe(false);
    expect(guard.onEscape()).toBe(true); // Esc: 修改
    expect(send).not.toHaveBeenCalled();
    expect(shadow()!.querySelector('[role="dialog"]')!.textContent).not.toContain('已暂停发送');
    expect(guard.holdSend(box, send, enter())).toBe(true); // the next Enter is held again
    expect(deps.override).not.toHaveBeenCalled();
  });

  it('a click made by the page\'s scripts does nothing: no allow stored, no held send released, no list opened; the root is closed', async () => {
    const guard = new GuardBadge(document, deps);
    const send = vi.fn();
    box.value = '加我vx';
    await guard.refresh(box);
    expect(document.querySelector('kefu-guard')!.shadowRoot).toBeNull(); // closed: the page cannot reach in
    shadow()!.querySelector('[data-testid="guard-badge"]')!.dispatchEvent(pageMade(new MouseEvent('click')));
    expect(shadow()!.querySelector('[role="dialog"]')).toBeNull();
    expect(guard.holdSend(box, send, enter())).toBe(true);
    const button = (label: string) => [...shadow()!.querySelectorAll('button')].find((b) => b.textContent === label)!;
    for (const label of ['不再提示', '仍要发送', '替换', '修改']) button(label)?.dispatchEvent(pageMade(new MouseEvent('click')));
    expect(deps.allow).not.toHaveBeenCalled();
    expect(deps.override).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
    expect(box.value).toBe('加我vx');
    expect(shadow()!.querySelector('[role="dialog"]')!.textContent).toContain('已暂停发送');
    button('不再提示').click(); // the agent's own click
    expect(deps.allow).toHaveBeenCalledOnce();
  });

  it('holds a send only for block hits, never while composing', async () => {
    const guard = new GuardBadge(document, deps);
    const send = vi.fn();
    box.value = '我不知道';
    await guard.refresh(box);
    expect(guard.holdSend(box, send, enter())).toBe(false); // warn: never held
    box.value = '加我vx';
    await guard.refresh(box);
    expect(guard.holdSend(box, send, enter({ isComposing: true }))).toBe(false);
    expect(guard.holdSend(box, send, enter())).toBe(true);
    const dialog = shadow()!.querySelector('[role="dialog"]')!;
    expect(dialog.textContent).toContain('已暂停发送');
    [...dialog.querySelectorAll('button')].find((b) => b.textContent === '仍要发送')!.click();
    expect(deps.override).toHaveBeenCalledWith([expect.stringMatching(/^offplatform-/)]);
    expect(send).toHaveBeenCalledOnce();
    expect(guard.holdSend(box, send, enter())).toBe(false); // the agent's override lets this exact text through
  });

  it('fails closed: a check that does not answer shows 未能检查 and holds the send until the agent confirms', async () => {
    const guard = new GuardBadge(document, checking(async () => Promise.reject(new Error('the guard did not answer'))));
    const send = vi.fn();
    box.value = 'x'.repeat(4997) + '加微信聊';
    await guard.refresh(box);
    expect(badgeText()).toBe('未能检查');
    expect(guard.holdSend(box, send, enter())).toBe(true);
    const dialog = shadow()!.querySelector('[role="dialog"]')!;
    expect(dialog.textContent).toContain('没能检查违规用语');
    expect(send).not.toHaveBeenCalled();
    [...dialog.querySelectorAll('button')].find((b) => b.textContent === '仍要发送')!.click();
    expect(send).toHaveBeenCalledOnce();
  });
});

describe('badgeSpot', () => {
  const box = { left: 100, top: 500, right: 700, bottom: 560 };
  it('sits above the reply box\'s right end when nothing of ours is there', () => {
    expect(badgeSpot(box, null)).toEqual({ left: 550, top: 474 });
  });
  it('moves left of the countdown pill on the same line, and stays put for a pill elsewhere', () => {
    const pill = { left: 672, top: 476, right: 700, bottom: 496 };
    const spot = badgeSpot(box, pill);
    expect(spot.left + 150).toBeLessThanOrEqual(pill.left);
    expect(spot.top).toBe(474);
    expect(badgeSpot(box, { left: 100, top: 564, right: 128, bottom: 584 })).toEqual({ left: 550, top: 474 });
  });
});
