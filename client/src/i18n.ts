// vue-i18n setup: English first, French complete. The interface language is
// the one picked in the top bar, else the browser's, else English.
import { watch } from 'vue';
import { createI18n } from 'vue-i18n';
import { setRequestLocale } from './graphql/client';
import en, { type MessageSchema } from './locales/en';
import fr from './locales/fr';
import { DATE_TIME_FORMATS } from './ui/format/dates';

export const APP_LOCALES = ['en', 'fr'] as const;
export type AppLocale = (typeof APP_LOCALES)[number];

const STORAGE_KEY = 'accueil.locale';

function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (APP_LOCALES as readonly string[]).includes(value);
}

export function preferredLocale(): AppLocale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isAppLocale(stored)) return stored;
  } catch {
    // Storage may be disabled; fall through to the browser's languages.
  }
  const languages = globalThis.navigator?.languages ?? [];
  for (const language of languages) {
    const base = language.split('-')[0]?.toLowerCase();
    if (isAppLocale(base)) return base;
  }
  return 'en';
}

export function rememberLocale(locale: AppLocale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered; the choice still holds for this page.
  }
}

export function createAppI18n(locale: AppLocale = preferredLocale()) {
  const i18n = createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, fr },
    // One place for dates and times (ui/format/dates.ts): French on a 24-hour clock.
    datetimeFormats: DATE_TIME_FORMATS,
  });
  // Server messages (errors, warnings) come back in the interface's language, and the page says its language
  // (<html lang>) on every screen, for screen readers, hyphenation and spelling. Chromium draws a date input in
  // the browser's own language whatever lang says (checked in Chromium 156), so that is not what this is for.
  watch(
    i18n.global.locale,
    (value) => {
      setRequestLocale(value);
      if (typeof document !== 'undefined') document.documentElement.lang = value;
    },
    { immediate: true },
  );
  return i18n;
}

export type AppI18n = ReturnType<typeof createAppI18n>;
