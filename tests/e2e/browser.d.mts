import type { BrowserContext } from 'playwright-core';
export const EXTENSION_DIR: string;
export const E2E_SITES_DIR: string;
export const PRODUCTION_DIR: string;
export function chromiumPath(): string;
export function launchWithExtension(options?: {
  headless?: boolean;
  viewport?: { width: number; height: number };
  lang?: string;
  extensionDir?: string;
  /** More Chromium switches (e.g. --host-resolver-rules). */
  args?: string[];
  /** More environment for the browser process (e.g. TZ: a profile on another clock). */
  env?: Record<string, string>;
}): Promise<{ context: BrowserContext; extensionId: string }>;
