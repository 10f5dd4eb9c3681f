/**
 * Named placeholders in phrases: `{店铺名}`, `{客服名}`, `{买家}`, `{发货天数}` … are filled from settings, from the
 * open conversation, or by the agent in a small form; `{光标}` marks where the caret lands after insertion.
 */
import type { Settings } from './schema';

export const CARET = '光标';

/** Every placeholder a phrase may use, and where its value comes from. */
export const PLACEHOLDERS = {
  店铺名: { from: 'settings', key: 'shopName' },
  客服名: { from: 'settings', key: 'agentName' },
  发货天数: { from: 'settings', key: 'shipDays' },
  买家: { from: 'conversation' },
  快递公司: { from: 'agent' },
  运单号: { from: 'agent' },
  金额: { from: 'agent' },
  [CARET]: { from: 'caret' },
} as const satisfies Record<string, { from: 'settings'; key: keyof Settings } | { from: 'conversation' | 'agent' | 'caret' }>;

export type PlaceholderName = keyof typeof PLACEHOLDERS;
export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as PlaceholderName[];

const TOKEN = /\{([^{}\s]{1,12})\}/g;

/** Placeholder names used in a body, in order of first use (unknown names included, for validation). */
export function placeholdersIn(body: string): string[] {
  return [...new Set([...body.matchAll(TOKEN)].map((m) => m[1]!))];
}

export function isKnownPlaceholder(name: string): name is PlaceholderName {
  return Object.hasOwn(PLACEHOLDERS, name);
}

/** The values available without asking: settings, the conversation's buyer, and remembered agent answers. */
export function placeholderValues(
  settings: Pick<Settings, 'shopName' | 'agentName' | 'shipDays'>,
  buyerName: string | undefined,
  remembered: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const values: Record<string, string> = { ...remembered };
  for (const name of PLACEHOLDER_NAMES) {
    const spec = PLACEHOLDERS[name];
    if (spec.from === 'settings') values[name] = settings[spec.key];
    if (spec.from === 'conversation' && buyerName) values[name] = buyerName;
  }
  // Only non-empty values count as known.
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
}

export interface Filled {
  text: string;
  /** Where the caret goes, as an offset into `text` ({光标}, else the end). */
  caret: number;
  /** Known placeholders that still have no value: ask the agent before inserting. */
  missing: PlaceholderName[];
}

/**
 * Fill a phrase body. Unknown `{…}` tokens are left as written (they are ordinary text to the buyer), missing
 * values stay as `{name}` and are listed in `missing`.
 */
export function fillPlaceholders(body: string, values: Readonly<Record<string, string>>): Filled {
  const missing = new Set<PlaceholderName>();
  let caret = -1;
  let text = '';
  let last = 0;
  for (const m of body.matchAll(TOKEN)) {
    const name = m[1]!;
    text += body.slice(last, m.index);
    last = m.index + m[0].length;
    if (name === CARET) {
      if (caret < 0) caret = text.length;
      continue;
    }
    const value = values[name];
    if (isKnownPlaceholder(name) && value) text += value;
    else {
      if (isKnownPlaceholder(name)) missing.add(name);
      text += m[0];
    }
  }
  text += body.slice(last);
  return { text, caret: caret < 0 ? text.length : caret, missing: [...missing] };
}
