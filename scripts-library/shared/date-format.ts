/**
 * How the panel writes a date (#29 item 22): 「12月6日 12:44」, 「12月6日 周日」, 「11月30日–12月6日」 in Chinese, and
 * "Dec 6, 12:44", "Sun, Dec 6", "Nov 30 – Dec 6" in English. Every date the panel shows goes through here; the
 * year is written only when it is not the current one. Local time, 24-hour clock.
 */
export type DateLang = 'zh' | 'en';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const EN_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const ZH_DAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A `YYYY-MM-DD` work day as a local date at noon (no daylight-saving edge moves it to another day). */
function dayDate(day: string): Date {
  return new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), 12);
}

function monthDay(d: Date, lang: DateLang, withYear: boolean): string {
  if (lang === 'zh') return `${withYear ? `${d.getFullYear()}年` : ''}${d.getMonth() + 1}月${d.getDate()}日`;
  return `${EN_MONTHS[d.getMonth()]} ${d.getDate()}${withYear ? `, ${d.getFullYear()}` : ''}`;
}

/** A moment: 「12月6日 12:44」 / "Dec 6, 12:44" (with the year when it is not `now`'s). */
export function formatDateTime(at: number, lang: DateLang, now = Date.now()): string {
  const d = new Date(at);
  const date = monthDay(d, lang, d.getFullYear() !== new Date(now).getFullYear());
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return lang === 'zh' ? `${date} ${time}` : `${date}, ${time}`;
}

/** A work day `YYYY-MM-DD`: 「12月6日」 (「12月6日 周日」) / "Dec 6" ("Sun, Dec 6"). */
export function formatDay(day: string, lang: DateLang, options: { weekday?: boolean; year?: boolean } = {}): string {
  const d = dayDate(day);
  const date = monthDay(d, lang, options.year === true);
  if (!options.weekday) return date;
  return lang === 'zh' ? `${date} ${ZH_DAYS[d.getDay()]}` : `${EN_DAYS[d.getDay()]}, ${date}`;
}

/** The week that starts on `monday` (`YYYY-MM-DD`): 「11月30日–12月6日」 / "Nov 30 – Dec 6". */
export function formatWeek(monday: string, lang: DateLang): string {
  const start = dayDate(monday);
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 6, 12);
  return lang === 'zh' ? `${monthDay(start, lang, false)}–${monthDay(end, lang, false)}` : `${monthDay(start, lang, false)} – ${monthDay(end, lang, false)}`;
}
