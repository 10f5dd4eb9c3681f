/** Dates as the panel writes them, in the panel's language (scripts-library/shared/date-format.ts; #29 item 22). */
import { formatDateTime, formatDay, formatWeek, type DateLang } from '../../scripts-library/shared/date-format';
import { t } from './i18n';

/** The catalogue says which way (zh / en), so dates follow the language every other string is in. */
const lang = (): DateLang => (t('dateLang') === 'en' ? 'en' : 'zh');

/** 「12月6日 12:44」 */
export const dateTime = (at: number) => formatDateTime(at, lang());
/** 「12月6日」, 「12月6日 周日」 for a `YYYY-MM-DD` work day. */
export const day = (d: string, options?: { weekday?: boolean; year?: boolean }) => formatDay(d, lang(), options);
/** 「11月30日–12月6日」 for the week starting on that Monday. */
export const week = (monday: string) => formatWeek(monday, lang());
