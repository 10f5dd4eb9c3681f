import { useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { ProtocolError } from '../../scripts-library/shared/protocol';
import { toBackground } from '../shared/messaging';
import { useSettings } from './use-settings';
import { siteHost, sitePattern } from '../../scripts-library/shared/sites';
import { t } from '../shared/i18n';

interface Props {
  notify(text: string, tone: 'ok' | 'warn' | 'error'): void;
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
      <ul className="sites">
        {(sites ?? []).map((p) => (
          <li key={p}>
            <span>{siteHost(p)}</span>
            <button type="button" aria-label={t('sitesRemove', siteHost(p))} onClick={() => void remove(p)}>
              {t('remove')}
            </button>
          </li>
        ))}
      </ul>
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
