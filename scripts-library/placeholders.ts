/**
 * Named placeholders in phrases: `{店铺名}`, `{客服名}`, `{买家}`, `{发货天数}` … are filled from settings, from the
 * open conversation, or by the agent in a small form; `{光标}` marks where the caret lands after insertion.
 */
import type { Settings } from './schema';

export const CARET = '光标';

/**
 * Every placeholder a phrase may use, and where its value comes from. Shop-wide values live in settings; values
 * of one order (`from: 'order'`) belong to one buyer: they are asked every time, prefilled only with what was
 * typed for THIS buyer (so a buyer never gets the previous buyer's tracking number unasked); `shared` ones are
 * also suggested from the last value for any buyer (most shops ship with one courier).
 */
export const PLACEHOLDERS = {
  店铺名: { from: 'settings', key: 'shopName' },
  客服名: { from: 'settings', key: 'agentName' },
  发货天数: { from: 'settings', key: 'shipDays' },
  买家: { from: 'conversation' },
  快递公司: { from: 'order', shared: true },
  运单号: { from: 'order' },
  金额: { from: 'order' },
  [CARET]: { from: 'caret' },
} as const satisfies Record<string, { from: 'settings'; key: keyof Settings } | { from: 'order'; shared?: boolean } | { from: 'conversation' | 'caret' }>;

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

/** The values available without asking: shop-wide settings and the conversation's buyer (never an order's). */
export function placeholderValues(
  settings: Pick<Settings, 'shopName' | 'agentName' | 'shipDays'>,
  buyerName: string | undefined,
): Record<string, string> {
  const values: Record<string, string> = {};
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

/** Whether a placeholder's value belongs to one order (asked every time, remembered per buyer). */
export function isOrderPlaceholder(name: string): boolean {
  return isKnownPlaceholder(name) && PLACEHOLDERS[name].from === 'order';
}

/** Whether a placeholder is a shop-wide setting (what the agent types for it can be saved to ⚙ settings). */
export function settingKeyOf(name: string): keyof Settings | undefined {
  if (!isKnownPlaceholder(name)) return undefined;
  const spec = PLACEHOLDERS[name];
  return spec.from === 'settings' ? spec.key : undefined;
}

/**
 * The fields the fill-in form asks for, in order of use: every order placeholder (even when a value is
 * remembered: it is only a suggestion to confirm) and every other known placeholder without a value.
 */
export function fieldsToAsk(body: string, known: Readonly<Record<string, string>>): PlaceholderName[] {
  return placeholdersIn(body).filter(
    (name): name is PlaceholderName => isKnownPlaceholder(name) && name !== CARET && (isOrderPlaceholder(name) || !known[name]?.trim()),
  );
}

/** A buyer as the memory of order values knows them: site and buyer id (or name). */
export function buyerKey(site: string, buyer: { id?: string; name?: string } | null | undefined): string | undefined {
  const who = buyer?.id || buyer?.name;
  return who ? `${site}|${who}`.slice(0, 300) : undefined;
}

/** Buyers whose order values are kept; older ones are dropped first. */
export const ORDER_MEMORY_BUYERS = 300;

/** Prefills for the form: this buyer's order values, else the last shared value (快递公司) for any buyer. */
export function orderSuggestions(settings: Pick<Settings, 'placeholderMemory' | 'orderMemory'>, buyer: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of PLACEHOLDER_NAMES) {
    const spec = PLACEHOLDERS[name];
    if (spec.from === 'order' && 'shared' in spec && settings.placeholderMemory[name]) out[name] = settings.placeholderMemory[name];
  }
  const own = buyer ? settings.orderMemory[buyer]?.values : undefined;
  return { ...out, ...own };
}

/**
 * What to store after the agent filled the form: order values under this buyer (newest buyers kept), shared ones
 * as the next suggestion for anyone, and shop-wide values into settings when the agent ticked 保存到设置.
 */
export function rememberPatch(
  settings: Pick<Settings, 'placeholderMemory' | 'orderMemory'>,
  typed: Readonly<Record<string, string>>,
  buyer: string | undefined,
  saveShop: boolean,
  now = Date.now(),
): Partial<Settings> {
  const patch: Partial<Settings> = {};
  const order: Record<string, string> = {};
  const shared: Record<string, string> = {};
  for (const [name, value] of Object.entries(typed)) {
    if (!value.trim() || !isKnownPlaceholder(name)) continue;
    const spec = PLACEHOLDERS[name];
    if (spec.from === 'order') {
      order[name] = value;
      if ('shared' in spec) shared[name] = value;
    } else if (spec.from === 'settings' && saveShop) {
      (patch as Record<string, string>)[spec.key] = value;
    }
  }
  if (Object.keys(shared).length) patch.placeholderMemory = { ...settings.placeholderMemory, ...shared };
  if (buyer && Object.keys(order).length) {
    const entries = Object.entries({ ...settings.orderMemory, [buyer]: { values: { ...settings.orderMemory[buyer]?.values, ...order }, at: now } });
    entries.sort((a, b) => b[1].at - a[1].at);
    patch.orderMemory = Object.fromEntries(entries.slice(0, ORDER_MEMORY_BUYERS));
  }
  return patch;
}
