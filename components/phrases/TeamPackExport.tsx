import { useEffect, useState, type FormEvent } from 'react';
import type { TeamPackInfo } from '../../scripts-library/files/team-pack';
import { t } from '../shared/i18n';

type Info = Omit<TeamPackInfo, 'id'>;

interface Props {
  /** The last team pack exported here: the form starts from it, one version up. */
  last(): Promise<Info | undefined>;
  onExport(info: Info): void;
  onCancel(): void;
}

/** The team lead's export: a pack name (the same name keeps the pack's id), an author and a version. */
export function TeamPackExport({ last, onExport, onCancel }: Props) {
  const [info, setInfo] = useState<Info>({ name: '', author: '', version: 1 });
  useEffect(() => {
    let live = true;
    void last().then((l) => live && l && setInfo({ ...l, version: l.version + 1 }));
    return () => void (live = false);
  }, [last]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (info.name.trim()) onExport({ ...info, name: info.name.trim(), author: info.author.trim() });
  };
  return (
    <form className="dialog" aria-label={t('teamPackExport')} onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <strong>{t('teamPackExport')}</strong>
      <p className="muted">{t('teamPackExportHint')}</p>
      <label className="field">
        <span>{t('teamPackName')}</span>
        <input autoFocus required maxLength={60} value={info.name} onChange={(e) => setInfo({ ...info, name: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('teamPackAuthorLabel')}</span>
        <input maxLength={40} value={info.author} onChange={(e) => setInfo({ ...info, author: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('teamPackVersion')}</span>
        <input type="number" min={1} step={1} required value={info.version} onChange={(e) => setInfo({ ...info, version: Math.max(1, Math.floor(Number(e.target.value) || 1)) })} />
      </label>
      <div className="dialog__actions">
        <button type="submit">{t('teamPackExport')}</button>
        <button type="button" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
