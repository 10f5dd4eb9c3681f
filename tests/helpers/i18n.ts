/**
 * Chrome's `i18n.getMessage` semantics over a `_locales/<lang>/messages.json` catalogue, for tests (the fake
 * browser does not implement i18n): named placeholders `$NAME$` → their content, then `$1`…`$9` → substitutions.
 */
import zh from '../../public/_locales/zh_CN/messages.json';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export function formatMessage(catalogue: Record<string, Entry>, key: string, subs?: string | string[]): string {
  const entry = catalogue[key];
  if (!entry) return '';
  const args = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  const positional = (s: string) => s.replace(/\$(\d)/g, (_, n: string) => args[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([a-z0-9_@]+)\$/gi, (_, name: string) => positional(entry.placeholders?.[name.toLowerCase()]?.content ?? ''))
    .replace(/\$\$/g, '$');
}

export const zhCatalogue = zh as Record<string, Entry>;
export const zhMessage = (key: string, subs?: string | string[]) => formatMessage(zhCatalogue, key, subs);
