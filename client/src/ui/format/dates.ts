// Dates and times in the app's language, from one place: the named formats
// vue-i18n's d() uses everywhere ('date', 'dateTime', 'time'), the French ones
// on a 24-hour clock ("30 nov. 2026, 14:05"), the English ones on the clock
// English readers expect ("Nov 30, 2026, 2:05 PM"). formatDate() is the same
// for code outside a component.

export type DateStyle = 'date' | 'dateTime' | 'time';

const common = {
  date: { year: 'numeric', month: 'short', day: 'numeric' },
  dateTime: { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  time: { hour: 'numeric', minute: '2-digit' },
} as const satisfies Record<DateStyle, Intl.DateTimeFormatOptions>;

/** vue-i18n's datetimeFormats: French on a 24-hour clock whatever the runtime's default. */
export const DATE_TIME_FORMATS = {
  en: common,
  fr: {
    date: common.date,
    dateTime: { ...common.dateTime, hour: '2-digit', hourCycle: 'h23' },
    time: { ...common.time, hour: '2-digit', hourCycle: 'h23' },
  },
} as const;

/** A calendar date without a time ("2026-03-05", as custom DATE fields hold it). */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/u;

/**
 * A moment (ISO 8601 string or Date) for people to read in `locale`. A
 * date-only string is that calendar day wherever the reader is (it is not
 * moved by their time zone). Text that is not a date is returned as it is.
 */
export function formatDate(value: string | Date, locale: string, style: DateStyle = 'dateTime'): string {
  const base = locale.split('-')[0] === 'fr' ? 'fr' : 'en';
  const dateOnly = typeof value === 'string' && DATE_ONLY.test(value);
  const date = typeof value === 'string' ? new Date(dateOnly ? `${value}T00:00:00Z` : value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const options: Intl.DateTimeFormatOptions = dateOnly ? { ...DATE_TIME_FORMATS[base].date, timeZone: 'UTC' } : DATE_TIME_FORMATS[base][style];
  return new Intl.DateTimeFormat(base, options).format(date);
}
