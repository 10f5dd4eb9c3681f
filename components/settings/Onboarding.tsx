import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { Settings } from '../../scripts-library/shared/schema';
import { t } from '../shared/i18n';

interface Props {
  settings: Settings;
  onSave(patch: Partial<Settings>): Promise<void>;
}

/**
 * First run: the two values nearly every greeting needs (店铺名, 客服名) and the shifts the tally counts by, so a
 * new agent is not asked for them in every fill-in form. Shown until saved or skipped.
 */
export function Onboarding({ settings, onSave }: Props) {
  const [shopName, setShopName] = useState(settings.shopName);
  const [agentName, setAgentName] = useState(settings.agentName);
  const first = useRef<HTMLInputElement>(null);
  const card = useRef<HTMLFormElement>(null);
  useRoomBelow(card);
  // Focus the first field, unless the agent has put the caret in a field (a buyer note, a search they typed in):
  // the card can appear a moment after the panel, and taking the focus then sent their keystrokes into 店铺名.
  // The search box the panel focuses by itself, still empty, is no choice of theirs.
  useEffect(() => {
    const active = document.activeElement as HTMLElement | null;
    const field = !!active && (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active.isContentEditable);
    const idleSearch = active instanceof HTMLInputElement && active.type === 'search' && active.value === '';
    if (!field || idleSearch) first.current?.focus();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSave({ shopName: shopName.trim(), agentName: agentName.trim(), onboarded: true });
  };
  return (
    <form ref={card} className="dialog onboarding" aria-label={t('onboardingTitle')} onSubmit={submit}>
      <strong>{t('onboardingTitle')}</strong>
      <p>{t('onboardingIntro')}</p>
      <label className="field">
        <span>{t('settingShopName')}</span>
        <input ref={first} value={shopName} maxLength={40} onChange={(e) => setShopName(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('settingAgentName')}</span>
        <input value={agentName} maxLength={20} onChange={(e) => setAgentName(e.target.value)} />
      </label>
      <p className="muted">{t('onboardingShifts', settings.shifts.map((s) => `${s.name} ${s.start}–${s.end}`).join('，'))}</p>
      <div className="dialog__actions">
        <button type="submit">{t('onboardingStart')}</button>
        <button type="button" onClick={() => void onSave({ onboarded: true })}>{t('onboardingSkip')}</button>
      </div>
    </form>
  );
}

/**
 * The card sits over the panel's foot (it must not push the rows the first screen painted): the panel gets room
 * below its last control as tall as the card, so whatever the card covers can still be scrolled above it.
 */
function useRoomBelow(card: RefObject<HTMLFormElement | null>) {
  useLayoutEffect(() => {
    const el = card.current;
    if (!el) return;
    const root = document.documentElement;
    const set = () => root.style.setProperty('--below-card', `${el.offsetHeight + 16}px`);
    set();
    const watch = typeof ResizeObserver === 'function' ? new ResizeObserver(set) : null;
    watch?.observe(el);
    return () => {
      watch?.disconnect();
      root.style.removeProperty('--below-card');
    };
  }, [card]);
}
