import type { TeachCheckReply } from '../../scripts-library/shared/protocol';
import { t } from '../shared/i18n';

interface Props {
  host: string;
  result: TeachCheckReply;
  onTeach(): void;
}

/**
 * 检查: what a site's page reads now — reply box, send button, buyer name, the last message and who sent it — and
 * 重新教 when a field stops matching (or the site was never taught).
 */
export function TeachCheck({ host, result, onTeach }: Props) {
  const rows: [string, string | null][] = [
    [t('teachCheckReplyBox'), result.replyBox ? t('teachCheckFound') : null],
    [t('teachCheckSend'), result.send ? t('teachCheckFound') : null],
    [t('teachCheckBuyer'), result.buyerName],
    [t('teachCheckLast'), result.lastMessage ? `（${t(result.lastMessage.from === 'buyer' ? 'teachFromBuyer' : 'teachFromAgent')}）${result.lastMessage.text}` : null],
  ];
  const broken = rows.some(([, value]) => value === null);
  return (
    <div className="teach-check" role="group" aria-label={t('teachCheckTitle', host)}>
      <strong>{t('teachCheckTitle', host)}</strong>
      {!result.taught && <p className="muted">{t('teachCheckNotTaught')}</p>}
      <dl>
        {rows.map(([label, value]) => (
          <div key={label} data-missing={value === null ? 'true' : undefined}>
            <dt>{label}</dt>
            <dd className={value === null ? 'error' : undefined}>{value ?? t('teachCheckMissing')}</dd>
          </div>
        ))}
      </dl>
      {(broken || !result.taught) && (
        <button type="button" onClick={onTeach}>
          {result.taught ? t('teachAgain') : t('teachOnce')}
        </button>
      )}
    </div>
  );
}
