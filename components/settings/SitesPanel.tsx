import { useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { ProtocolError } from '../../scripts-library/shared/protocol';
import { toBackground } from '../shared/messaging';
import { useSettings } from './use-settings';
import { siteHost, sitePattern } from '../../scripts-library/shared/sites';
import { t, type MessageKey } from '../shared/i18n';
import { useTeach } from './use-teach';
import { TeachCheck } from './TeachCheck';
import { recentMisses, type FieldMisses } from '../../scripts-library/sites/self-check';
import type { TeachCheckReply } from '../../scripts-library/shared/protocol';

interface Props {
  notify(text: string, tone: 'ok' | 'warn' | 'error'): void;
}

/** 「最近 7 天读不到：买家 3 次、回复框 1 次」, or null when the self-check missed nothing there. */
export function missesLine(misses: FieldMisses, pattern: string, now = Date.now()): string | null {
  const counts = Object.entries(recentMisses(misses, pattern, now));
  if (!counts.length) return null;
  const list = counts.map(([field, n]) => t('teachMissCount', [t(`missField_${field}` as MessageKey), String(n)])).join('、');
  return t('teachMissesRecent', list);
}

/**
 * 其他网站: turn the extension on for a chat console it does not know (the generic adapter serves it). The host
 * permission is asked for right then, for that site only, and given back when the site is removed.
 */
export function SitesPanel({ notify }: Props) {
  const store = useSettings();
  const sites = store.settings?.enabledSites;
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string>();
  const teach = useTeach();
  const [checked, setChecked] = useState<{ pattern: string; result: TeachCheckReply }>();
  const teachAt = async (pattern: string) => {
    setError(undefined);
    const started = await teach.start(pattern);
    if (started.ok) notify(t('teachStarted'), 'ok');
    else setError(started.reason === 'no-tab' ? t('teachNoTab', siteHost(pattern)) : t('teachFailed', started.detail));
  };
  const checkAt = async (pattern: string) => {
    setError(undefined);
    const result = await teach.check(pattern);
    if (result.ok) setChecked({ pattern, result: result.value });
    else setError(result.reason === 'no-tab' ? t('teachNoTab', siteHost(pattern)) : t('teachFailed', result.detail));
  };
  const misses = store.settings?.fieldMisses ?? {};

  const enable = (e: FormEvent) => {
    e.preventDefault();
    const pattern = sitePattern(address);
    if (!pattern) {
      setError(t('sitesInvalid'));
      return;
    }
    setError(undefined);
    // The permission prompt must come straight from the agent's click: nothing is awaited before it.
    void browser.permissions.request({ origins: [pattern] }).then(
      async (granted) => {
        if (!granted) {
          setError(t('sitesDenied', siteHost(pattern)));
          return;
        }
        try {
          await toBackground('sites/enable', { pattern });
        } catch (e) {
          setError(t('sitesFailed', e instanceof ProtocolError ? e.reason : String(e)));
          return;
        }
        await store.update(({ enabledSites }) => (enabledSites.includes(pattern) ? {} : { enabledSites: [...enabledSites, pattern] }));
        setAddress('');
        notify(t('sitesEnabled', siteHost(pattern)), 'ok');
      },
      (err: unknown) => setError(t('sitesFailed', err instanceof Error ? err.message : String(err))),
    );
  };

  const remove = async (pattern: string) => {
    await toBackground('sites/disable', { pattern }).catch(() => {});
    // A host the extension is declared for (e.g. one of the known consoles typed in here) cannot be given back.
    const revoked = await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
    await store.update(({ enabledSites }) => ({ enabledSites: enabledSites.filter((p) => p !== pattern) }));
    notify(t(revoked ? 'sitesRemoved' : 'sitesRemovedKept', siteHost(pattern)), 'ok');
  };

  return (
    <form className="dialog" aria-label={t('sitesTitle')} onSubmit={enable}>
      <strong>{t('sitesTitle')}</strong>
      <p className="muted">{t('sitesHint')}</p>
      <SiteRows sites={sites ?? []} taught={store.settings?.taughtSites ?? {}} misses={misses} onTeach={(p) => void teachAt(p)} onCheck={(p) => void checkAt(p)} onRemove={(p) => void remove(p)} />
      {checked && <TeachCheck host={siteHost(checked.pattern)} result={checked.result} onTeach={() => void teachAt(checked.pattern)} />}
      <label className="field">
        <span>{t('sitesAddress')}</span>
        <input value={address} placeholder="im.kwaixiaodian.com" onChange={(e) => setAddress(e.target.value)} />
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="dialog__actions">
        <button type="submit">{t('sitesEnable')}</button>
      </div>
    </form>
  );
}

interface RowsProps {
  sites: readonly string[];
  taught: Readonly<Record<string, unknown>>;
  misses: FieldMisses;
  onTeach(pattern: string): void;
  onCheck(pattern: string): void;
  onRemove(pattern: string): void;
}

/** The enabled sites (教一次, 检查, 移除, the self-check's misses), then known consoles the self-check missed fields on. */
function SiteRows({ sites, taught, misses, onTeach, onCheck, onRemove }: RowsProps) {
  const missedElsewhere = Object.keys(misses).filter((p) => !sites.includes(p) && missesLine(misses, p));
  return (
    <ul className="sites">
      {sites.map((p) => (
        <li key={p}>
          <span>{siteHost(p)}</span>
          {!!taught[p] && <small className="muted"> {t('teachTaught')}</small>}
          <button type="button" aria-label={t('teachOnceFor', siteHost(p))} onClick={() => onTeach(p)}>
            {t('teachOnce')}
          </button>
          <button type="button" aria-label={t('teachCheckFor', siteHost(p))} onClick={() => onCheck(p)}>
            {t('teachCheck')}
          </button>
          <button type="button" aria-label={t('sitesRemove', siteHost(p))} onClick={() => onRemove(p)}>
            {t('remove')}
          </button>
          {missesLine(misses, p) && <p className="muted">{missesLine(misses, p)}</p>}
        </li>
      ))}
      {missedElsewhere.map((p) => (
        <li key={p} data-missed="true">
          <span>{siteHost(p)}</span>
          <p className="muted">{missesLine(misses, p)}</p>
        </li>
      ))}
    </ul>
  );
}
