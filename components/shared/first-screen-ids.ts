/** What the panel's first screen (use-first-screen.ts) and its early read (entrypoints/first-screen) share. */

/** This extension page's localStorage key of the first screen's ids (ids only, never text). */
export const FIRST_SCREEN_KEY = 'kefu.firstScreen';
/** More rows than a side panel shows at once. */
export const FIRST_SCREEN = 40;
/** The global the early read leaves its `{ ids, read }` in. */
export const EARLY_READ = '__kefuFirstScreen';
