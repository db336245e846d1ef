// A history value as a person would say it, in the reader's language: people
// and organizations by their name now (or as deleted), option titles, Yes/No,
// numbers and dates the reader's way, languages and time zones by name. The
// server says what each value is and what it refers to (HistoryValue); the
// words are the app's.
import type { HistoryValueFieldsFragment } from '../graphql/generated/graphql';
import { formatDate } from '../ui/format/dates';
import { formatNumber } from '../ui/format/numbers';
import { languageText, timeZoneText, yesNoText, type ValueWords } from './profile-values';

/** Words the server records for a few fields ("locked", "unlocked"): said in the reader's language. */
const WORDS: Record<string, Record<string, string>> = {
  signIn: { locked: 'historyValue.signIn.locked', 'not locked': 'historyValue.signIn.notLocked', unlocked: 'historyValue.signIn.unlocked' },
};

/** A value of the change to `field`, as the reader says it. */
export function historyValueText(value: HistoryValueFieldsFragment, words: ValueWords, field = ''): string {
  const { t, te, locale } = words;
  const word = WORDS[field]?.[value.value];
  if (value.kind === 'TEXT' && word) return t(word);
  switch (value.kind) {
    case 'PERSON':
      return value.gone ? t('historyValue.gonePerson') : (value.label ?? value.value);
    case 'ORGANIZATION':
      if (value.gone) {
        // A LOOKUP field recorded the id only; a profile's organization its name.
        return /^\d+$/u.test(value.value) ? t('historyValue.goneUnnamedOrganization') : t('historyValue.goneOrganization', { name: value.value });
      }
      if (value.label && value.label !== value.value && !/^\d+$/u.test(value.value)) {
        return t('historyValue.renamed', { name: value.label, old: value.value });
      }
      return value.label ?? value.value;
    case 'OPTION':
      return value.label ?? t('historyValue.goneOption', { value: value.value });
    case 'BOOLEAN':
      return yesNoText(value.value, words);
    case 'NUMBER':
      return formatNumber(value.value, locale);
    case 'DATE':
      return formatDate(value.value, locale, 'date');
    case 'LANGUAGE':
      return languageText(value.value, locale);
    case 'TIME_ZONE':
      return timeZoneText(value.value, words);
    case 'ROLE':
      return te(`roles.${value.value}`) ? t(`roles.${value.value}`) : value.value;
    default:
      return value.value;
  }
}

/** Where a value links to: a person or an organization that still exists. */
export function historyValueLink(value: HistoryValueFieldsFragment): string | null {
  if (!value.refId) return null;
  if (value.kind === 'PERSON') return `/users/${value.refId}`;
  if (value.kind === 'ORGANIZATION') return `/organizations/${value.refId}`;
  return null;
}
