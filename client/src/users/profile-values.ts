// A profile's value as people read it in the app's language, from the form
// the server stores and compares it in ("1234.5", "2026-03-05", "true", an
// option's value, "Asia/Calcutta", "fr-CA"): what an edit conflict and a merge
// preview give. Numbers and dates the reader's way (ui/format), Yes/No, option
// titles, time zones by their current names and languages by name, as the
// profile and the history show them.
import { useI18n } from 'vue-i18n';
import { formatDate } from '../ui/format/dates';
import { formatNumber } from '../ui/format/numbers';
import { languageName } from './languages';
import { findTimeZone, timeZoneChoices, type Region } from './time-zones';

/** The reader's language: vue-i18n's t and te, and the locale. */
export interface ValueWords {
  t: (key: string, params?: Record<string, unknown>) => string;
  te: (key: string) => boolean;
  locale: string;
}

/** What a custom field's stored value needs to be read: its type, and its options' titles. */
export interface FieldShape {
  key: string;
  type: string;
  field: { options: readonly { value: string; title: string }[] };
}

/** "UTC+05:30 Kolkata" for "Asia/Kolkata" or its former name "Asia/Calcutta"; a zone the list lacks as it is. */
export function timeZoneText(zone: string, words: ValueWords): string {
  const zones = timeZoneChoices(words.locale, (region: Region) => words.t(`timeZone.regions.${region}`));
  return findTimeZone(zones, zone)?.label ?? zone;
}

/** "French (Canada) (fr-CA)" in English, "français canadien (fr-CA)" in French. */
export function languageText(code: string, locale: string): string {
  return `${languageName(code, locale)} (${code})`;
}

/** A stored "true"/"false" as Yes/No; other text as it is. */
export function yesNoText(value: string, words: ValueWords): string {
  if (value === 'true') return words.t('history.yes');
  if (value === 'false') return words.t('history.no');
  return value;
}

/** A custom field's stored value (a MULTISELECT's option values joined by ", "). */
function customText(shape: FieldShape, value: string, words: ValueWords): string {
  const title = (option: string) => shape.field.options.find((o) => o.value === option)?.title ?? option;
  switch (shape.type) {
    case 'INTEGER':
    case 'DECIMAL':
      return formatNumber(value, words.locale);
    case 'DATE':
      return formatDate(value, words.locale, 'date');
    case 'CHECKBOX':
      return yesNoText(value, words);
    case 'DROPDOWN':
      return title(value);
    case 'MULTISELECT':
      return value.split(', ').map(title).join(', ');
    default:
      return value;
  }
}

/**
 * The stored value of a profile's field (`timeZone`, `locale`, `verified`,
 * `fields.<key>`...) as the reader says it; `fields` are the custom fields'
 * definitions (a user's `fields`). A field not known here reads as stored.
 */
export function storedValueText(field: string, value: string, fields: readonly FieldShape[], words: ValueWords): string {
  if (field.startsWith('fields.')) {
    const shape = fields.find((f) => f.key === field.slice('fields.'.length));
    return shape ? customText(shape, value, words) : value;
  }
  switch (field) {
    case 'timeZone':
      return timeZoneText(value, words);
    case 'locale':
      return languageText(value, words.locale);
    case 'verified':
    case 'suspended':
      return yesNoText(value, words);
    case 'role':
      return words.te(`roles.${value}`) ? words.t(`roles.${value}`) : value;
    default:
      return value;
  }
}

/** The same, bound to the component's i18n (its language followed as it changes). */
export function useValueWords() {
  const { t, te, locale } = useI18n();
  const words = (): ValueWords => ({ t: (key, params) => (params ? t(key, params) : t(key)), te, locale: locale.value });
  return {
    words,
    stored: (field: string, value: string, fields: readonly FieldShape[]) => storedValueText(field, value, fields, words()),
    timeZone: (zone: string) => timeZoneText(zone, words()),
    language: (code: string) => languageText(code, locale.value),
  };
}
