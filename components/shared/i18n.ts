/**
 * UI strings. Every user-visible string goes through `t()`, which reads the extension's `_locales` (Simplified
 * Chinese by default, English for English browsers). Keys are typed from the Chinese catalogue.
 */
import { browser } from 'wxt/browser';
import type zhMessages from '../../public/_locales/zh_CN/messages.json';
import { setFileText } from '../../scripts-library/files/file-text';

export type MessageKey = keyof typeof zhMessages;

export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

// The file readers' reasons (scripts-library/files) in the same catalogue; a key missing from it fails to compile.
setFileText((key, subs) => t(key, subs));

/** The display name of a site adapter id (unknown ids show as a generic web page). */
export function siteName(site: string): string {
  // An id without a catalogue entry yields '' from getMessage, hence the generic name.
  return browser.i18n.getMessage(`site_${site}` as MessageKey) || t('site_generic');
}
