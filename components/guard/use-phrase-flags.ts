/** Library phrases that would teach warn/block wording, flagged by the same guard the chat page checks with (rules and intent model). */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { listRules } from '../../storage/repositories/rules';
import { checkDraft, checkWithCompiled, compiledFor, DEFAULT_RULES, type Hit } from '../../scripts-library/guard';
import { looksCompiled, reviveCompiled, rulesKey } from '../../scripts-library/guard/compiled-form';
import { createGuardCache } from '../../storage/guard-cache';
import type { JudgeOptions } from '../../scripts-library/guard/judge';
import { effectiveRules, judgeAllows } from '../../scripts-library/guard/effective-rules';
import type { Phrase, Rule, Settings } from '../../scripts-library/shared/schema';
import { useDb } from '../shared/db-context';
import { afterFirstScreen } from '../shared/use-first-screen';
import { t } from '../shared/i18n';
import type { PhraseFlag } from '../phrases/PhraseList';


const MODEL_AFTER_MS = 1500;

type Judge = (draft: string, rules: readonly Rule[], options: JudgeOptions) => Hit[];

/**
 * The guard as the chat page runs it, loaded once the panel is up: the intent model is ≈ 75 kB gzip of weights,
 * kept off the first screen's path. Until it arrives, rows are flagged by the rules alone.
 */
function useJudge(): Judge | undefined {
  const [judge, setJudge] = useState<{ fn: Judge }>();
  useEffect(() => {
    let live = true;
    // After the first screen and the whole library have had their turn: reading the weights holds the page's
    // thread for tens of milliseconds, which at mount lands on the panel's open time (tests/bench/HISTORY.md).
    const timer = setTimeout(() => {
      void import('../../scripts-library/guard/judge').then((m) => live && setJudge({ fn: m.judgeDraft }), (e: unknown) => console.warn('[kefu] guard model', e));
    }, MODEL_AFTER_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);
  return judge?.fn;
}

/**
 * The rules once their compiled form is ready, never compiled during the first screen's render (it was most of
 * the panel's open time, #36 item 5): the form the background keeps for these very rules (guard-cache.ts, the
 * same key) is revived, else they are compiled after the first paint (the panel keeps none: the background does).
 * Until the first is ready rows carry no flag.
 */
/** Whether this page has had a compiled form ready (then nothing waits any more). */
let firstReady = false;

function useCompiled(rules: readonly Rule[]): readonly Rule[] | undefined {
  const [ready, setReady] = useState<readonly Rule[] | undefined>(firstReady ? rules : undefined);
  useEffect(() => {
    if (firstReady) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cache = createGuardCache();
    // Not before the first screen is painted: the key alone is milliseconds, a compile tens (use-first-screen.ts).
    void afterFirstScreen()
      .then(async () => (live ? cache.get(await rulesKey(rules)) : undefined))
      .then((form) => {
        if (!live) return;
        if (looksCompiled(form)) {
          checkWithCompiled(rules, reviveCompiled(form));
          firstReady = true;
          return setReady(rules);
        }
        timer = setTimeout(() => {
          if (!live) return;
          compiledFor(rules);
          firstReady = true;
          setReady(rules);
        }, 0);
      })
      .catch((e: unknown) => console.warn('[kefu] guard form', e));
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [rules]);
  // Only the panel's first screen waits: once a form was ready, other rules (an edit, an allow) and later mounts
  // (back from another tab) are checked at once, as before, so a flag never blinks off.
  return ready || firstReady ? rules : undefined;
}

export function usePhraseFlags(guardAllows: Settings['guardAllows'] | undefined): (phrase: Phrase) => PhraseFlag {
  const db = useDb();
  const judge = useJudge();
  const stored = useLiveQuery(() => listRules(db), [db]);
  // The pack plus the agent's 不再提示 allows: what the background checks the chat box with.
  const rules = useMemo(() => effectiveRules(stored?.length ? stored : DEFAULT_RULES, guardAllows ?? {}), [stored, guardAllows]);
  const ready = useCompiled(rules);
  // Checked for rendered rows only (and by 体检 once per library change: the same function while the rules are).
  return useCallback(
    (phrase: Phrase): PhraseFlag => {
      if (!ready) return undefined;
      const found = [phrase.body, ...(phrase.variants ?? [])].flatMap((text) => (judge ? judge(text, rules, { allows: judgeAllows(guardAllows ?? {}) }) : checkDraft(text, rules))).filter((h) => h.severity !== 'hint');
      if (!found.length) return undefined;
      const terms = found.map((h) => h.text).join('、');
      return found.some((h) => h.severity === 'block') ? { severity: 'block', text: t('flagBlock', terms) } : { severity: 'warn', text: t('flagWarn', terms) };
    },
    [rules, ready, guardAllows, judge],
  );
}
