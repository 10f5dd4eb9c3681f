/** 管理 › 短语库体检: most used, unused in 30 days, phrases the guard flags, rules most overridden with 仍要发送. */
import { useMemo } from 'react';
import { DEFAULT_RULES } from '../../scripts-library/guard';
import { libraryHealth, UNUSED_DAYS } from '../../scripts-library/phrases/library-health';
import type { Phrase, Settings } from '../../scripts-library/shared/schema';
import { useRules } from '../guard/use-rules';
import { t } from '../shared/i18n';
import type { PhraseFlag } from './PhraseList';
import { dateTime } from '../shared/dates';

interface Props {
  phrases: readonly Phrase[];
  settings: Settings | undefined;
  flag(phrase: Phrase): PhraseFlag;
}

const SHOWN = 8;
const day = (at: number | undefined) => (at ? dateTime(at) : t('healthNever'));

export function LibraryHealth({ phrases, settings, flag }: Props) {
  const stored = useRules().rules;
  const health = useMemo(
    () => libraryHealth(phrases, settings?.guardOverrides ?? {}, stored?.length ? stored : DEFAULT_RULES),
    [phrases, settings?.guardOverrides, stored],
  );
  // The guard over every body once per library change (not per render): which phrases would teach flagged wording.
  const flagged = useMemo(() => phrases.filter((p) => flag(p)), [phrases, flag]);
  return (
    <details className="health" aria-label={t('healthTitle')} role="region">
      {/* Folded by default: 管理 is mostly for editing; the one line says whether to look. */}
      <summary>
        <strong>{t('healthTitle')}</strong> {t('healthSummary', [String(phrases.length), String(health.unused.length), String(UNUSED_DAYS), String(flagged.length)])}
      </summary>
      <HealthList title={t('healthMostUsed')} empty={t('healthNoneUsed')} items={health.mostUsed.map((p) => [p.id, p.title, t('healthUses', [String(p.useCount), day(p.lastUsedAt)])])} />
      <HealthList title={t('healthUnused', String(UNUSED_DAYS))} empty={t('healthNoneUnused', String(UNUSED_DAYS))} items={health.unused.map((p) => [p.id, p.title, day(p.lastUsedAt)])} />
      <HealthList title={t('healthFlagged')} empty={t('healthNoneFlagged')} items={flagged.map((p) => [p.id, p.title, flag(p)?.text ?? ''])} />
      <HealthList title={t('healthOverridden')} empty={t('healthNoneOverridden')} items={health.overridden.map((o) => [o.ruleId, o.label, t('healthOverrides', String(o.count))])} />
    </details>
  );
}

function HealthList({ title, empty, items }: { title: string; empty: string; items: [key: string, name: string, detail: string][] }) {
  return (
    <div className="health__list" aria-label={title} role="group">
      <h4>
        {title}
        {items.length > SHOWN ? ` (${items.length})` : ''}
      </h4>
      {items.length ? (
        <ul>
          {items.slice(0, SHOWN).map(([key, name, detail]) => (
            <li key={key}>
              <span>{name}</span> <span className="muted">{detail}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </div>
  );
}
