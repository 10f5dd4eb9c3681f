import type { Served } from '../../scripts-library/shared/served-tab';
import type { ChatTab } from '../../scripts-library/shared/protocol';
import { siteName, t, type MessageKey } from '../shared/i18n';
import { openCompanionWindow } from './use-served-tab';
import { startTeachInTab } from '../settings/use-teach';

/**
 * The self-check's finding (#33 item 6): a console that stopped yielding a field says which, with 教一次 (the
 * page's pointing mode) right there, instead of failing silently.
 */
function MissingNotice({ tab }: { tab: ChatTab | undefined }) {
  const missing = tab?.status.missing;
  if (!tab || !missing?.length) return null;
  const fields = missing.map((f) => t(`missField_${f}` as MessageKey)).join('、');
  return (
    <span className="served__notice" data-testid="self-check">
      {t('noticeMissing', fields)}{' '}
      <button type="button" onClick={() => void startTeachInTab(tab.tabId).catch((e: unknown) => console.warn('[kefu] cannot start teaching', e))}>
        {t('teachOnce')}
      </button>
    </span>
  );
}

/** Which chat tab the panel serves (site + buyer when known), or the clear "no chat input" state. */
export function ServedTabBar({ served }: { served: Served | undefined }) {
  if (!served) return <div className="served served--loading">{t('loading')}</div>;
  if (served.state === 'companion') {
    return (
      <div className="served served--companion" role="status" data-testid="served">
        <strong>{t('companionTitle')}</strong>
        <span className="served__hint">{t('companionHint')}</span>
      </div>
    );
  }
  if (served.state === 'no-input') {
    return (
      <div className="served served--none" role="status" data-testid="served">
        <strong>{t('noChatInput')}</strong>
        <span className="served__hint">{t('noChatInputHint')}</span>
        <button type="button" className="served__companion" onClick={() => void openCompanionWindow().catch((e: unknown) => console.warn('[kefu] cannot open the companion window', e))}>
          {t('companionOpen')}
        </button>
        <MissingNotice tab={served.tab} />
      </div>
    );
  }
  const { status } = served.tab;
  const site = siteName(status.site);
  const buyer = status.buyer?.name ?? status.buyer?.id;
  // One line: when it is too narrow the site's part gives way (…), never the buyer's name.
  const [before = '', after = ''] = buyer ? t('servingBuyer', [site, '\u0001']).split('\u0001') : [];
  return (
    <div className="served served--chat" role="status" data-testid="served" title={buyer ? t('servingBuyer', [site, buyer]) : undefined}>
      {buyer ? (
        <span className="served__line">
          <span className="served__site">{before}</span>
          <strong className="served__buyer">{buyer}</strong>
          {after}
        </span>
      ) : (
        <span className="served__line">{t('servingSite', site)}</span>
      )}
      {status.notice === 'generic-fallback' && !status.missing?.includes('replyBox') && <span className="served__notice">{t('noticeGenericFallback')}</span>}
      <MissingNotice tab={served.tab} />
    </div>
  );
}
