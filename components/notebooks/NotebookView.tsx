import { useState, type FormEvent } from 'react';
import { NotebookTransfer } from './NotebookTransfer';
import { useHandovers, useProblems } from './use-notebooks';
import { shiftAt, weekOf } from '../../scripts-library/shared/shift';
import type { Note, Shift } from '../../scripts-library/shared/schema';
import { isUnreadHandover } from '../../scripts-library/notebooks/notebooks';
import { t, type MessageKey } from '../shared/i18n';
import { writeErrorText } from '../shared/write-error';
import { dateTime, week as weekText } from '../shared/dates';

/** The team notebooks: 问题登记本 (with a weekly summary and search) and 交接记录本. */
export function NotebookView({ initial = 'problems', shifts }: { initial?: 'problems' | 'handover'; shifts?: Shift[] }) {
  const [tab, setTab] = useState(initial);
  return (
    <section className="notebooks">
      <NotebookTransfer />
      <div className="views" role="tablist">
        <button role="tab" aria-selected={tab === 'problems'} onClick={() => setTab('problems')}>{t('problemLog')}</button>
        <button role="tab" aria-selected={tab === 'handover'} onClick={() => setTab('handover')}>{t('handoverLog')}</button>
      </div>
      {tab === 'problems' ? <Problems /> : <Handovers shifts={shifts} />}
    </section>
  );
}

function Problems() {
  const [search, setSearch] = useState('');
  const [question, setQuestion] = useState('');
  const [context, setContext] = useState('');
  const log = useProblems(search);
  const problems = log.problems;
  const [error, setError] = useState<string>();
  const weeks = new Map<string, Note[]>();
  for (const p of problems ?? []) {
    const w = weekOf(new Date(p.createdAt));
    weeks.set(w, [...(weeks.get(w) ?? []), p]);
  }
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!question.trim()) return;
    try {
      await log.add(question.trim(), context.trim());
      setQuestion('');
      setContext('');
      setError(undefined);
    } catch (err) {
      setError(writeErrorText(err)); // what was typed stays in the form
    }
  };
  return (
    <>
      <form className="dialog" onSubmit={add} aria-label={t('problemLog')}>
        {error && <p className="error" role="alert">{error}</p>}
        <label className="field">
          <span>{t('problemQuestion')}</span>
          <input value={question} maxLength={500} onChange={(e) => setQuestion(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('problemContext')}</span>
          <input value={context} maxLength={500} onChange={(e) => setContext(e.target.value)} />
        </label>
        <div className="dialog__actions">
          <button type="submit">{t('problemAdd')}</button>
        </div>
      </form>
      <input className="search" type="search" aria-label={t('problemSearch')} placeholder={t('problemSearch')} value={search} onChange={(e) => setSearch(e.target.value)} />
      {[...weeks].map(([week, items]) => (
        <div key={week} className="week">
          <h2 className="tally__h">{t('weekOf', [weekText(week), String(items.length), String(items.filter((p) => p.status === 'answered').length)])}</h2>
          <ul className="notes">
            {items.map((p) => (
              <li key={p.id} className="note">
                <strong>{p.question}</strong> <span className="muted">{p.context}</span>{' '}
                <span className={`sev sev--${p.status === 'answered' ? 'hint' : 'warn'}`}>{p.status === 'answered' ? t('problemAnswered') : t('problemOpen')}</span>
                <textarea
                  aria-label={`${t('problemAnswer')}：${p.question}`}
                  placeholder={t('problemAnswer')}
                  defaultValue={p.answer ?? ''}
                  rows={2}
                  maxLength={2000}
                  onBlur={(e) => void log.answer(p.id, e.target.value).then(() => setError(undefined), (err: unknown) => setError(writeErrorText(err)))}
                />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function Handovers({ shifts }: { shifts?: Shift[] }) {
  const [error, setError] = useState<string>();
  const now = shiftAt(new Date(), shifts);
  const book = useHandovers();
  const handovers = book.handovers;
  const [form, setForm] = useState({ inProgress: '', urgent: '', potential: '', text: '' });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!Object.values(form).some((v) => v.trim())) return;
    try {
      await book.add({ ...form, shift: now.shift, day: now.day });
      setForm({ inProgress: '', urgent: '', potential: '', text: '' });
      setError(undefined);
    } catch (err) {
      setError(writeErrorText(err)); // the handover stays in the form
    }
  };
  const field = (key: keyof typeof form, label: MessageKey) => (
    <label className="field">
      <span>{t(label)}</span>
      <textarea rows={2} maxLength={2000} value={form[key]} onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))} />
    </label>
  );
  return (
    <>
      <form className="dialog" onSubmit={save} aria-label={t('handoverLog')}>
        {error && <p className="error" role="alert">{error}</p>}
        {field('inProgress', 'handoverInProgress')}
        {field('urgent', 'handoverUrgent')}
        {field('potential', 'handoverPotential')}
        {field('text', 'handoverText')}
        <div className="dialog__actions">
          <button type="submit">{t('handoverSave')}</button>
        </div>
      </form>
      <ul className="notes">
        {(handovers ?? []).map((h) => (
          <li key={h.id} className={`note${isUnreadHandover(h, now) ? ' note--unread' : ''}`} data-testid="handover" data-unread={isUnreadHandover(h, now)}>
            <div className="muted">{t('handoverFrom', [dateTime(h.createdAt), t(`shift_${h.shift ?? 'off'}` as MessageKey)])}</div>
            {h.inProgress && <p><b>{t('handoverInProgress')}：</b>{h.inProgress}</p>}
            {h.urgent && <p><b>{t('handoverUrgent')}：</b>{h.urgent}</p>}
            {h.potential && <p><b>{t('handoverPotential')}：</b>{h.potential}</p>}
            {h.text && <p><b>{t('handoverText')}：</b>{h.text}</p>}
            {isUnreadHandover(h, now) && <button onClick={() => void book.markRead(h.id)}>{t('markRead')}</button>}
            {!h.read && !isUnreadHandover(h, now) && <p className="muted">{t('handoverOwn')}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
