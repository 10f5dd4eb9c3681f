/**
 * A row of the static first screen clicked before React took over (static-first-screen.ts): inserted once the
 * panel can insert (its settings and served tab known: a click before that would insert nothing), so the click is
 * not lost. Only the last such click, once.
 */
import { useEffect } from 'react';
import type { Phrase } from '../../scripts-library/shared/schema';
import { EARLY_PAINT, type EarlyPaint } from './first-screen-ids';

export function useEarlyClick(rows: readonly Phrase[] | undefined, ready: boolean, insert: (phrase: Phrase) => void): void {
  // React is on screen: the static screen's key listener keeps nothing more (an Enter on the panel's body later is
  // no row taken). The phrases view, mounted inside, took what was typed first (child effects run first).
  useEffect(() => {
    const state = (globalThis as Record<string, unknown>)[EARLY_PAINT] as EarlyPaint | undefined;
    if (state) state.keysTaken = true;
  }, []);
  useEffect(() => {
    const state = (globalThis as Record<string, unknown>)[EARLY_PAINT] as EarlyPaint | undefined;
    if (!ready || !rows || !state?.clicked) return;
    const phrase = rows.find((p) => p.id === state.clicked);
    delete state.clicked;
    if (phrase) insert(phrase);
  }, [rows, ready, insert]);
}

/**
 * What was typed on the static first screen, for the search box: taken once (from then on the keys are React's).
 * Nothing when there was no static screen.
 */
export function takeEarlyTyped(): string {
  const state = (globalThis as Record<string, unknown>)[EARLY_PAINT] as EarlyPaint | undefined;
  if (!state) return '';
  state.keysTaken = true;
  const typed = state.typed ?? '';
  delete state.typed;
  return typed;
}
