// The languages a customer can be given: common BCP 47 tags, named in the
// interface language by Intl.DisplayNames.

export const COMMON_LOCALES = [
  'en',
  'en-US',
  'en-GB',
  'en-AU',
  'en-CA',
  'en-IN',
  'fr',
  'fr-FR',
  'fr-CA',
  'fr-BE',
  'fr-CH',
  'de',
  'de-DE',
  'de-AT',
  'de-CH',
  'es',
  'es-ES',
  'es-MX',
  'it',
  'pt',
  'pt-PT',
  'pt-BR',
  'nl',
  'sv',
  'da',
  'nb',
  'fi',
  'is',
  'pl',
  'cs',
  'sk',
  'sl',
  'hr',
  'sr',
  'hu',
  'ro',
  'bg',
  'el',
  'et',
  'lv',
  'lt',
  'ru',
  'uk',
  'tr',
  'ar',
  'he',
  'fa',
  'hi',
  'bn',
  'ja',
  'ko',
  'zh-CN',
  'zh-TW',
  'th',
  'vi',
  'id',
  'ms',
  'fil',
  'ca',
] as const;

export interface LanguageOption {
  code: string;
  label: string;
}

export function languageName(code: string, displayLocale: string): string {
  try {
    const names = new Intl.DisplayNames([displayLocale, 'en'], { type: 'language' });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The common languages plus `current` when it is not one of them, sorted by name. */
export function languageOptions(displayLocale: string, current?: string | null): LanguageOption[] {
  const codes: string[] = [...COMMON_LOCALES];
  if (current && !codes.includes(current)) codes.push(current);
  const collator = new Intl.Collator(displayLocale);
  return codes.map((code) => ({ code, label: `${languageName(code, displayLocale)} — ${code}` })).sort((a, b) => collator.compare(a.label, b.label));
}
