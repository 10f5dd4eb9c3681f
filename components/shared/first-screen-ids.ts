/** What the panel's first screen (use-first-screen.ts) and its early read (entrypoints/first-screen) share. */

/** This extension page's localStorage key of the first screen's ids (ids only, never text). */
export const FIRST_SCREEN_KEY = 'kefu.firstScreen';
/** More rows than a side panel shows at once. */
export const FIRST_SCREEN = 40;
/** The global the early read leaves its `{ ids, read }` in. */
export const EARLY_READ = '__kefuFirstScreen';
/**
 * The global the head script's static first screen (static-first-screen.ts) shares with the panel's module:
 * `painted` once its rows are on screen, `taken` once the module runs (no static screen is drawn after that:
 * React owns the page), `clicked` the id of the last row clicked (or taken by Alt+n / Enter) before React took over, `typed` what was
 * typed then; `done` settles once the
 * static screen's frame is presented (its first-contentful-paint) or none will be (the panel's module waits for it, at most a while).
 */
export const EARLY_PAINT = '__kefuFirstPaint';
export interface EarlyPaint {
  painted?: boolean;
  taken?: boolean;
  clicked?: string;
  /** Characters typed on the static screen (keepEarlyKeys), for the search box once React has it. */
  typed?: string;
  /** Set once React's search took the typed characters: from then on the keys are React's. */
  keysTaken?: boolean;
  done?: Promise<void>;
}
