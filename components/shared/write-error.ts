import { t } from './i18n';

/**
 * What the agent reads when a write failed. A full disk (QuotaExceededError, also when Dexie wraps it) gets its
 * own words, since the fix is the agent's (free some space); anything else says what the database said.
 */
export function writeErrorText(e: unknown): string {
  const names = [e, (e as { inner?: unknown } | null)?.inner].map((x) => (x as { name?: string } | null)?.name);
  if (names.includes('QuotaExceededError')) return t('saveFailedQuota');
  return t('saveFailed', e instanceof Error ? e.message : String(e));
}
