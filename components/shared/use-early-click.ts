/**
 * A row of the static first screen clicked before React took over (static-first-screen.ts): inserted once the
 * panel can insert (its settings and served tab known: a click before that would insert nothing), so the click is
 * not lost. Only the last such click, once.
 */
import { useEffect } from 'react';
import type { Phrase } from '../../scripts-library/shared/schema';
import { EARLY_PAINT, type EarlyPaint } from './first-screen-ids';

export function useEarlyClick(rows: readonly Phrase[] | undefined, ready: boolean, insert: (phrase: Phrase) => void): void {
  useEffect(() => {
    const state = (globalThis as Record<string, unknown>)[EARLY_PAINT] as EarlyPaint | undefined;
    if (!ready || !rows || !state?.clicked) return;
    const phrase = rows.find((p) => p.id === state.clicked);
    delete state.clicked;
    if (phrase) insert(phrase);
  }, [rows, ready, insert]);
}
