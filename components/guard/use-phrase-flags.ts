/** Library phrases that would teach warn/block wording, flagged by the same guard the chat page checks with (rules and intent model). */
import { useCallback, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { listRules } from '../../storage/repositories/rules';
import { DEFAULT_RULES } from '../../scripts-library/guard';
import { judgeDraft } from '../../scripts-library/guard/judge';
import { effectiveRules } from '../../scripts-library/guard/effective-rules';
import type { Phrase, Settings } from '../../scripts-library/schema';
import { useDb } from '../shared/db-context';
import { t } from '../shared/i18n';
import type { PhraseFlag } from '../phrases/PhraseList';


export function usePhraseFlags(guardAllows: Settings['guardAllows'] | undefined): (phrase: Phrase) => PhraseFlag {
  const db = useDb();
  const stored = useLiveQuery(() => listRules(db), [db]);
  // The pack plus the agent's 不再提示 allows: what the background checks the chat box with.
  const rules = useMemo(() => effectiveRules(stored?.length ? stored : DEFAULT_RULES, guardAllows ?? {}), [stored, guardAllows]);
  // Checked for rendered rows only (and by 体检 once per library change: the same function while the rules are).
  return useCallback(
    (phrase: Phrase): PhraseFlag => {
      const found = [phrase.body, ...(phrase.variants ?? [])].flatMap((text) => judgeDraft(text, rules, { allows: guardAllows })).filter((h) => h.severity !== 'hint');
      if (!found.length) return undefined;
      const terms = found.map((h) => h.text).join('、');
      return found.some((h) => h.severity === 'block') ? { severity: 'block', text: t('flagBlock', terms) } : { severity: 'warn', text: t('flagWarn', terms) };
    },
    [rules, guardAllows],
  );
}
