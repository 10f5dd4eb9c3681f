/**
 * How the worker's core (index.ts: the guard's check) and the rest of the background (features.ts, built as its
 * own script, worker-features.js) meet. A wake evaluates the whole worker script before it can answer anything, and
 * that evaluation was most of a woken worker's first check (#36 item 4), so the core holds the guard only and the
 * rest is loaded when a message, alarm, notification or tab event needs it, or soon after the wake.
 *
 * Chrome (MV3 service worker): the rest is `importScripts`-ed. A worker may import a script after its first
 * evaluation only if it imported it during its `install` event (the browser keeps the script with the worker's
 * version), so the core imports it there too (index.ts). Firefox (MV2 background page): the manifest lists the rest
 * before the core (wxt.config.ts), so it is already there.
 */
import type { Handlers, Receiver } from './messages';
import type { GuardMessage } from './guard';

/** What the core gives the rest: the guard's handlers, whose state (rules, compiled form, model) the core owns. */
export interface Core {
  guard: Handlers<GuardMessage>;
}

/** The rest of the background, as the core's listeners call it. */
export interface Features {
  receive: Receiver;
  /** The database opened with its whole schema: created or upgraded where the stored one is not the latest. */
  openDb(): Promise<void>;
  /** The extension pages are told the chat tabs changed. */
  broadcast(): void;
  onInstalled(): void;
  onAlarm(name: string): void;
  onNotificationClicked(id: string): void;
  onTabActivated(tabId: number): void;
  onTabRemoved(tabId: number): void;
}

type Start = (core: Core) => Features;

/** The rest's script, at the extension's root. */
export const FEATURES_SCRIPT = '/worker-features.js';
const SLOT = Symbol.for('kefu.worker-features');
const slot = globalThis as { [SLOT]?: Start };

/** The rest's script offers its start here when it is evaluated. */
export function offerFeatures(start: Start): void {
  slot[SLOT] = start;
}

/** Evaluate the rest's script where it is not yet (the worker's `install` event, or any later moment in Chrome). */
export function importFeatures(): void {
  if (!slot[SLOT] && typeof importScripts === 'function') importScripts(FEATURES_SCRIPT);
}

/** The rest, started with the core's handlers (its script evaluated first when it is not yet). */
export function startFeatures(core: Core): Features {
  importFeatures();
  const start = slot[SLOT];
  if (!start) throw new Error(`${FEATURES_SCRIPT} is not loaded`);
  return start(core);
}
