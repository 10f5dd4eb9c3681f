/**
 * Named placeholders in phrases: `{店铺名}`, `{客服名}`, `{买家}`, `{发货天数}` … are filled from settings, from the
 * open conversation, or by the agent in a small form; `{光标}` marks where the caret lands after insertion.
 *
 * Three more forms:
 * - a date: `{日期}` today, `{日期+3}` in three days, `{日期-1}`, with a format after `|` (`{日期+3|M月D日（周）}`:
 *   YYYY, MM, M, DD, D and 周 for 周一…周日; default M月D日). `{发货日期}` is today + ⚙ 发货天数 (+N allowed too);
 * - a choice list: `{快递公司=顺丰/中通/圆通}`, a menu in the fill-in form that starts on the last choice made;
 * - a default: `{尺码=M}`, a field that starts filled with it. With `=`, a name of the team's own (`{颜色=黑/白}`)
 *   is allowed; without it, only the known names are (a typo such as `{卖家}` is caught when the phrase is saved).
 */
import type { Settings } from '../shared/schema';
import { serviceHours } from '../chase/service-hours';

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
  截单时间: { from: 'settings', key: 'cutoffTime' },
  快递时效: { from: 'settings', key: 'transitTime' },
  /** From the work shifts in ⚙ (serviceHours): nothing to type, and nothing typed for it goes to settings. */
  服务时间: { from: 'shifts' },
  买家: { from: 'conversation' },
  快递公司: { from: 'order', shared: true },
  运单号: { from: 'order' },
  金额: { from: 'order' },
  [CARET]: { from: 'caret' },
} as const satisfies Record<string, { from: 'settings'; key: keyof Settings } | { from: 'order'; shared?: boolean } | { from: 'conversation' | 'caret' | 'shifts' }>;

export type PlaceholderName = keyof typeof PLACEHOLDERS;
export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as PlaceholderName[];

const TOKEN = /\{([^{}\s]{1,140})\}/g;
const NAME = /^[^\s=|/{}]{1,12}$/;
const DATE = /^(日期|发货日期)(?:([+-])(\d{1,3}))?(?:\|([^=]{1,20}))?$/;
const MAX_OPTIONS = 12;

/** One `{…}` of a body, read. */
export type Token =
  | { kind: 'caret' }
  | { kind: 'date'; base: '日期' | '发货日期'; offset: number; format: string }
  /** A value by name: `options` for a choice list (two or more), `fallback` for a default (one). */
  | { kind: 'named'; name: string; options?: string[]; fallback?: string };

/** Read the inside of one `{…}`; undefined when it is ordinary text (a placeholder cannot look like that). */
export function readToken(inner: string): Token | undefined {
  if (inner === CARET) return { kind: 'caret' };
  const date = DATE.exec(inner);
  if (date) return { kind: 'date', base: date[1] as '日期' | '发货日期', offset: (date[2] === '-' ? -1 : 1) * Number(date[3] ?? 0), format: date[4] ?? 'M月D日' };
  const eq = inner.indexOf('=');
  if (eq < 0) return NAME.test(inner) ? { kind: 'named', name: inner } : undefined;
  const name = inner.slice(0, eq);
  const options = inner.slice(eq + 1).split('/').map((o) => o.trim()).filter(Boolean);
  if (!NAME.test(name) || !options.length || options.length > MAX_OPTIONS) return undefined;
  return options.length === 1 ? { kind: 'named', name, fallback: options[0] } : { kind: 'named', name, options };
}

/** Every placeholder of a body with its token, in order (a name used twice is read from its first use). */
function tokensIn(body: string): { match: RegExpMatchArray; token: Token | undefined }[] {
  return [...body.matchAll(TOKEN)].map((match) => ({ match, token: readToken(match[1]!) }));
}

/** The names of the values a body asks for (dates and the caret are not values), in order of first use. */
export function placeholdersIn(body: string): string[] {
  const names = tokensIn(body).flatMap(({ token }) => (token?.kind === 'named' ? [token.name] : token?.kind === 'caret' ? [CARET] : []));
  return [...new Set(names)];
}

/** Names a body uses that are neither known nor given a default or choices (`{仓库}`: most likely a typo). */
export function unknownPlaceholders(body: string): string[] {
  const custom = new Set(fieldSpecs(body).keys());
  return placeholdersIn(body).filter((name) => !isKnownPlaceholder(name) && !custom.has(name));
}

/** Per name, the choices or the default its first use with `=` gives (names without one are not listed). */
export function fieldSpecs(body: string): Map<string, { options?: string[]; fallback?: string }> {
  const specs = new Map<string, { options?: string[]; fallback?: string }>();
  for (const { token } of tokensIn(body)) {
    if (token?.kind === 'named' && (token.options || token.fallback) && !specs.has(token.name)) specs.set(token.name, { options: token.options, fallback: token.fallback });
  }
  return specs;
}

const WEEKDAYS = '日一二三四五六';
/** A date `days` from `now` (local time), in a format of YYYY, MM, M, DD, D and 周. */
export function formatDate(now: Date, days: number, format: string): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const parts: Record<string, string> = {
    YYYY: String(d.getFullYear()),
    MM: String(d.getMonth() + 1).padStart(2, '0'),
    M: String(d.getMonth() + 1),
    DD: String(d.getDate()).padStart(2, '0'),
    D: String(d.getDate()),
    周: `周${WEEKDAYS[d.getDay()]}`,
  };
  return format.replace(/YYYY|MM|M|DD|D|周/g, (k) => parts[k]!);
}

export function isKnownPlaceholder(name: string): name is PlaceholderName {
  return Object.hasOwn(PLACEHOLDERS, name);
}

/** The values available without asking: shop-wide settings and the conversation's buyer (never an order's). */
export function placeholderValues(
  settings: Pick<Settings, 'shopName' | 'agentName' | 'shipDays' | 'cutoffTime' | 'transitTime' | 'shifts'>,
  buyerName: string | undefined,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of PLACEHOLDER_NAMES) {
    const spec = PLACEHOLDERS[name];
    if (spec.from === 'settings') values[name] = settings[spec.key];
    if (spec.from === 'shifts') values[name] = serviceHours(settings.shifts);
    if (spec.from === 'conversation' && buyerName) values[name] = buyerName;
  }
  // Only non-empty values count as known.
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
}

export interface Filled {
  text: string;
  /** Where the caret goes, as an offset into `text` ({光标}, else the end). */
  caret: number;
  /** Placeholders that still have no value (known names and the phrase's own fields): ask before inserting. */
  missing: string[];
}

/**
 * Fill a phrase body. Dates are computed from `now`; text that only looks like a placeholder is left as written
 * (it is ordinary text to the buyer); missing values stay as `{…}` and are listed in `missing`.
 */
export function fillPlaceholders(body: string, values: Readonly<Record<string, string>>, now = new Date()): Filled {
  const missing = new Set<string>();
  const custom = fieldSpecs(body);
  let caret = -1;
  let text = '';
  let last = 0;
  for (const { match: m, token } of tokensIn(body)) {
    text += body.slice(last, m.index);
    last = m.index! + m[0].length;
    if (token?.kind === 'caret') {
      if (caret < 0) caret = text.length;
      continue;
    }
    if (token?.kind === 'date') {
      const shipDays = token.base === '发货日期' ? Number.parseInt(values['发货天数'] ?? '', 10) || 0 : 0;
      text += formatDate(now, shipDays + token.offset, token.format);
      continue;
    }
    const name = token?.name;
    const value = name === undefined ? undefined : values[name];
    if (name !== undefined && (isKnownPlaceholder(name) || custom.has(name))) {
      if (value) text += value;
      else {
        missing.add(name);
        text += m[0];
      }
    } else text += m[0];
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
 * remembered: it is only a suggestion to confirm), every field of the phrase's own (`{颜色=黑/白}`, `{尺码=M}`:
 * a choice or a default is there to be confirmed) and every other known placeholder without a value.
 */
export function fieldsToAsk(body: string, known: Readonly<Record<string, string>>): string[] {
  const custom = fieldSpecs(body);
  return placeholdersIn(body).filter(
    (name) => name !== CARET && (isKnownPlaceholder(name) || custom.has(name)) && (isOrderPlaceholder(name) || !known[name]?.trim() || (custom.has(name) && !isKnownPlaceholder(name))),
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
  // The last value of a field of the phrases' own (`{颜色=黑/白}`): the last choice made, for any buyer.
  for (const [name, value] of Object.entries(settings.placeholderMemory)) if (!isKnownPlaceholder(name)) out[name] = value;
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
    if (!value.trim()) continue;
    if (!isKnownPlaceholder(name)) {
      shared[name] = value; // a field of the phrase's own: its last choice starts the form next time
      continue;
    }
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
