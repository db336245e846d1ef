// The app's one way to show numbers and dates in a component: bound to
// vue-i18n's current locale, so switching the language switches them too.
import { useI18n } from 'vue-i18n';
import { formatDate, type DateStyle } from './dates';
import { formatNumber, parseNumber } from './numbers';

export function useFormat() {
  const { locale, t } = useI18n();
  return {
    /** "1 234,5" in French, "1,234.5" in English; a decimal string keeps its digits. */
    number: (value: number | string | null | undefined) => formatNumber(value, locale.value),
    /** What a person typed, as the server's decimal string, or why not. */
    parseNumber: (text: string, options?: { integer?: boolean }) => parseNumber(text, locale.value, options),
    /** A date, a moment or a time of day, per the language (24-hour clock in French). */
    date: (value: string | Date, style: DateStyle = 'date') => formatDate(value, locale.value, style),
    dateTime: (value: string | Date) => formatDate(value, locale.value, 'dateTime'),
    /**
     * A message about a count, its plural chosen by the count and the count
     * written the reader's way ("1 234 clients"): t(key, { count }, count) with
     * {count} formatted. `named` adds other placeholders.
     */
    count: (key: string, count: number, named: Record<string, unknown> = {}) => t(key, { ...named, count: formatNumber(count, locale.value) }, count),
    locale,
  };
}
