import type { Served } from '../../scripts-library/served-tab';
import { siteName, t } from '../shared/i18n';

/** Which chat tab the panel serves (site + buyer when known), or the clear "no chat input" state. */
export function ServedTabBar({ served }: { served: Served | undefined }) {
  if (!served) return <div className="served served--loading">{t('loading')}</div>;
  if (served.state === 'no-input') {
    return (
      <div className="served served--none" role="status" data-testid="served">
        <strong>{t('noChatInput')}</strong>
        <span className="served__hint">{t('noChatInputHint')}</span>
      </div>
    );
  }
  const { status } = served.tab;
  const site = siteName(status.site);
  const buyer = status.buyer?.name ?? status.buyer?.id;
  return (
    <div className="served served--chat" role="status" data-testid="served">
      <span>{buyer ? t('servingBuyer', [site, buyer]) : t('servingSite', site)}</span>
      {status.notice === 'generic-fallback' && <span className="served__notice">{t('noticeGenericFallback')}</span>}
    </div>
  );
}
